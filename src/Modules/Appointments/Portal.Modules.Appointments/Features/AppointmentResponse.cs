using System.Text.Json.Serialization;
using Portal.Modules.Appointments.Contracts;
using Portal.Modules.Appointments.Domain;

namespace Portal.Modules.Appointments.Features;

public sealed record NamedRef(Guid Id, string Name);

/// <summary>
/// An appointment as the API shows it: times with the location's offset at that moment, the location's zone, and for a
/// patient until when they may still cancel or move it online. The practice's calendar adds the patient's name.
/// </summary>
public sealed record AppointmentResponse(
    Guid Id,
    Guid PatientId,
    NamedRef Practitioner,
    NamedRef AppointmentType,
    LocationResponse Location,
    DateTimeOffset Start,
    DateTimeOffset End,
    AppointmentStatus Status,
    DateTimeOffset? CancellableUntil,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] NamedRef? Patient = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CancellationReason = null)
{
    internal static AppointmentResponse From(Appointment appointment, string practitionerName, AppointmentType type, Location location, BookingRules rules)
    {
        var zone = location.Zone;
        return new AppointmentResponse(
            appointment.Id,
            appointment.PatientId,
            new NamedRef(appointment.PractitionerId, practitionerName),
            new NamedRef(type.Id, type.Name),
            LocationResponse.From(location),
            appointment.Start.InZone(zone).ToDateTimeOffset(),
            appointment.End.InZone(zone).ToDateTimeOffset(),
            appointment.Status,
            appointment.PatientMayChangeUntil(rules)?.InZone(zone).ToDateTimeOffset(),
            CancellationReason: appointment.CancellationReason);
    }
}
