namespace Portal.Modules.Appointments.Domain;

/// <summary>Where an appointment stands; on the wire in camelCase (<c>booked</c>, <c>didNotAttend</c>).</summary>
public enum AppointmentStatus
{
    Booked,
    Cancelled,
    Arrived,
    Completed,
    DidNotAttend,
}
