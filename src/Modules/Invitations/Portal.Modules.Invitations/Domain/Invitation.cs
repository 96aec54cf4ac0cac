namespace Portal.Modules.Invitations.Domain;

internal enum InvitationStatus
{
    Pending,
    Accepted,
    Expired,
    Revoked,
}

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
    public string TokenHash { get; set; } = string.Empty;
    public InvitationStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public Guid InvitedByUserId { get; init; }
    public string InvitedByName { get; init; } = string.Empty;
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset LastSentAt { get; set; }
    public int SendCount { get; set; }
    public DateTimeOffset? ReminderSentAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public Guid? AcceptedByUserId { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public Guid? ClosedByUserId { get; set; }

    /// <summary>Pending past its expiry counts as expired even before the expiry job has marked it.</summary>
    public InvitationStatus StatusAt(DateTimeOffset now) =>
        Status == InvitationStatus.Pending && ExpiresAt <= now ? InvitationStatus.Expired : Status;
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
    public bool StillValid { get; set; }
}
