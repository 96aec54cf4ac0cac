using Portal.Web.Admin.Features.Appointments;
using Portal.Web.Admin.Features.Approvals;
using Portal.Web.Components.Api;
using Portal.Web.Admin.Features.Invitations;
using Portal.Web.Admin.Features.Join;
using Portal.Web.Admin.Features.PasswordReset;
using Portal.Web.Admin.Features.PatientDetail;
using Portal.Web.Admin.Features.SecurityLog;
using Portal.Web.Admin.Features.Settings;
using Portal.Web.Admin.Features.Shared;
using Portal.Web.Admin.Features.Staff;
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
        PatientTab.Funding => terms.Heading("funding"),
        PatientTab.Appointments => "Appointments",
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
        PatientTab.Funding => "funding",
        PatientTab.Appointments => "appointments",
        PatientTab.PortalAccess => "portal-access",
        PatientTab.Notes => "notes",
        PatientTab.History => "history",
        PatientTab.Access => "access-log",
        _ => tab.ToString().ToLowerInvariant(),
    };

    // The patient page's portal access, notes and history tabs.

    public static string InvitationStatus(InvitationStatus status) => status switch
    {
        Features.Shared.InvitationStatus.Pending => "Waiting",
        Features.Shared.InvitationStatus.Accepted => "Accepted",
        Features.Shared.InvitationStatus.Expired => "Expired",
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
    public static string RecordPartName(RecordPart part) => part switch
    {
        RecordPart.HealthRecord => "healthRecord",
        RecordPart.Funding => "funding",
        _ => "profile",
    };

    /// <summary>A part of the record in the history tab's address (<c>?subject=</c>).</summary>
    public static string RecordPartKey(RecordPart part) => part switch
    {
        RecordPart.HealthRecord => "health-record",
        RecordPart.Funding => "funding",
        _ => "profile",
    };

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

    // The approvals queue, settings, account, notifications, invitations, staff and security log (issue 15, second part).

    /// <summary>What became of a request that left the approvals queue, said in the list of what was decided.</summary>
    public static string Decided(DecisionOutcome outcome, string patientName, string part) => outcome switch
    {
        DecisionOutcome.Approved => $"Approved: {patientName}'s {part}. The change is applied.",
        DecisionOutcome.Rejected => $"Rejected: {patientName}'s {part}. They are told your reason.",
        DecisionOutcome.AlreadyDecided => $"{patientName}'s request had already been decided by someone else.",
        DecisionOutcome.Superseded => $"{patientName} replaced that request with a newer one, shown in the list.",
        DecisionOutcome.Withdrawn => $"{patientName} withdrew that request.",
        _ => $"{patientName}'s request was not decided.",
    };

    /// <summary>An entry of a list in a change (the API's <c>added</c>, <c>changed</c>, <c>removed</c>).</summary>
    public static EntryKind EntryKindOf(string change) =>
        Enum.TryParse<EntryKind>(change, ignoreCase: true, out var kind) && Enum.IsDefined(kind) ? kind : EntryKind.Changed;

    public static string EntryChange(EntryKind kind) => kind switch
    {
        Features.Approvals.EntryKind.Added => "added",
        Features.Approvals.EntryKind.Removed => "removed",
        _ => "changed",
    };

    /// <summary>The CSS class of an entry's badge (portal.css colours them).</summary>
    public static string EntryChangeClass(EntryKind kind) => EntryChange(kind);

    public static string PolicyTitle(PatientUpdatePolicy policy) => policy switch
    {
        PatientUpdatePolicy.AutoUpdate => "Auto update",
        PatientUpdatePolicy.Disabled => "Disabled",
        _ => "Require approval",
    };

    public static string PolicyExplanation(PatientUpdatePolicy policy) => policy switch
    {
        PatientUpdatePolicy.AutoUpdate => "A patient's changes to their details apply at once; the practice is notified.",
        PatientUpdatePolicy.Disabled => "Patients cannot change their details online; they contact the practice instead.",
        _ => "A patient's changes wait until a practitioner approves or rejects them.",
    };

    /// <summary>The id of a policy's radio button (<c>updates-autoUpdate</c>).</summary>
    public static string PolicyId(PatientUpdatePolicy policy) => "updates-" + System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(policy.ToString());

    public static string OnOff(bool on) => on ? "on" : "off";

    public static string MarkedRead(int marked) => $"Marked {marked} {(marked == 1 ? "notification" : "notifications")} as read.";

    /// <summary>An invitation's status on the invitations page.</summary>
    public static string InvitationListStatus(InvitationStatus status) => status switch
    {
        Features.Shared.InvitationStatus.Accepted => "Accepted",
        Features.Shared.InvitationStatus.Expired => "Expired",
        Features.Shared.InvitationStatus.Revoked => "Withdrawn",
        _ => "Pending",
    };

    public static string BulkSkipped(int skipped) =>
        $"{skipped} {(skipped == 1 ? "patient was" : "patients were")} skipped (no email, already invited or already using the portal).";

    public static string StaffRole(bool practiceAdmin) => practiceAdmin ? "Practice admin" : "Practitioner";

    public static string StaffActive(bool active) => active ? "Active" : "Deactivated";

    public static string StaffInvitationStatus(StaffInvitationStatus status) => status switch
    {
        Features.Staff.StaffInvitationStatus.Accepted => "Accepted",
        Features.Staff.StaffInvitationStatus.Expired => "Expired",
        Features.Staff.StaffInvitationStatus.Revoked => "Withdrawn",
        _ => "Pending",
    };

    /// <summary>The CSS class of a staff invitation's badge (portal.css colours them).</summary>
    public static string StaffInvitationStatusClass(StaffInvitationStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>A person in the security log: name and email, or the email alone.</summary>
    public static string LogPerson(LogPerson person) =>
        person.Name is { Length: > 0 } name ? $"{name} ({person.Email})" : person.Email ?? "a removed account";

    // Appointments: the calendar, booking for a patient, and an appointment's actions (issue 16).

    /// <summary>A time of day at the appointment's location (its wall clock): "9:30 am".</summary>
    public const string Time = "h:mm tt";

    public const string DayHeading = "dddd d MMMM yyyy";
    public const string WeekdayDate = "ddd d MMM";

    /// <summary>When an appointment is, at its location: "9:30 am – 10:00 am" (from the API's offsets, never the server's zone).</summary>
    public static string TimeRange(Appointment appointment) =>
        $"{appointment.Start.DateTime.ToString(Time)} – {appointment.End.DateTime.ToString(Time)}";

    /// <summary>The date and time of an appointment at its location: "Monday 7 December 2026, 9:30 am – 10:00 am".</summary>
    public static string When(Appointment appointment) => $"{appointment.Start.DateTime.ToString(DayHeading)}, {TimeRange(appointment)}";

    public static string AppointmentStatusText(AppointmentStatus status) => status switch
    {
        Features.Appointments.AppointmentStatus.Cancelled => "Cancelled",
        Features.Appointments.AppointmentStatus.Arrived => "Arrived",
        Features.Appointments.AppointmentStatus.Completed => "Completed",
        Features.Appointments.AppointmentStatus.DidNotAttend => "Did not attend",
        _ => "Booked",
    };

    /// <summary>The CSS class of an appointment's status badge (the badge's own styles colour them).</summary>
    public static string AppointmentStatusClass(AppointmentStatus status) => status switch
    {
        Features.Appointments.AppointmentStatus.DidNotAttend => "did-not-attend",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>The button that records attendance.</summary>
    public static string MarkAttendance(AppointmentStatus status) => status switch
    {
        Features.Appointments.AppointmentStatus.Arrived => "Mark arrived",
        Features.Appointments.AppointmentStatus.Completed => "Mark completed",
        _ => "Mark did not attend",
    };

    /// <summary>Where an appointment's status may go next, as the API allows: booked to arrived, completed or did not attend; arrived to completed.</summary>
    public static IReadOnlyList<AppointmentStatus> NextStatuses(AppointmentStatus status) => status switch
    {
        Features.Appointments.AppointmentStatus.Booked =>
            [Features.Appointments.AppointmentStatus.Arrived, Features.Appointments.AppointmentStatus.Completed, Features.Appointments.AppointmentStatus.DidNotAttend],
        Features.Appointments.AppointmentStatus.Arrived => [Features.Appointments.AppointmentStatus.Completed],
        _ => [],
    };

    /// <summary>What was just done to an appointment (<c>?done=</c> after the redirect).</summary>
    public static string? AppointmentDone(string? done) => done switch
    {
        "booked" => "Booked. The patient is emailed the details.",
        "cancelled" => "Cancelled. The patient is emailed with your reason.",
        "rescheduled" => "Moved to the new time. The patient is emailed the change.",
        "arrived" => "Marked as arrived.",
        "completed" => "Marked as completed.",
        "didNotAttend" => "Marked as did not attend.",
        _ => null,
    };

    /// <summary>A time outside the practitioner's weekly hours at the location, with their hours that day.</summary>
    public static string OutsideHours(string practitionerName, string locationName, DateOnly date, IReadOnlyList<WeeklyHours> thatDay)
    {
        var hours = thatDay.Count == 0
            ? $"they keep no hours there on {date.DayOfWeek}s"
            : "their hours that day: " + string.Join(", ", thatDay.Select(h =>
                $"{TimeOnly.FromTimeSpan(h.From).ToString(Time)} – {TimeOnly.FromTimeSpan(h.To).ToString(Time)}"));
        return $"{practitionerName} does not usually see patients at {locationName} then ({hours}). Choose another time, or tick \"Book outside their usual hours\".";
    }

    /// <summary>A booking or change the API refused, in words the form shows at the time field (or the form).</summary>
    public static ApiProblem AppointmentProblem(ApiProblem problem, string? practitionerName = null, string? locationName = null)
    {
        var who = practitionerName ?? "The practitioner";
        var message = problem.Code switch
        {
            "appointments.slot-taken" => $"That time is taken: {who} already has an appointment then. Choose another time.",
            // Staff may book outside the weekly hours (an extra session): the API refuses a time off the five minutes, or a location it does not know.
            "appointments.outside-availability" => $"{who} cannot be booked {(locationName is null ? "" : $"at {locationName} ")}at that time. Choose a time on the five minutes.",
            "appointments.not-booked" => "This appointment is no longer booked (someone may have just changed it), so it cannot be changed.",
            "appointments.invalid-status-change" => "That does not fit the appointment's status now (someone may have just changed it).",
            _ => null,
        };
        if (message is null)
        {
            return problem;
        }

        var field = problem.Code is "appointments.slot-taken" or "appointments.outside-availability" ? "time" : null;
        return problem with
        {
            Message = message,
            FieldErrors = field is null ? problem.FieldErrors : new Dictionary<string, string[]> { [field] = [message] },
        };
    }

    // A practitioner's hours and time off, and the booking rules (issue 16).

    /// <summary>The days of a week of hours, Monday first.</summary>
    public static readonly IReadOnlyList<DayOfWeek> WeekDays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public const string FiveMinutes = "Choose a time on the five minutes, e.g. 09:00 or 09:05.";

    /// <summary>What was just done on the hours page (<c>?done=</c> after the redirect).</summary>
    public static string? ScheduleDone(string? done) => done switch
    {
        "hours-saved" => "Saved. Patients can book these hours now.",
        "time-off-removed" => "The time off was removed: that time can be booked again.",
        _ => null,
    };

    /// <summary>A stretch of time off at the location whose offset it carries: "Monday 7 December 2026, 9:00 am – Tuesday 8 December 2026, 12:00 am".</summary>
    public static string TimeOffSpan(DateTimeOffset start, DateTimeOffset end) =>
        DateOnly.FromDateTime(start.DateTime) == DateOnly.FromDateTime(end.DateTime)
            ? $"{start.DateTime.ToString(DayHeading)}, {start.DateTime.ToString(Time)} – {end.DateTime.ToString(Time)}"
            : $"{start.DateTime.ToString(DayHeading)}, {start.DateTime.ToString(Time)} – {end.DateTime.ToString(DayHeading)}, {end.DateTime.ToString(Time)}";

    /// <summary>What saving the booking rules came to, said under their form.</summary>
    public static string BookingRulesSaved => "Saved. Patients' online booking follows these rules now.";

    public const string BookingRulesStale = "Someone changed these meanwhile; here they are now. Make your change again if it is still needed.";
}
