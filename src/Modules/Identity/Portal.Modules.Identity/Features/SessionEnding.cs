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
    /// <summary>Ends every active session of the account except <paramref name="keep"/> (the caller's own).</summary>
    public async Task<int> EndOthersAsync(PortalUser account, Guid? keep, string reason, CancellationToken cancellationToken)
    {
        var others = await db.Sessions
            .Where(s => s.UserId == account.Id && s.Id != keep && s.RevokedAt == null)
            .ToListAsync(cancellationToken);
        foreach (var session in others)
        {
            End(session, account.PracticeGroupId, actorUserId: account.Id, reason);
        }

        return others.Count;
    }

    public void End(UserSession session, Guid? practiceGroupId, Guid? actorUserId, string reason)
    {
        session.Revoke(clock.GetUtcNow(), reason);
        log.Record(SecurityEventKinds.SessionRevoked, session.UserId, practiceGroupId, actorUserId,
            detail: $"{reason}: session signed in {session.CreatedAt:yyyy-MM-dd HH:mm} UTC on {session.UserAgent ?? "an unknown device"}");
        unitOfWork.AfterCommit(() => sessionCache.MarkRevoked(session.Id));
    }
}
