using Portal.Modules.Invitations.Contracts;
using Portal.Modules.Invitations.Domain;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Shared.Abstractions;

namespace Portal.Modules.Invitations.Features.Shared;

/// <summary>An invitation as the practice sees it.</summary>
public sealed record InvitationResponse(
    Guid Id,
    Guid PatientId,
    string PatientName,
    string Email,
    InvitationStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    InvitedBy InvitedBy,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? ClosedAt)
{
    internal static InvitationResponse From(Invitation i, DateTimeOffset now) => new(
        i.Id,
        i.PatientId,
        $"{i.PatientGivenName} {i.PatientFamilyName}".Trim(),
        i.Email,
        i.StatusAt(now),
        i.CreatedAt,
        i.ExpiresAt,
        new InvitedBy(i.InvitedByUserId, i.InvitedByName),
        i.AcceptedAt,
        i.ClosedAt);
}

public sealed record InvitedBy(Guid UserId, string Name);

internal static class InvitationPolicy
{
    /// <summary>Why the practice's settings forbid inviting now, or null when they allow it.</summary>
    public static Error? Refusal(Portal.Modules.PortalSettings.Contracts.PortalSettingsSnapshot settings) =>
        !settings.PortalEnabled ? InvitationErrors.PortalDisabled
        : !settings.PatientInvitations ? InvitationErrors.Disabled
        : null;
}

internal static class InvitationErrors
{
    public static readonly Error NotFound = Error.NotFound("invitations.not-found", "No such invitation.");
    public static readonly Error Disabled = Error.Forbidden("invitations.disabled", "Your practice does not allow inviting patients to the portal.");
    public static readonly Error PortalDisabled = Error.Forbidden("portal.disabled", "The practice's patient portal is turned off.");
    public static readonly Error PendingExists = Error.Conflict("invitations.pending-exists", "This patient already has a pending invitation. Resend it instead.");
    public static readonly Error AlreadyLinked = Error.Conflict("invitations.already-linked", "This patient already uses the portal.");
    public static readonly Error EmailRequired = Error.Validation("invitations.email-required", "The patient has no email address: enter one to send the invitation to.", "email");
    public static readonly Error PatientNotFound = PatientRecordErrors.NotFound;
    public static readonly Error Expired = Error.Gone("invitations.expired", "This invitation has expired. Ask your practice to send a new one.");
    public static readonly Error Used = Error.Gone("invitations.used", "This invitation has already been used. Sign in instead.");
    public static readonly Error Revoked = Error.Gone("invitations.revoked", "This invitation link is no longer valid. Use the latest email from your practice, or ask for a new invitation.");
    public static readonly Error NotPending = Error.Conflict("invitations.not-pending", "Only a pending or expired invitation can be resent, and only a pending one revoked.");
    public static readonly Error SignInRequired = Error.Conflict("invitations.sign-in-required", "You already have a Portal account with this email. Sign in, then accept the invitation to add this practice to it.");
    public static readonly Error WrongAccount = Error.Forbidden("invitations.wrong-account", "This invitation is for another email address than the account you are signed in with.");
    public static readonly Error OtherAddressNeedsAdmin = Error.Forbidden("invitations.other-address-needs-admin",
        "Only a practice admin can send an invitation to another address than the patient's email on record. Use that address, or correct the record first.");
    public static readonly Error PasswordRequired = Error.Validation("invitations.password-required", "Choose a password of at least 12 characters.", "password");
}
