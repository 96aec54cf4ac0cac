using Portal.Web.Components.Api;
using Portal.Web.Patient.Features.Appointments;
using Portal.Web.Patient.Features.Invitation;
using Portal.Web.Patient.Features.PasswordReset;
using Portal.Web.Patient.Features.Requests;

namespace Portal.Web.Patient;

/// <summary>
/// The patients' app's own words for what the API answers, in one place (the record's field names are the server's:
/// <see cref="RecordTerms"/>).
/// </summary>
public static class Labels
{
    public static string Status(ChangeStatus status) => status switch
    {
        ChangeStatus.Pending => "Waiting for the practice",
        ChangeStatus.Approved => "Approved",
        ChangeStatus.Rejected => "Not accepted",
        ChangeStatus.Superseded => "Replaced",
        ChangeStatus.Withdrawn => "Withdrawn",
        _ => status.ToString(),
    };

    /// <summary>The CSS class of a status badge (portal.css colours them).</summary>
    public static string StatusClass(ChangeStatus status) => status switch
    {
        ChangeStatus.Pending => "pending",
        ChangeStatus.Approved => "approved",
        ChangeStatus.Rejected => "rejected",
        _ => "",
    };

    public static string DeadLinkTitle(DeadInvitation dead) => dead switch
    {
        DeadInvitation.Expired => "This invitation has expired",
        DeadInvitation.Used => "This invitation has already been used",
        DeadInvitation.Revoked => "This invitation link no longer works",
        _ => "This invitation link is not valid",
    };

    public static string DeadLinkTitle(DeadResetLink dead) => dead switch
    {
        DeadResetLink.Used => "This link has already been used",
        DeadResetLink.Expired => "This link has expired",
        _ => "This link is not valid",
    };

    public static string SaveButton(UpdatePolicy policy, string what) =>
        policy == UpdatePolicy.AutoUpdate ? $"Save my {what}" : "Send to my practice";

    /// <summary>What an edit came to, in a sentence; <paramref name="terms"/> names the fields, <paramref name="what"/> the part.</summary>
    public static string? Outcome(EditResult result, string practice, RecordTerms terms, string what, string changes) => result.Kind switch
    {
        EditResultKind.Applied => $"Saved. Your practice has your updated {what}.",
        EditResultKind.SentForApproval => $"Sent to {practice} for approval. Your {what} {changes} when they approve it.",
        EditResultKind.PartlyApplied =>
            $"Saved your {terms.Sentence(result.AppliedFields)}. Your change to {terms.Sentence(result.PendingFields)} is sent to {practice} for approval, and applies when they approve it.",
        EditResultKind.Withdrawn => $"Your request is withdrawn: nothing waits for {practice}, and your {what} {(what.EndsWith('s') ? "stay" : "stays")} as {(what.EndsWith('s') ? "they are" : "it is")}.",
        EditResultKind.NothingChanged => "Nothing changed, so nothing was sent.",
        _ => null,
    };

    public static string Status(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Booked => "Booked",
        AppointmentStatus.Cancelled => "Cancelled",
        AppointmentStatus.Arrived => "Arrived",
        AppointmentStatus.Completed => "Completed",
        AppointmentStatus.DidNotAttend => "Did not attend",
        _ => status.ToString(),
    };

    /// <summary>The CSS class of an appointment's status badge (portal.css colours them).</summary>
    public static string StatusClass(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Booked => "active",
        AppointmentStatus.Cancelled => "rejected",
        AppointmentStatus.DidNotAttend => "pending",
        _ => "",
    };

    /// <summary>The practice's rule for one booked appointment, in the location's time.</summary>
    public static string ChangeRule(PatientAppointment appointment, DateTimeOffset now) =>
        appointment.ChangeableAt(now)
            ? $"You can cancel or change this online until {When.DayAndTime(appointment.CancellableUntil!.Value)}."
            : "To change this appointment, call the practice.";

    /// <summary>What went wrong with a booking, a move or a cancellation, in plain words (the API's code decides).</summary>
    public static string AppointmentProblem(ApiProblem problem, string practice) => problem.Code switch
    {
        "appointments.slot-taken" => "Sorry, someone else has just taken that time. Please choose another.",
        "appointments.too-soon" => "That time is too soon to book online. Please choose a later time, or call the practice.",
        "appointments.too-far-ahead" => "That time is too far ahead to book online. Please choose an earlier time.",
        "appointments.outside-availability" => "The practitioner no longer sees patients at that time. Please choose another.",
        "appointments.online-booking-disabled" => $"{practice} does not take bookings online at the moment. Please call the practice.",
        "appointments.new-patients-not-allowed" => "This kind of appointment is only for existing patients of the practice. Please choose another kind, or call the practice.",
        "appointments.cancellation-window" => "It is now too close to the appointment to cancel or change it online. Please call the practice.",
        "appointments.patient-cancellation-disabled" => $"{practice} does not take cancellations or changes online. Please call the practice.",
        "appointments.not-booked" => "This appointment is no longer booked, so it cannot be changed.",
        "appointments.not-found" => "This appointment was not found among yours.",
        "appointments.type-not-found" => "This kind of appointment can no longer be booked online. Please call the practice.",
        "access.read-only" => "You can look at this record but not book or change its appointments.",
        _ => problem.Message,
    };

    public const string DateTime = "d MMM yyyy, h:mm tt";
    public const string Date = "d MMM yyyy";
}
