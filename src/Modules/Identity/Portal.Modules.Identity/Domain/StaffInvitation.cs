using Portal.Modules.Identity.Features.Staff;
using Portal.Shared.Abstractions;

namespace Portal.Modules.Identity.Domain;

internal enum StaffInvitationStatus
{
    Pending,
    Accepted,
    Expired,
    Revoked,
}

/// <summary>
/// A practice admin's invitation for someone to join the practice as a practitioner (and maybe a practice admin).
/// Its link's token is kept only as a SHA-256 hash and works once, until it expires.
/// </summary>
internal sealed class StaffInvitation
{
    public Guid Id { get; init; }
    public Guid PracticeGroupId { get; init; }
    public string Email { get; init; } = string.Empty;
    public string? GivenName { get; init; }
    public string? FamilyName { get; init; }
    public bool PracticeAdmin { get; init; }
    public string TokenHash { get; init; } = string.Empty;
    public DateTimeOffset CreatedAt { get; init; }
    public Guid InvitedByUserId { get; init; }
    public string InvitedByName { get; init; } = string.Empty;
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public Guid? AcceptedByUserId { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public StaffInvitationStatus StatusAt(DateTimeOffset now) =>
        AcceptedAt is not null ? StaffInvitationStatus.Accepted
        : RevokedAt is not null ? StaffInvitationStatus.Revoked
        : ExpiresAt <= now ? StaffInvitationStatus.Expired
        : StaffInvitationStatus.Pending;

    public Result Revoke(DateTimeOffset now)
    {
        if (StatusAt(now) != StaffInvitationStatus.Pending)
        {
            return StaffErrors.InvitationNotPending;
        }

        RevokedAt = now;
        return Result.Success();
    }

    public Result Accept(Guid userId, DateTimeOffset now)
    {
        if (StatusAt(now) != StaffInvitationStatus.Pending)
        {
            return StaffErrors.InvitationNotPending;
        }

        AcceptedAt = now;
        AcceptedByUserId = userId;
        return Result.Success();
    }
}
