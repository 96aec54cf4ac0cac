using NodaTime;

namespace Portal.Modules.Appointments.Domain;

/// <summary>
/// A practice's rules for patients booking, cancelling and rescheduling online (one record per practice group). Staff
/// booking for a patient is bound only by the practitioner's free time.
/// </summary>
internal sealed record BookingRules(
    bool OnlineBooking,
    Duration MinimumLead,
    int MaxDaysAhead,
    bool PatientCancellation,
    Duration CancellationNotice,
    Duration GracePeriod)
{
    public static readonly BookingRules Defaults = new(
        OnlineBooking: true,
        MinimumLead: Duration.FromHours(2),
        MaxDaysAhead: 90,
        PatientCancellation: true,
        CancellationNotice: Duration.FromHours(24),
        GracePeriod: Duration.FromMinutes(10));

    /// <summary>The earliest a patient may book: now plus the lead time.</summary>
    public Instant EarliestPatientStart(Instant now) => now + MinimumLead;

    /// <summary>
    /// The first instant a patient may no longer book: midnight at the start of the day after the horizon, in the
    /// location's zone (a patient may book up to and on the <see cref="MaxDaysAhead"/>th day from today).
    /// </summary>
    public Instant PatientStartsBefore(Instant now, DateTimeZone zone) =>
        zone.AtStartOfDay(now.InZone(zone).Date.PlusDays(MaxDaysAhead + 1)).ToInstant();
}
