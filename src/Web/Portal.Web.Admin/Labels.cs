using Portal.Web.Admin.Features.Join;
using Portal.Web.Admin.Features.PasswordReset;
using Portal.Web.Admin.Features.PatientDetail;
using Portal.Web.Admin.Features.Shared;
using Portal.Web.Admin.Features.Patients;
using Portal.Web.Admin.Features.PortalAccess;
using Portal.Web.Admin.Features.Notes;
using Portal.Web.Admin.Features.RecordHistory;

namespace Portal.Web.Admin;

/// <summary>The admin app's own words for what the API answers, in one place.</summary>
public static class Labels
{
    public const string AppName = "Portal for practices";

    public static string PortalStatus(PortalStatus status) => status switch
    {
        Features.Patients.PortalStatus.Active => "Uses the portal",
        Features.Patients.PortalStatus.Invited => "Invited",
        _ => "Not invited",
    };

    /// <summary>The CSS class of a portal status badge (portal.css colours them).</summary>
    public static string PortalStatusClass(PortalStatus status) => status switch
    {
        Features.Patients.PortalStatus.Active => "active",
        Features.Patients.PortalStatus.Invited => "invited",
        _ => "none",
    };

    public static string DeadLinkTitle(DeadResetLink dead) => dead switch
    {
        DeadResetLink.Used => "This link has already been used",
        DeadResetLink.Expired => "This link has expired",
        _ => "This link is not valid",
    };

    public static string DeadLinkTitle(DeadStaffInvitation dead) => dead switch
    {
        DeadStaffInvitation.Expired => "This invitation has expired",
        DeadStaffInvitation.Used => "This invitation has already been used",
        DeadStaffInvitation.Revoked => "This invitation was withdrawn",
        _ => "This invitation link is not valid",
    };

    /// <summary>A patient page's tab; the record's parts are named in the server's words.</summary>
    public static string TabTitle(PatientTab tab, RecordTerms terms) => tab switch
    {
        PatientTab.Details => terms.Heading("profile"),
        PatientTab.HealthRecord => terms.Heading("healthRecord"),
        PatientTab.PortalAccess => "Portal access",
        PatientTab.Notes => "Notes",
        PatientTab.History => "History",
        PatientTab.Access => "Access log",
        _ => tab.ToString(),
    };

    /// <summary>A patient page's tab in its address (<c>?tab=</c>).</summary>
    public static string TabKey(PatientTab tab) => tab switch
    {
        PatientTab.Details => "details",
        PatientTab.HealthRecord => "health-record",
        PatientTab.PortalAccess => "portal-access",
        PatientTab.Notes => "notes",
        PatientTab.History => "history",
        PatientTab.Access => "access-log",
        _ => tab.ToString().ToLowerInvariant(),
    };

    // The patient page's portal access, notes and history tabs.

    public static string InvitationStatus(InvitationStatus status) => status switch
    {
        Features.PortalAccess.InvitationStatus.Pending => "Waiting",
        Features.PortalAccess.InvitationStatus.Accepted => "Accepted",
        Features.PortalAccess.InvitationStatus.Expired => "Expired",
        _ => "Revoked",
    };

    /// <summary>The CSS class of an invitation's status badge (portal.css colours them).</summary>
    public static string InvitationStatusClass(InvitationStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>Who may read a note, as its line says.</summary>
    public static string NoteVisibility(NoteVisibility visibility) =>
        visibility == Features.Notes.NoteVisibility.Private ? "only the author" : "practice";

    /// <summary>Who may read a new note, as the choice says.</summary>
    public static string NoteVisibilityChoice(NoteVisibility visibility) =>
        visibility == Features.Notes.NoteVisibility.Private ? "Only me" : "Practice (while note sharing is on)";

    /// <summary>A part of the record by the server's name for it (its words come from <see cref="RecordTerms"/>).</summary>
    public static string RecordPartName(RecordPart part) => part == RecordPart.HealthRecord ? "healthRecord" : "profile";

    /// <summary>A part of the record in the history tab's address (<c>?subject=</c>).</summary>
    public static string RecordPartKey(RecordPart part) => part == RecordPart.HealthRecord ? "health-record" : "profile";

    public static string ChangeSource(ChangeSource source, string who) => source switch
    {
        Features.RecordHistory.ChangeSource.PatientEdit => $"{who} (the patient) changed",
        Features.RecordHistory.ChangeSource.Approval => $"{who} approved the patient's change to",
        Features.RecordHistory.ChangeSource.Restore => $"{who} restored",
        _ => $"{who} changed",
    };

    public static string EntryChange(EntryChangeKind change) => change switch
    {
        EntryChangeKind.Added => "added",
        EntryChangeKind.Removed => "removed",
        _ => "changed",
    };

    /// <summary>The CSS class of an entry's change badge (portal.css colours them).</summary>
    public static string EntryChangeClass(EntryChangeKind change) => EntryChange(change);

    public const string DateTime = "d MMM yyyy, h:mm tt";
    public const string DateTimeSeconds = "d MMM yyyy, h:mm:ss tt";
    public const string LongDate = "d MMMM yyyy";
    public const string Date = "d MMM yyyy";
}
