using Portal.Web.Components;
using Portal.Web.Components.Api;

namespace Portal.Web.Admin;

// The shapes of the API's answers this app reads (as the OpenAPI document describes them). Unknown members are ignored by the client.

public sealed record NotificationPage(IReadOnlyList<NotificationItem> Items, int Total, int Unread);

/// <summary>What "mark all as read" answers: how many were unread.</summary>
public sealed record MarkedRead(int Marked);

public sealed record NotificationItem(Guid Id, string Kind, Guid? PatientId, string Summary, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

public sealed record PortalSettings(
    bool PortalEnabled, bool PatientInvitations, string PatientUpdates, bool NoteSharing, DateTimeOffset? UpdatedAt = null, ChangedBy? UpdatedBy = null,
    IReadOnlyList<string>? AlwaysApproveFields = null);

public sealed record SettingsChange(DateTimeOffset ChangedAt, ChangedBy ChangedBy, PortalSettings Before, PortalSettings After);

public sealed record ChangedBy(Guid UserId, string Name);

public sealed record PatientRow(Guid Id, string GivenName, string FamilyName, DateOnly DateOfBirth, string? Email, string PortalStatus);

public sealed record Patient(
    Guid Id, string GivenName, string FamilyName, string? PreferredName, DateOnly DateOfBirth, string? Sex, string? Email, string? MobilePhone,
    AddressDetails? Address, EmergencyContactDetails? EmergencyContact, string PortalStatus, int Version)
{
    public PersonDetails Details => new(GivenName, FamilyName, PreferredName, DateOfBirth, Sex, Email, MobilePhone, Address, EmergencyContact);
}

public sealed record HealthRecord(Guid PatientId, IReadOnlyList<AllergyItem> Allergies, IReadOnlyList<MedicationItem> Medications, IReadOnlyList<ConditionItem> Conditions, int Version);

public sealed record ChangeRequest(
    Guid Id, Guid PatientId, string PatientName, string Subject, DateTimeOffset SubmittedAt, DateTimeOffset WaitingSince, string Status, IReadOnlyList<FieldChange> Changes,
    DateTimeOffset? DecidedAt, string? DecidedBy, string? Reason);

public sealed record Invitation(Guid Id, Guid PatientId, string PatientName, string Email, string Status, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);

public sealed record BulkProgress(Guid Id, int Total, int Sent, int Failed, DateTimeOffset? CompletedAt);

public sealed record AccessLogEntry(DateTimeOffset At, Guid ActorUserId, string ActorName, string Action, string Subject);

public sealed record NoteAuthor(Guid UserId, string Name);

public sealed record NoteAmendment(Guid Id, int Revision, string Body, DateTimeOffset CreatedAt, NoteAuthor Author);

public sealed record Note(Guid Id, Guid PatientId, NoteAuthor Author, string Visibility, string Body, DateTimeOffset CreatedAt, IReadOnlyList<NoteAmendment> Amendments);

public sealed record NoteRead(Guid NoteId, Guid ReaderUserId, string ReaderName, DateTimeOffset At);

/// <summary>One applied change of a patient's record, with each changed field before and after.</summary>
public sealed record RecordVersion(
    Guid Id, string Subject, int Version, DateTimeOffset ChangedAt, ChangedBy ChangedBy, string Source, Guid? ChangeRequestId, Guid? RestoredFromVersionId,
    IReadOnlyList<FieldChange> Changes);

public sealed record StaffMember(Guid UserId, string Email, string Name, bool PracticeAdmin, bool Active, DateTimeOffset CreatedAt, DateTimeOffset? DeactivatedAt);

public sealed record StaffInvitation(Guid Id, string Email, string? GivenName, string? FamilyName, bool PracticeAdmin, string Status, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, string InvitedBy);

public sealed record StaffInvitationDetails(string PracticeName, string Email, string? GivenName, string? FamilyName, bool PracticeAdmin, DateTimeOffset ExpiresAt);
