using System.Globalization;
using Portal.Modules.Appointments.Contracts;
using Portal.Modules.Notifications.Contracts;
using Portal.Modules.Notifications.Data;
using Portal.Modules.Notifications.Domain;
using Portal.Shared.Messaging;

namespace Portal.Modules.Notifications.Features;

/// <summary>Tells the practitioner that their patient booked online (<c>appointmentBooked</c>); a booking the practice made tells nobody.</summary>
[InboxName("notifications.announce-appointment-booked")]
internal sealed class AppointmentBookedConsumer(NotificationsDbContext db, TimeProvider clock)
    : IdempotentConsumer<AppointmentBooked>(db, clock)
{
    protected override Task HandleAsync(AppointmentBooked booked, CancellationToken cancellationToken)
    {
        var a = booked.Appointment;
        AppointmentNotifications.TellPractitioner(db, booked.PracticeGroupId, booked.By, a, NotificationKind.AppointmentBooked,
            $"{a.PatientName} booked a {a.AppointmentTypeName} on {AppointmentNotifications.When(a.Start)} at {a.LocationName}.", booked.OccurredAt);
        return Task.CompletedTask;
    }
}

/// <summary>Tells the practitioner that their patient cancelled online (<c>appointmentCancelled</c>), with the patient's reason if they gave one.</summary>
[InboxName("notifications.announce-appointment-cancelled")]
internal sealed class AppointmentCancelledConsumer(NotificationsDbContext db, TimeProvider clock)
    : IdempotentConsumer<AppointmentCancelled>(db, clock)
{
    protected override Task HandleAsync(AppointmentCancelled cancelled, CancellationToken cancellationToken)
    {
        var a = cancelled.Appointment;
        var reason = string.IsNullOrWhiteSpace(cancelled.Reason) ? "" : $" Their reason: {cancelled.Reason}";
        AppointmentNotifications.TellPractitioner(db, cancelled.PracticeGroupId, cancelled.By, a, NotificationKind.AppointmentCancelled,
            $"{a.PatientName} cancelled their {a.AppointmentTypeName} on {AppointmentNotifications.When(a.Start)} at {a.LocationName}.{reason}", cancelled.OccurredAt);
        return Task.CompletedTask;
    }
}

/// <summary>Tells the practitioner that their patient moved an appointment online (<c>appointmentRescheduled</c>), from when to when.</summary>
[InboxName("notifications.announce-appointment-rescheduled")]
internal sealed class AppointmentRescheduledConsumer(NotificationsDbContext db, TimeProvider clock)
    : IdempotentConsumer<AppointmentRescheduled>(db, clock)
{
    protected override Task HandleAsync(AppointmentRescheduled rescheduled, CancellationToken cancellationToken)
    {
        var a = rescheduled.Appointment;
        AppointmentNotifications.TellPractitioner(db, rescheduled.PracticeGroupId, rescheduled.By, a, NotificationKind.AppointmentRescheduled,
            $"{a.PatientName} moved their {a.AppointmentTypeName} at {a.LocationName} from {AppointmentNotifications.When(rescheduled.PreviousStart)} "
            + $"to {AppointmentNotifications.When(a.Start)}.", rescheduled.OccurredAt);
        return Task.CompletedTask;
    }
}

internal static class AppointmentNotifications
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-AU");
    private const int MaxSummary = 500;

    /// <summary>One notification for the appointment's practitioner, only when the patient made the change: staff know their own.</summary>
    public static void TellPractitioner(NotificationsDbContext db, Guid practiceGroupId, AppointmentActor by, AppointmentSummary appointment,
        NotificationKind kind, string summary, DateTimeOffset at)
    {
        if (by != AppointmentActor.Patient)
        {
            return;
        }

        // A patient's reason may be long: the summary keeps to its column.
        var fitted = summary.Length <= MaxSummary ? summary : summary[..(MaxSummary - 1)] + "…";
        db.Notifications.Add(Notification.For(practiceGroupId, appointment.PractitionerId, kind, appointment.PatientId, fitted, at));
    }

    /// <summary>The location's wall-clock time, as the event carries it with the location's offset: "Mon 1 Mar 2027, 10:00".</summary>
    public static string When(DateTimeOffset localToLocation) => localToLocation.ToString("ddd d MMM yyyy, HH:mm", English);
}
