using System.Globalization;
using Portal.Web.Components.Api;
using Portal.Web.Server.Api;

namespace Portal.Web.Patient.Features.Appointments;

/// <summary>
/// The patient's appointments: who and what can be booked online (<c>GET /api/portal/practitioners</c>,
/// <c>/appointment-types</c>, <c>/locations</c>), free times (<c>GET /api/portal/appointment-slots</c>), booking, the list,
/// cancelling and moving one. Every call names the record shown (<c>?patientId=</c>). Times come back with the
/// location's offset and stay that way: the page writes the location's own clock.
/// </summary>
public sealed class AppointmentsClient(PortalWebApi api)
{
    /// <summary>How many days one search for free times covers (the API takes at most 31).</summary>
    public const int SearchDays = 14;

    /// <summary>How many searches a "next days with free times" look-up makes before it says there are none.</summary>
    private const int SearchesBeforeGivingUp = 7;

    public Task<ApiResult<IReadOnlyList<Practitioner>>> PractitionersAsync(Guid patientId) =>
        api.GetAsync<IReadOnlyList<Practitioner>>($"api/portal/practitioners?patientId={patientId}");

    public Task<ApiResult<IReadOnlyList<BookableType>>> TypesAsync(Guid patientId) =>
        api.GetAsync<IReadOnlyList<BookableType>>($"api/portal/appointment-types?patientId={patientId}");

    public Task<ApiResult<IReadOnlyList<PracticeLocation>>> LocationsAsync(Guid patientId) =>
        api.GetAsync<IReadOnlyList<PracticeLocation>>($"api/portal/locations?patientId={patientId}");

    /// <summary>Free times from one local date to another (inclusive), each in its location's own time.</summary>
    public Task<ApiResult<IReadOnlyList<FreeSlot>>> SlotsAsync(Guid patientId, SlotQuery query, DateOnly from, DateOnly to) =>
        api.GetAsync<IReadOnlyList<FreeSlot>>(
            $"api/portal/appointment-slots?patientId={patientId}&practitionerId={query.PractitionerId}&appointmentTypeId={query.TypeId}"
            + $"&from={Iso(from)}&to={Iso(to)}" + (query.LocationId is { } location ? $"&locationId={location}" : ""));

    /// <summary>
    /// The days with free times, searching <see cref="SearchDays"/> days at a time from <paramref name="from"/> until some
    /// are found (or a few months have none): the days, and the last date searched.
    /// </summary>
    public async Task<ApiResult<FreeDays>> FreeDaysAsync(Guid patientId, SlotQuery query, DateOnly from)
    {
        for (var (search, start) = (1, from); ; search++)
        {
            var to = start.AddDays(SearchDays - 1);
            var result = await SlotsAsync(patientId, query, start, to);
            if (result.Problem is not null)
            {
                return new ApiResult<FreeDays>(null, result.Problem, result.Status);
            }

            var days = result.Value!.GroupBy(s => s.Day).OrderBy(g => g.Key).Select(g => new FreeDay(g.Key, g.Count())).ToList();
            if (days.Count > 0 || search == SearchesBeforeGivingUp)
            {
                return new ApiResult<FreeDays>(new FreeDays(from, to, days), null, result.Status);
            }

            start = to.AddDays(1);
        }
    }

    /// <summary>The free times of one local date.</summary>
    public async Task<ApiResult<IReadOnlyList<FreeSlot>>> TimesOnAsync(Guid patientId, SlotQuery query, DateOnly day)
    {
        var result = await SlotsAsync(patientId, query, day, day);
        return result.Value is { } slots ? result with { Value = slots.Where(s => s.Day == day).OrderBy(s => s.Start).ToList() } : result;
    }

    public Task<ApiResult<PatientAppointment>> BookAsync(Guid patientId, Guid practitionerId, Guid typeId, DateTimeOffset start, Guid? locationId) =>
        api.PostAsync<PatientAppointment>($"api/portal/appointments?patientId={patientId}",
            new { practitionerId, appointmentTypeId = typeId, start, locationId });

    public Task<ApiResult<Page<PatientAppointment>>> PageAsync(Guid patientId, bool upcoming, int page, int pageSize) =>
        api.GetAsync<Page<PatientAppointment>>(
            $"api/portal/appointments?patientId={patientId}&scope={(upcoming ? "upcoming" : "past")}&page={page}&pageSize={pageSize}");

    /// <summary>
    /// One of the record's appointments still to come, or null when it has none of that id (another patient's, or gone by):
    /// the API lists them, it has no address for one.
    /// </summary>
    public async Task<ApiResult<PatientAppointment?>> FindUpcomingAsync(Guid patientId, Guid id)
    {
        const int pageSize = 200;
        for (var page = 1; ; page++)
        {
            var result = await PageAsync(patientId, upcoming: true, page, pageSize);
            if (result.Value is not { } found)
            {
                return new ApiResult<PatientAppointment?>(null, result.Problem, result.Status);
            }

            if (found.Items.FirstOrDefault(a => a.Id == id) is { } appointment)
            {
                return new ApiResult<PatientAppointment?>(appointment, null, result.Status);
            }

            if (page * pageSize >= found.Total || found.Items.Count == 0)
            {
                return new ApiResult<PatientAppointment?>(null, null, result.Status);
            }
        }
    }

    public Task<ApiResult<PatientAppointment>> CancelAsync(Guid patientId, Guid id, string? reason) =>
        api.PostAsync<PatientAppointment>($"api/portal/appointments/{id}/cancel?patientId={patientId}",
            new { reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim() });

    public Task<ApiResult<PatientAppointment>> RescheduleAsync(Guid patientId, Guid id, DateTimeOffset start) =>
        api.PostAsync<PatientAppointment>($"api/portal/appointments/{id}/reschedule?patientId={patientId}", new { start });

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>Whom and what a search for free times is for; a move keeps its location.</summary>
public sealed record SlotQuery(Guid PractitionerId, Guid TypeId, Guid? LocationId = null);

/// <summary><c>GET /api/portal/practitioners</c>: who keeps hours the patient can book, and where.</summary>
public sealed record Practitioner(Guid Id, string Name, string? Title, IReadOnlyList<Guid> LocationIds);

/// <summary><c>GET /api/portal/appointment-types</c>: a type the practice lets patients book online.</summary>
public sealed record BookableType(Guid Id, string Name, int DurationMinutes, long PriceCents);

/// <summary>A location; <c>timeZone</c> is its IANA id.</summary>
public sealed record PracticeLocation(Guid Id, string Name, string Address, string TimeZone);

/// <summary>A free time, with the location's offset: its clock time is the location's.</summary>
public sealed record FreeSlot(DateTimeOffset Start, DateTimeOffset End, Guid LocationId, string TimeZone)
{
    /// <summary>The date at the location.</summary>
    public DateOnly Day => DateOnly.FromDateTime(Start.DateTime);
}

/// <summary>A date at the location with <paramref name="Times"/> free times.</summary>
public sealed record FreeDay(DateOnly Date, int Times);

/// <summary>The days with free times found from <paramref name="From"/> to <paramref name="To"/> (inclusive).</summary>
public sealed record FreeDays(DateOnly From, DateOnly To, IReadOnlyList<FreeDay> Days);

public sealed record NamedRef(Guid Id, string Name);

public enum AppointmentStatus
{
    Booked,
    Cancelled,
    Arrived,
    Completed,
    DidNotAttend,
}

/// <summary>
/// <c>GET /api/portal/appointments</c>: one appointment, its times with the location's offset; <c>cancellableUntil</c>
/// is when the patient may last cancel or move it online (null: not online).
/// </summary>
public sealed record PatientAppointment(
    Guid Id, NamedRef Practitioner, NamedRef AppointmentType, PracticeLocation Location, DateTimeOffset Start, DateTimeOffset End,
    AppointmentStatus Status, DateTimeOffset? CancellableUntil)
{
    /// <summary>Whether the patient may still cancel or move it online at <paramref name="now"/>.</summary>
    public bool ChangeableAt(DateTimeOffset now) => Status == AppointmentStatus.Booked && CancellableUntil is { } until && until > now;
}
