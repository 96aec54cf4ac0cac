namespace Portal.Modules.Appointments.Domain;

/// <summary>
/// One five-minute unit of a practitioner's time held by a booked appointment. Its key, (practitioner, unit), is what
/// refuses a second booking of the same minutes (docs/decisions/0016).
/// </summary>
internal sealed class OccupiedTimeUnit
{
    private OccupiedTimeUnit()
    {
    }

    public Guid PractitionerId { get; private set; }
    public long Unit { get; private set; }
    public Guid AppointmentId { get; private set; }

    public static IEnumerable<OccupiedTimeUnit> For(Appointment appointment) =>
        TimeUnits.Covering(appointment.Occupies.Start, appointment.Occupies.End)
            .Select(unit => new OccupiedTimeUnit { PractitionerId = appointment.PractitionerId, Unit = unit, AppointmentId = appointment.Id });
}
