using System.Globalization;

namespace Portal.Web.Patient.Features.Appointments;

/// <summary>
/// Dates, times, prices and lengths as a patient reads them. A time is written as the API gave it, with the location's
/// offset: its clock is the location's, whatever the server's or the patient's zone (never converted).
/// </summary>
public static class When
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>"9:30 am".</summary>
    public static string Time(DateTimeOffset at) => at.ToString("h:mm", Invariant) + (at.Hour < 12 ? " am" : " pm");

    /// <summary>"Mon 7 Dec".</summary>
    public static string Day(DateOnly date) => date.ToString("ddd d MMM", Invariant);

    public static string Day(DateTimeOffset at) => Day(DateOnly.FromDateTime(at.DateTime));

    /// <summary>"Monday 7 December 2026".</summary>
    public static string LongDay(DateOnly date) => date.ToString("dddd d MMMM yyyy", Invariant);

    public static string LongDay(DateTimeOffset at) => LongDay(DateOnly.FromDateTime(at.DateTime));

    /// <summary>"Mon 7 Dec, 9:30 am".</summary>
    public static string DayAndTime(DateTimeOffset at) => $"{Day(at)}, {Time(at)}";

    /// <summary>"Monday 7 December 2026 at 9:30 am".</summary>
    public static string LongDayAndTime(DateTimeOffset at) => $"{LongDay(at)} at {Time(at)}";

    /// <summary>An ISO date for a link: "2026-12-07".</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", Invariant);

    /// <summary>An instant with its offset for a link: "2026-12-07T09:30:00+11:00".</summary>
    public static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", Invariant);

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", Invariant, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>A start as a link carries it; only with its offset (a time without one would mean the server's zone).</summary>
    public static DateTimeOffset? ParseStart(string? text) =>
        DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:sszzz", Invariant, DateTimeStyles.None, out var at) ? at : null;

    /// <summary>"$120.00".</summary>
    public static string Price(long cents) => "$" + (cents / 100m).ToString("#,0.00", Invariant);

    /// <summary>"30 minutes", "1 hour", "1 hour 30 minutes".</summary>
    public static string Length(int minutes)
    {
        var (hours, rest) = (minutes / 60, minutes % 60);
        var hourText = hours switch { 0 => "", 1 => "1 hour", _ => $"{hours} hours" };
        var minuteText = rest switch { 0 => "", 1 => "1 minute", _ => $"{rest} minutes" };
        return string.Join(" ", new[] { hourText, minuteText }.Where(t => t.Length > 0));
    }
}
