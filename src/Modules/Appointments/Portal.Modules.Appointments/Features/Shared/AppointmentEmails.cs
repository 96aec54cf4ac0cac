using NodaTime;
using Portal.Modules.Notifications.Contracts;

namespace Portal.Modules.Appointments.Features.Shared;

/// <summary>What the patient is told when their appointment is booked, cancelled, moved or near: times on the location's clock, in words.</summary>
internal static class AppointmentEmails
{
    public static EmailContent Booked(AppointmentFacts facts, Booker by, Instant? changeableUntil, string portalUrl) => new(
        $"Appointment confirmed: {Briefly(facts)}",
        "Your appointment is booked",
        [
            by == Booker.Staff ? "Your practice booked an appointment for you." : "Thank you for booking. Your appointment is confirmed.",
            What(facts),
            When(facts),
            Where(facts),
            .. ChangeRule(facts, changeableUntil),
            "The attached calendar file (appointment.ics) adds it to your calendar.",
        ],
        Portal(portalUrl),
        [AppointmentCalendar.AttachmentFor(facts)]);

    public static EmailContent Rescheduled(AppointmentFacts facts, Interval previous, Booker by, Instant? changeableUntil, string portalUrl) => new(
        $"Appointment moved: now {Briefly(facts)}",
        "Your appointment has moved",
        [
            by == Booker.Staff ? "Your practice moved your appointment to a new time." : "You moved your appointment to a new time.",
            What(facts),
            $"Was: {AppointmentTimes.InWords(previous.Start, facts.Location.Zone)}.",
            $"Now: {AppointmentTimes.InWords(facts.Appointment.Start, facts.Location.Zone)}.",
            Where(facts),
            .. ChangeRule(facts, changeableUntil),
            "The attached calendar file (appointment.ics) updates the entry in your calendar.",
        ],
        Portal(portalUrl),
        [AppointmentCalendar.AttachmentFor(facts)]);

    public static EmailContent Cancelled(AppointmentFacts facts, Booker by, string portalUrl)
    {
        var reason = facts.Appointment.CancellationReason;
        return new EmailContent(
            $"Appointment cancelled: {Briefly(facts)}",
            "Your appointment is cancelled",
            [
                by == Booker.Staff
                    ? "Your practice cancelled your appointment."
                    : "You cancelled your appointment. Thank you for letting the practice know.",
                .. by == Booker.Staff && reason is not null ? [$"The practice's reason: {reason}"] : Array.Empty<string>(),
                What(facts),
                When(facts),
                Where(facts),
                "To book another time, use the patient portal or call the practice. The attached calendar file (appointment.ics) removes it from your calendar.",
            ],
            Portal(portalUrl),
            [AppointmentCalendar.AttachmentFor(facts)]);
    }

    public static EmailContent Reminder(AppointmentFacts facts, string portalUrl) => new(
        $"Reminder: your appointment {Briefly(facts)}",
        "A reminder of your appointment",
        [
            What(facts),
            When(facts),
            Where(facts),
            "If you cannot come, please cancel or change it in the patient portal, or call the practice.",
        ],
        Portal(portalUrl));

    private static string Briefly(AppointmentFacts facts) => AppointmentTimes.Briefly(facts.Appointment.Start, facts.Location.Zone);

    private static string What(AppointmentFacts facts) =>
        $"What: {facts.Type.Name} with {facts.PractitionerName} ({(int)(facts.Appointment.End - facts.Appointment.Start).TotalMinutes} minutes).";

    private static string When(AppointmentFacts facts) => $"When: {AppointmentTimes.InWords(facts.Appointment.Start, facts.Location.Zone)}.";

    private static string Where(AppointmentFacts facts) =>
        string.IsNullOrWhiteSpace(facts.Location.Address) ? $"Where: {facts.Location.Name}." : $"Where: {facts.Location.Name}, {facts.Location.Address}.";

    private static string[] ChangeRule(AppointmentFacts facts, Instant? changeableUntil) => changeableUntil is { } until
        ? [$"You can cancel or change it online until {AppointmentTimes.InWords(until, facts.Location.Zone)}; after that, please call the practice."]
        : [];

    private static EmailAction Portal(string portalUrl) => new("See my appointments", portalUrl);
}
