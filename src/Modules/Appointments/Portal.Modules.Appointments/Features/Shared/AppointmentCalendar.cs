using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using NodaTime;
using Portal.Modules.Appointments.Contracts;
using Portal.Modules.Notifications.Contracts;

namespace Portal.Modules.Appointments.Features.Shared;

/// <summary>
/// An appointment's calendar entry (iCalendar, through Ical.Net), the one the emails attach and
/// <c>GET /api/portal/appointments/{id}/calendar.ics</c> answers: start and end on the location's wall clock with its
/// TZID and VTIMEZONE, one UID per appointment for good, and a SEQUENCE that grows with each move or cancellation, so
/// a calendar replaces the entry it holds. A cancelled appointment is a <c>METHOD:CANCEL</c> of the same UID.
/// </summary>
internal static class AppointmentCalendar
{
    public const string FileName = "appointment.ics";

    public static string UidOf(Guid appointmentId) => $"{appointmentId:D}@appointments.portal";

    public static string ContentTypeOf(AppointmentFacts facts) => $"text/calendar; method={MethodOf(facts)}; charset=utf-8";

    public static EmailAttachment AttachmentFor(AppointmentFacts facts) => new(FileName, ContentTypeOf(facts), Encoding.UTF8.GetBytes(Write(facts)));

    public static string Write(AppointmentFacts facts)
    {
        var (appointment, location, type, practitionerName) = facts;
        var zone = location.Zone;
        var calendar = new Calendar { ProductId = "-//Portal//Appointments//EN", Method = MethodOf(facts) };
        // The VTIMEZONE from the tz database, with the rules in force from a year before the appointment.
        var start = appointment.Start.InZone(zone).LocalDateTime;
        calendar.AddTimeZone(zone.Id, start.Date.PlusYears(-1).ToDateTimeUnspecified(), includeHistoricalData: false);
        var cancelled = appointment.Status == AppointmentStatus.Cancelled;
        calendar.Events.Add(new CalendarEvent
        {
            Uid = UidOf(appointment.Id),
            Sequence = appointment.CalendarSequence,
            DtStamp = Utc(appointment.CancelledAt ?? appointment.RescheduledAt ?? appointment.BookedAt),
            DtStart = OnWallClock(appointment.Start, zone),
            DtEnd = OnWallClock(appointment.End, zone),
            Summary = $"{type.Name} with {practitionerName}",
            Location = string.IsNullOrWhiteSpace(location.Address) ? location.Name : $"{location.Name}, {location.Address}",
            Description = cancelled
                ? "This appointment was cancelled."
                : $"{type.Name} with {practitionerName} at {location.Name}. To cancel or change it, use the patient portal or call the practice.",
            Status = cancelled ? "CANCELLED" : "CONFIRMED",
            Transparency = "OPAQUE",
        });
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static string MethodOf(AppointmentFacts facts) => facts.Appointment.Status == AppointmentStatus.Cancelled ? "CANCEL" : "PUBLISH";

    private static CalDateTime OnWallClock(Instant instant, DateTimeZone zone) =>
        new(instant.InZone(zone).LocalDateTime.ToDateTimeUnspecified(), zone.Id, hasTime: true);

    private static CalDateTime Utc(Instant instant) => new(instant.ToDateTimeUtc(), "UTC", hasTime: true);
}
