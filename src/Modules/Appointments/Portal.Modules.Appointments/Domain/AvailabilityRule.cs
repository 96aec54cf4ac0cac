using NodaTime;

namespace Portal.Modules.Appointments.Domain;

/// <summary>One row of a practitioner's weekly hours, at one of the group's locations (stored form of <see cref="WeeklyHours"/>).</summary>
internal sealed class AvailabilityRule
{
    private AvailabilityRule()
    {
    }

    public Guid Id { get; private set; }
    public Guid PracticeGroupId { get; private set; }
    public Guid PractitionerId { get; private set; }
    public Guid LocationId { get; private set; }
    public IsoDayOfWeek Day { get; private set; }
    public LocalTime Start { get; private set; }
    public LocalTime End { get; private set; }
    public LocalDate? ValidFrom { get; private set; }
    public LocalDate? ValidTo { get; private set; }

    public WeeklyHours Hours => new(Day, Start, End, ValidFrom, ValidTo);

    public static AvailabilityRule Create(Guid practiceGroupId, Guid practitionerId, Guid locationId, WeeklyHours hours) => new()
    {
        Id = Guid.CreateVersion7(),
        PracticeGroupId = practiceGroupId,
        PractitionerId = practitionerId,
        LocationId = locationId,
        Day = hours.Day,
        Start = hours.Start,
        End = hours.End,
        ValidFrom = hours.ValidFrom,
        ValidTo = hours.ValidTo,
    };
}
