using System.Text.Json.Serialization;
using Portal.Shared.Abstractions;

namespace Portal.Modules.Appointments.Contracts;

/// <summary>Where an appointment stands; on the wire in camelCase (<c>booked</c>, <c>didNotAttend</c>).</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<AppointmentStatus>))]
public enum AppointmentStatus
{
    Booked,
    Cancelled,
    Arrived,
    Completed,
    DidNotAttend,
}
