using System.Text.Json.Serialization;
using Portal.Shared.Abstractions;

namespace Portal.Modules.Identity.Contracts;

/// <summary>
/// Something that matters to an account's or a record's security happened in another module (an invitation sent to
/// an address other than the record's, a patient account unlinked from a record). Identity keeps it in the security
/// log beside its own sign-in, lockout, password, two-factor and session events. <see cref="Kind"/> is one of
/// a <see cref="SecurityEventKind"/>; <see cref="Detail"/> is a short plain-words line, never a secret or a token.
/// </summary>
[IntegrationEvent("identity.security-event-occurred")]
public sealed record SecurityEventOccurred(
    Guid EventId,
    DateTimeOffset OccurredAt,
    SecurityEventKind Kind,
    Guid? AccountId,
    Guid? PracticeGroupId,
    Guid? ActorUserId,
    string? RemoteAddress,
    string? Detail) : IIntegrationEvent;

/// <summary>
/// The kinds of entries in the security log: on the wire, in events and in the log's rows the camelCase words
/// (<c>signInFailed</c>, <c>staffRolesChanged</c>).
/// </summary>
[JsonConverter(typeof(CamelCaseEnumConverter<SecurityEventKind>))]
public enum SecurityEventKind
{
    SignInSucceeded,
    SignInFailed,
    LockedOut,
    PasswordChanged,
    PasswordResetRequested,
    PasswordReset,
    TwoFactorEnabled,
    TwoFactorDisabled,
    RecoveryCodesRegenerated,
    SessionRevoked,
    InvitationToOtherAddress,
    PatientUnlinked,
    RecordEmailChanged,
    StaffInvited,
    StaffInvitationRevoked,
    StaffRolesChanged,
    StaffDeactivated,
    StaffReactivated,
}
