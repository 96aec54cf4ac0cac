using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Data;
using Portal.Modules.Identity.Domain;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;
using Portal.Shared.Messaging;
using Portal.Shared.Persistence;

namespace Portal.Modules.Identity.Features.Staff;

/// <summary>A member of the practice's staff as a practice admin sees them.</summary>
public sealed record StaffMember(Guid UserId, string Email, string Name, bool PracticeAdmin, bool Active, DateTimeOffset CreatedAt, DateTimeOffset? DeactivatedAt);

/// <summary>A staff invitation as the practice sees it.</summary>
public sealed record StaffInvitationResponse(
    Guid Id, string Email, string? GivenName, string? FamilyName, bool PracticeAdmin, string Status, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, string InvitedBy)
{
    internal static StaffInvitationResponse From(StaffInvitation i, DateTimeOffset now) => new(
        i.Id, i.Email, i.GivenName, i.FamilyName, i.PracticeAdmin, i.StatusAt(now).ToString().ToLowerInvariant(), i.CreatedAt, i.ExpiresAt, i.InvitedByName);
}

internal static class StaffErrors
{
    public static readonly Error NotFound = Error.NotFound("staff.not-found", "No such member of your practice's staff.");
    public static readonly Error LastAdmin = Error.Conflict("staff.last-admin",
        "The practice needs at least one active practice admin: make someone else a practice admin first.");
    public static readonly Error AlreadyDeactivated = Error.Conflict("staff.already-deactivated", "This account is already deactivated.");
    public static readonly Error NotDeactivated = Error.Conflict("staff.not-deactivated", "This account is active.");
    public static readonly Error EmailTaken = Error.Conflict("staff.email-taken", "Someone on your practice's staff already uses this email.");
    public static readonly Error InvitationPendingExists = Error.Conflict("staff-invitations.pending-exists",
        "Someone at this address already has a pending invitation to your practice. Revoke it to send a new one.");
    public static readonly Error InvitationNotFound = Error.NotFound("staff-invitations.not-found", "No such invitation.");
    public static readonly Error InvitationNotPending = Error.Conflict("staff-invitations.not-pending", "Only a pending invitation can be revoked.");
    public static readonly Error InvitationExpired = Error.Gone("staff-invitations.expired", "This invitation has expired. Ask your practice admin for a new one.");
    public static readonly Error InvitationUsed = Error.Gone("staff-invitations.used", "This invitation has already been used. Sign in instead.");
    public static readonly Error InvitationRevoked = Error.Gone("staff-invitations.revoked", "This invitation was withdrawn. Ask your practice admin for a new one.");
    public static readonly Error NameRequired = Error.Validation("staff-invitations.name-required", "Enter your given and family name.", "givenName");
}

internal static class StaffSessionEndings
{
    public const string Deactivated = "deactivated";
    public const string RolesChanged = "roles-changed";
}

/// <summary>
/// The rules every staff change shares: only this practice's practitioners are found, the practice always keeps an
/// active practice admin, a change ends the account's sessions when its tokens would otherwise outlive it, and each
/// change goes to the security log.
/// </summary>
internal sealed class StaffAccounts(
    IdentityModuleDbContext db, SessionEnding sessions, ICurrentUser currentUser, IHttpContextAccessor http, TimeProvider clock)
{
    private static readonly Guid AdminRoleId = PortalRoles.All.Single(r => r.Name == Roles.PracticeAdmin).Id;

    public async Task<PortalUser?> FindAsync(Guid userId, CancellationToken cancellationToken)
    {
        var groupId = currentUser.StaffPracticeGroupId;
        return await db.Users.SingleOrDefaultAsync(
            u => u.Id == userId && u.PracticeGroupId == groupId && u.Kind == AccountKind.Practitioner, cancellationToken);
    }

    public Task<bool> IsAdminAsync(Guid userId, CancellationToken cancellationToken) =>
        db.UserRoles.AnyAsync(r => r.UserId == userId && r.RoleId == AdminRoleId, cancellationToken);

    /// <summary>Whether an active practice admin other than <paramref name="userId"/> remains in the caller's practice.</summary>
    public Task<bool> AnotherActiveAdminAsync(Guid userId, CancellationToken cancellationToken)
    {
        var groupId = currentUser.StaffPracticeGroupId;
        return db.Users.AnyAsync(
            u => u.Id != userId && u.PracticeGroupId == groupId && u.Kind == AccountKind.Practitioner && u.DeactivatedAt == null
                 && db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == AdminRoleId),
            cancellationToken);
    }

    /// <summary>
    /// Saves a change that takes an admin away and checks, inside the same transaction, that the practice still has an
    /// active admin: two admins demoting each other at once cannot both succeed (the second sees the first's change).
    /// False when the change was rolled back.
    /// </summary>
    public async Task<bool> SaveKeepingAnAdminAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Writing the practice's row first queues staff changes of one practice behind each other. Without it, on SQL
        // Server two admins demoting each other would each hold their own role row and wait for the other's: a
        // deadlock, one of them answered 500. (SQLite takes its write lock at the first write and queues them anyway.)
        var groupId = currentUser.StaffPracticeGroupId;
        await db.PracticeGroups.Where(g => g.Id == groupId)
            .ExecuteUpdateAsync(set => set.SetProperty(g => g.Name, g => g.Name), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (!await AnotherActiveAdminAsync(userId: Guid.Empty, cancellationToken))   // any active admin at all
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public void GrantAdmin(PortalUser user) =>
        db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<Guid> { UserId = user.Id, RoleId = AdminRoleId });

    public async Task RemoveAdminAsync(PortalUser user, CancellationToken cancellationToken)
    {
        var role = await db.UserRoles.SingleAsync(r => r.UserId == user.Id && r.RoleId == AdminRoleId, cancellationToken);
        db.UserRoles.Remove(role);
    }

    /// <summary>
    /// Withdraws the pending invitations <paramref name="inviter"/> sent: an invitation is only as good as the admin who
    /// sent it, so a deactivated admin's links stop working with their account.
    /// </summary>
    public async Task<int> RevokeInvitationsSentByAsync(PortalUser inviter, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var pending = await db.StaffInvitations
            .Where(i => i.InvitedByUserId == inviter.Id && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .ToListAsync(cancellationToken);
        foreach (var invitation in pending)
        {
            invitation.Revoke(now);
            Log(SecurityEventKind.StaffInvitationRevoked, accountId: null,
                $"The invitation of {invitation.Email} was withdrawn: {inviter.Email}, who sent it, was deactivated.");
        }

        return pending.Count;
    }

    /// <summary>Ends every active session of the account, each logged; its access tokens stop working on this instance at once.</summary>
    public Task EndSessionsAsync(PortalUser user, string reason, CancellationToken cancellationToken) =>
        sessions.EndAllAsync(user, currentUser.UserId, reason, cancellationToken);

    public void Log(SecurityEventKind kind, Guid? accountId, string detail) =>
        db.Publish(new SecurityEventOccurred(
            Guid.CreateVersion7(), clock.GetUtcNow(), kind, accountId, currentUser.PracticeGroupId, currentUser.UserId, RemoteAddress.Of(http.HttpContext), detail));

    public async Task<StaffMember> DescribeAsync(PortalUser user, CancellationToken cancellationToken) =>
        new(user.Id, user.Email ?? string.Empty, user.DisplayName, await IsAdminAsync(user.Id, cancellationToken), user.DeactivatedAt is null,
            user.CreatedAt, user.DeactivatedAt);
}
