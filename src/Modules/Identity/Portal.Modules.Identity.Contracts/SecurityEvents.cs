using Portal.Shared.Abstractions;

namespace Portal.Modules.Identity.Contracts;

/// <summary>
/// Something that matters to an account's or a record's security happened in another module (an invitation sent to
/// an address other than the record's, a patient account unlinked from a record). Identity keeps it in the security
/// log beside its own sign-in, lockout, password, two-factor and session events. <see cref="Kind"/> is one of
/// <see cref="SecurityEventKinds"/>; <see cref="Detail"/> is a short plain-words line, never a secret or a token.
/// </summary>
[IntegrationEvent("identity.security-event-occurred")]
public sealed record SecurityEventOccurred(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string Kind,
    Guid? AccountId,
    Guid? PracticeGroupId,
    Guid? ActorUserId,
    string? RemoteAddress,
    string? Detail) : IIntegrationEvent;

/// <summary>The kinds of entries in the security log.</summary>
public static class SecurityEventKinds
{
    public const string SignInSucceeded = "signInSucceeded";
    public const string SignInFailed = "signInFailed";
    public const string LockedOut = "lockedOut";
    public const string PasswordChanged = "passwordChanged";
    public const string PasswordResetRequested = "passwordResetRequested";
    public const string PasswordReset = "passwordReset";
    public const string TwoFactorEnabled = "twoFactorEnabled";
    public const string TwoFactorDisabled = "twoFactorDisabled";
    public const string RecoveryCodesRegenerated = "recoveryCodesRegenerated";
    public const string SessionRevoked = "sessionRevoked";
    public const string InvitationToOtherAddress = "invitationToOtherAddress";
    public const string PatientUnlinked = "patientUnlinked";
    public const string RecordEmailChanged = "recordEmailChanged";
    public const string StaffInvited = "staffInvited";
    public const string StaffInvitationRevoked = "staffInvitationRevoked";
    public const string StaffRolesChanged = "staffRolesChanged";
    public const string StaffDeactivated = "staffDeactivated";
    public const string StaffReactivated = "staffReactivated";
}
