using Portal.Modules.Invitations.Contracts;
using Portal.Modules.Invitations.Features.Shared;
using Portal.Shared.Abstractions;

namespace Portal.Modules.Invitations.Domain;

/// <summary>
/// An invitation for one patient record to join the portal. Its token is kept only as a SHA-256 hash and works
/// once; resending replaces it (the old one is remembered as superseded).
/// </summary>
internal sealed class Invitation
{
    public Guid Id { get; init; }
    public Guid PracticeGroupId { get; init; }
    public Guid PatientId { get; init; }
    public string Email { get; init; } = string.Empty;
    public string PatientGivenName { get; init; } = string.Empty;
    public string PatientFamilyName { get; init; } = string.Empty;
    public string? Message { get; init; }
    public string TokenHash { get; private set; } = string.Empty;
    public InvitationStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    public Guid InvitedByUserId { get; init; }
    public string InvitedByName { get; init; } = string.Empty;
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset LastSentAt { get; private set; }
    public int SendCount { get; private set; }
    public DateTimeOffset? ReminderSentAt { get; private set; }

    /// <summary>Set when a patient accepts, by one conditional update (of two accepts racing, one wins).</summary>
    public DateTimeOffset? AcceptedAt { get; private set; }

    public Guid? AcceptedByUserId { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public Guid? ClosedByUserId { get; private set; }

    /// <summary>A new pending invitation whose link carries the token hashed in <paramref name="tokenHash"/>.</summary>
    public static Invitation Issue(
        Guid practiceGroupId, Guid patientId, string email, string patientGivenName, string patientFamilyName, string? message,
        string tokenHash, Guid invitedByUserId, string invitedByName, DateTimeOffset now, DateTimeOffset expiresAt) => new()
    {
        Id = Guid.CreateVersion7(),
        PracticeGroupId = practiceGroupId,
        PatientId = patientId,
        Email = email,
        PatientGivenName = patientGivenName,
        PatientFamilyName = patientFamilyName,
        Message = string.IsNullOrWhiteSpace(message) ? null : message.Trim(),
        TokenHash = tokenHash,
        Status = InvitationStatus.Pending,
        CreatedAt = now,
        InvitedByUserId = invitedByUserId,
        InvitedByName = invitedByName,
        ExpiresAt = expiresAt,
        LastSentAt = now,
        SendCount = 1,
    };

    /// <summary>Pending past its expiry counts as expired even before the expiry job has marked it.</summary>
    public InvitationStatus StatusAt(DateTimeOffset now) =>
        Status == InvitationStatus.Pending && ExpiresAt <= now ? InvitationStatus.Expired : Status;

    /// <summary>A practitioner withdraws it: only a pending invitation can be revoked.</summary>
    public Result Revoke(Guid practitionerId, DateTimeOffset now)
    {
        if (StatusAt(now) != InvitationStatus.Pending)
        {
            return InvitationErrors.NotPending;
        }

        Status = InvitationStatus.Revoked;
        ClosedAt = now;
        ClosedByUserId = practitionerId;
        return Result.Success();
    }

    /// <summary>Marks a pending invitation past its expiry as expired, closed when it expired; anything else stays.</summary>
    public bool ExpireIfLapsed(DateTimeOffset now)
    {
        if (Status != InvitationStatus.Pending || ExpiresAt > now)
        {
            return false;
        }

        Status = InvitationStatus.Expired;
        ClosedAt = ExpiresAt;
        return true;
    }

    /// <summary>
    /// Sends it again with a new link (pending again, a new expiry, a new reminder later): answers the token it
    /// replaces, which stops working. Only a pending or expired invitation can be resent.
    /// </summary>
    public Result<SupersededInvitationToken> Resend(string newTokenHash, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        if (StatusAt(now) is not (InvitationStatus.Pending or InvitationStatus.Expired))
        {
            return InvitationErrors.NotPending;
        }

        var replaced = SupersededInvitationToken.Of(this, now, stillValid: false);
        TokenHash = newTokenHash;
        Status = InvitationStatus.Pending;
        ClosedAt = null;
        ExpiresAt = expiresAt;
        LastSentAt = now;
        SendCount++;
        ReminderSentAt = null;
        return replaced;
    }

    /// <summary>The reminder is decided once, whether or not it is sent (the practice may have stopped invitations).</summary>
    public void ReminderDecided(DateTimeOffset now) => ReminderSentAt = now;

    /// <summary>
    /// The reminder carries a new link; the first one keeps working until the invitation expires, since the patient
    /// may click the first email. Answers that earlier token.
    /// </summary>
    public SupersededInvitationToken NewLinkForReminder(string newTokenHash, DateTimeOffset now)
    {
        var earlier = SupersededInvitationToken.Of(this, now, stillValid: true);
        TokenHash = newTokenHash;
        return earlier;
    }
}

/// <summary>
/// An earlier token of an invitation. After a resend its link answers "revoked"; after a reminder it keeps working
/// until the invitation expires (<see cref="StillValid"/>), since the patient may click the first email.
/// </summary>
internal sealed class SupersededInvitationToken
{
    public string TokenHash { get; init; } = string.Empty;
    public Guid InvitationId { get; init; }
    public DateTimeOffset SupersededAt { get; init; }
    public bool StillValid { get; private set; }

    public static SupersededInvitationToken Of(Invitation invitation, DateTimeOffset now, bool stillValid) =>
        new() { TokenHash = invitation.TokenHash, InvitationId = invitation.Id, SupersededAt = now, StillValid = stillValid };

    /// <summary>A resend: every earlier link stops working, including one a reminder had left valid.</summary>
    public void StopWorking() => StillValid = false;
}
