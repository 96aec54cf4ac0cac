using NodaTime;

namespace Portal.Modules.Appointments.Domain;

/// <summary>
/// Time cut into five-minute units counted from the Unix epoch. A booked appointment occupies every unit from its start
/// to the end of its buffer, one row per unit, under a unique index on (practitioner, unit): a second booking that
/// touches any of those units fails in the database itself, however the two requests interleave, on SQLite and SQL
/// Server alike (docs/decisions/0016). Every zone's offset is a whole number of five minutes, so a unit boundary is
/// one in every zone's wall-clock too.
/// </summary>
internal static class TimeUnits
{
    public static readonly Duration Length = Duration.FromMinutes(5);

    public static bool IsWhole(Duration duration) => duration.BclCompatibleTicks % Length.BclCompatibleTicks == 0;

    public static bool IsBoundary(Instant instant) => instant.ToUnixTimeTicks() % Length.BclCompatibleTicks == 0;

    /// <summary>The units of <c>[start, end)</c>; both must be unit boundaries.</summary>
    public static IEnumerable<long> Covering(Instant start, Instant end)
    {
        if (!IsBoundary(start) || !IsBoundary(end) || end <= start)
        {
            throw new ArgumentException($"[{start}, {end}) is not a whole number of {Length.TotalMinutes}-minute units.");
        }

        for (var unit = Of(start); unit < Of(end); unit++)
        {
            yield return unit;
        }
    }

    private static long Of(Instant boundary) => boundary.ToUnixTimeTicks() / Length.BclCompatibleTicks;
}
