using System.Globalization;

namespace Portal.Web.Admin.Features.Appointments;

/// <summary>
/// Wall-clock times at a location: a date and time typed for a location are that location's zone (its IANA id, which
/// .NET reads from the system's time zone data on Linux), never the server's. A time the clocks skip (the hour the
/// clocks go forward) is refused; a time they pass twice (the hour they go back) is its first occurrence.
/// </summary>
public static class LocalTimes
{
    /// <summary>The instant of <paramref name="date"/> at <paramref name="time"/> in <paramref name="timeZone"/>, or why there is none.</summary>
    public static (DateTimeOffset? Start, string? Problem) At(DateOnly date, TimeOnly time, string timeZone)
    {
        if (Zone(timeZone) is not { } zone)
        {
            return (null, $"The location's time zone ({timeZone}) is not known to this server.");
        }

        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return (null, "That time does not exist on that day: the clocks go forward then. Choose another time.");
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return (new DateTimeOffset(local, offset), null);
    }

    /// <summary>Today's date in <paramref name="timeZone"/> (the server's UTC date when the zone is not known).</summary>
    public static DateOnly Today(TimeProvider clock, string? timeZone)
    {
        var now = clock.GetUtcNow();
        return DateOnly.FromDateTime(Zone(timeZone) is { } zone ? TimeZoneInfo.ConvertTime(now, zone).DateTime : now.UtcDateTime);
    }

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>A time as <c>&lt;input type=time&gt;</c> sends it: <c>14:30</c> (or <c>14:30:00</c>).</summary>
    public static TimeOnly? ParseTime(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    /// <summary>Appointments start on the five minutes (the API refuses 10:32), as the time fields' <c>step</c> says.</summary>
    public static bool OnFiveMinutes(TimeOnly time) => time.Minute % 5 == 0 && time.Second == 0;

    public static string DateValue(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string TimeValue(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A zone as people say it: <c>Australia/Sydney</c> is "Sydney time".</summary>
    public static string ZoneName(string timeZone) => timeZone[(timeZone.LastIndexOf('/') + 1)..].Replace('_', ' ') + " time";

    /// <summary>The Monday of <paramref name="date"/>'s week.</summary>
    public static DateOnly WeekStart(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private static TimeZoneInfo? Zone(string? timeZone)
    {
        if (string.IsNullOrWhiteSpace(timeZone))
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }
}
