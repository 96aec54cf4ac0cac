using NodaTime;

namespace Portal.Modules.Appointments.Domain;

/// <summary>
/// A practitioner's regular hours at one location on one day of the week: wall-clock times in the location's zone, so
/// "09:00" stays nine in the morning on both sides of a daylight-saving change; optionally only between two dates
/// (both inclusive).
/// </summary>
internal sealed record WeeklyHours(IsoDayOfWeek Day, LocalTime Start, LocalTime End, LocalDate? ValidFrom = null, LocalDate? ValidTo = null)
{
    public bool AppliesOn(LocalDate date) =>
        date.DayOfWeek == Day && (ValidFrom is null || date >= ValidFrom) && (ValidTo is null || date <= ValidTo);
}
