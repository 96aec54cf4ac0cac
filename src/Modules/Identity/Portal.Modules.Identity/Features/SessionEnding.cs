using Microsoft.EntityFrameworkCore;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Data;
using Portal.Modules.Identity.Domain;
using Portal.Shared.Persistence;

namespace Portal.Modules.Identity.Features;

/// <summary>
/// Ends sessions and logs each ending; the session check on this instance forgets them once the change is saved.
/// </summary>
internal sealed class SessionEnding(IdentityModuleDbContext db, SecurityLog log, SessionCache sessionCache, UnitOfWork unitOfWork, TimeProvider clock)
{
    /// <summary>Ends every active session of the account except <paramref name="keep"/> (the caller's own), the owner acting.</summary>
    public Task<int> EndOthersAsync(PortalUser account, Guid? keep, string reason, CancellationToken cancellationToken) =>
        EndAsync(account, keep, actorUserId: account.Id, reason, cancellationToken);

    /// <summary>
    /// Ends every active session of the account: <paramref name="actorUserId"/> is who did it (a practice admin), or
    /// null when nobody signed in did (a password reset link).
    /// </summary>
    public Task<int> EndAllAsync(PortalUser account, Guid? actorUserId, string reason, CancellationToken cancellationToken) =>
        EndAsync(account, keep: null, actorUserId, reason, cancellationToken);

    private async Task<int> EndAsync(PortalUser account, Guid? keep, Guid? actorUserId, string reason, CancellationToken cancellationToken)
    {
        var ending = await db.Sessions
            .Where(s => s.UserId == account.Id && s.Id != keep && s.RevokedAt == null)
            .ToListAsync(cancellationToken);
        foreach (var session in ending)
        {
            End(session, account.PracticeGroupId, actorUserId, reason);
        }

        return ending.Count;
    }

    public void End(UserSession session, Guid? practiceGroupId, Guid? actorUserId, string reason)
    {
        session.Revoke(clock.GetUtcNow(), reason);
        log.Record(SecurityEventKind.SessionRevoked, session.UserId, practiceGroupId, actorUserId,
            detail: $"{reason}: session signed in {session.CreatedAt:yyyy-MM-dd HH:mm} UTC on {session.UserAgent ?? "an unknown device"}");
        unitOfWork.AfterCommit(() => sessionCache.MarkRevoked(session.Id));
    }
}
