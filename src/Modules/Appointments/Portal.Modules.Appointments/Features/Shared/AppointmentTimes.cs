using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Portal.Modules.Appointments.Features.Shared;

/// <summary>Times as a patient reads them: the location's wall clock in words, with the zone's abbreviation ("Monday 1 March 2027, 10:00 AEDT").</summary>
internal static class AppointmentTimes
{
    private static readonly LocalDateTimePattern Long = LocalDateTimePattern.Create("dddd d MMMM yyyy, HH:mm", CultureInfo.GetCultureInfo("en-AU"));
    private static readonly LocalDateTimePattern Short = LocalDateTimePattern.Create("ddd d MMM, HH:mm", CultureInfo.GetCultureInfo("en-AU"));

    public static string InWords(Instant instant, DateTimeZone zone) => Write(Long, instant.InZone(zone));

    /// <summary>For a subject line: "Mon 1 Mar, 10:00 AEDT".</summary>
    public static string Briefly(Instant instant, DateTimeZone zone) => Write(Short, instant.InZone(zone));

    private static string Write(LocalDateTimePattern pattern, ZonedDateTime zoned) => $"{pattern.Format(zoned.LocalDateTime)} {ZoneName(zoned)}";

    /// <summary>The tz database's abbreviation (AEDT, AEST, ACDT, AWST); where it has only an offset ("+08"), "UTC+08".</summary>
    private static string ZoneName(ZonedDateTime zoned)
    {
        var name = zoned.GetZoneInterval().Name;
        return name.Length > 0 && char.IsLetter(name[0]) ? name : $"UTC{zoned.Offset}";
    }
}
