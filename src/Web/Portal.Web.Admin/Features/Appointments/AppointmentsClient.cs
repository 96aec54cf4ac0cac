using System.Globalization;
using Portal.Web.Admin.Session;
using Portal.Web.Components.Api;
using Portal.Web.Server.Api;

namespace Portal.Web.Admin.Features.Appointments;

/// <summary>Where an appointment stands (the API's <c>status</c>: <c>booked</c>, <c>didNotAttend</c>, ...).</summary>
public enum AppointmentStatus
{
    Booked,
    Cancelled,
    Arrived,
    Completed,
    DidNotAttend,
}

public sealed record NamedRef(Guid Id, string Name);

/// <summary>A location of the practice; <c>TimeZone</c> is its IANA id (<c>Australia/Sydney</c>).</summary>
public sealed record AppointmentLocation(Guid Id, string Name, string Address, string TimeZone);

public sealed record AppointmentType(Guid Id, string Name, int DurationMinutes, int BufferMinutes, long PriceCents, bool BookableOnline, bool NewPatients);

/// <summary>
/// An appointment as the practice's calendar answers it. <see cref="Start"/> and <see cref="End"/> carry the location's
/// offset: their <c>DateTime</c> is the location's wall clock, which is what the pages show (never the server's zone).
/// </summary>
public sealed record Appointment(
    Guid Id, Guid PatientId, NamedRef? Patient, NamedRef Practitioner, NamedRef AppointmentType, AppointmentLocation Location,
    DateTimeOffset Start, DateTimeOffset End, AppointmentStatus Status, DateTimeOffset? CancellableUntil, string? CancellationReason = null)
{
    /// <summary>The appointment's date at its location.</summary>
    public DateOnly Day => DateOnly.FromDateTime(Start.DateTime);

    public string PatientName => Patient?.Name ?? "A patient";
}

/// <summary>A practitioner's weekly hours at a location (the API's <c>weekly</c> rows): <c>09:00</c> to <c>17:00</c> on Mondays.</summary>
public sealed record WeeklyHours(Guid LocationId, DayOfWeek DayOfWeek, string Start, string End, DateOnly? ValidFrom, DateOnly? ValidTo)
{
    public bool On(Guid locationId, DateOnly date) =>
        LocationId == locationId && DayOfWeek == date.DayOfWeek && (ValidFrom is null || ValidFrom <= date) && (ValidTo is null || date <= ValidTo);

    public TimeSpan From => LocalTimes.ParseTime(Start)?.ToTimeSpan() ?? TimeSpan.Zero;

    public TimeSpan To => LocalTimes.ParseTime(End)?.ToTimeSpan() ?? TimeSpan.Zero;
}

/// <summary>A practitioner's weekly hours (<c>GET /api/practice/practitioners/{id}/availability</c>).</summary>
public sealed record Availability(Guid PractitionerId, IReadOnlyList<WeeklyHours> Weekly)
{
    /// <summary>Their hours at the location on that date.</summary>
    public IReadOnlyList<WeeklyHours> At(Guid locationId, DateOnly date) => Weekly.Where(h => h.On(locationId, date)).OrderBy(h => h.From).ToList();

    /// <summary>Whether an appointment of <paramref name="minutes"/> from <paramref name="start"/> lies within one stretch of their hours.</summary>
    public bool Covers(Guid locationId, DateOnly date, TimeOnly start, int minutes)
    {
        var (from, to) = (start.ToTimeSpan(), start.ToTimeSpan() + TimeSpan.FromMinutes(minutes));
        return At(locationId, date).Any(h => h.From <= from && to <= h.To);
    }
}

/// <summary>A practitioner the pages offer to filter or book by.</summary>
public sealed record PractitionerChoice(Guid Id, string Name);

/// <summary>A range of the calendar: local dates (each location's own days, inclusive) and its filters.</summary>
public sealed record CalendarQuery(DateOnly From, DateOnly To, Guid? PractitionerId = null, Guid? LocationId = null, Guid? PatientId = null)
{
    /// <summary>The API reads at most 31 days past <see cref="From"/> at a time.</summary>
    public const int MaxDays = 31;

    public string Path(int page, int pageSize)
    {
        var path = $"api/practice/appointments?from={Date(From)}&to={Date(To)}&page={page}&pageSize={pageSize}";
        if (PractitionerId is { } practitioner) path += $"&practitionerId={practitioner}";
        if (LocationId is { } location) path += $"&locationId={location}";
        if (PatientId is { } patient) path += $"&patientId={patient}";
        return path;
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>What the practice books: the patient, who, what, where and when (the location's wall clock, with its offset).</summary>
public sealed record StaffBooking(Guid PatientId, Guid PractitionerId, Guid AppointmentTypeId, Guid LocationId, DateTimeOffset Start);

/// <summary>
/// The practice's side of appointments: the calendar (<c>GET /api/practice/appointments</c>, every page of a range),
/// locations and appointment types, booking for a patient, and cancelling, moving or recording attendance
/// (<c>POST …/appointments/{id}/cancel</c>, <c>/reschedule</c>, <c>/status</c>).
/// </summary>
public sealed class AppointmentsClient(PortalWebApi api)
{
    /// <summary>The API's largest page: a busy week is read in as few calls as it can be.</summary>
    public const int PageSize = 200;

    /// <summary>A guard against a list that never ends: 50 pages of 200 is far beyond any practice's month.</summary>
    private const int MaxPages = 50;

    /// <summary>Every appointment of the range, all pages read (none dropped), by start.</summary>
    public async Task<ApiResult<IReadOnlyList<Appointment>>> CalendarAsync(CalendarQuery query)
    {
        var all = new List<Appointment>();
        for (var page = 1; page <= MaxPages; page++)
        {
            var result = await api.GetAsync<Page<Appointment>>(query.Path(page, PageSize));
            if (result.Value is not { } read)
            {
                return new ApiResult<IReadOnlyList<Appointment>>(null, result.Problem, result.Status);
            }

            all.AddRange(read.Items);
            if (read.Items.Count < PageSize || page * PageSize >= read.Total)
            {
                break;
            }
        }

        // A booking made between two pages shifts the list by one: read twice, it is shown once.
        return new ApiResult<IReadOnlyList<Appointment>>(all.DistinctBy(a => a.Id).OrderBy(a => a.Start).ThenBy(a => a.Id).ToList(), null, 200);
    }

    /// <summary>One appointment of the practice, with the cancellation reason; null (not a problem) when it is not the practice's.</summary>
    public async Task<ApiResult<Appointment>> FindAsync(Guid appointmentId)
    {
        var found = await api.GetAsync<Appointment>($"api/practice/appointments/{appointmentId}");
        return found.Status == 404 ? new ApiResult<Appointment>(null, null, 200) : found;
    }

    public Task<ApiResult<IReadOnlyList<AppointmentLocation>>> LocationsAsync() =>
        api.GetAsync<IReadOnlyList<AppointmentLocation>>("api/practice/locations");

    public Task<ApiResult<IReadOnlyList<AppointmentType>>> TypesAsync() =>
        api.GetAsync<IReadOnlyList<AppointmentType>>("api/practice/appointment-types");

    /// <summary>
    /// The practice's practitioners to choose from (<c>GET /api/practice/practitioners</c>, open to every practitioner),
    /// plus any the caller already knows that the list no longer has (e.g. a former colleague's appointments on the page).
    /// </summary>
    public async Task<IReadOnlyList<PractitionerChoice>> PractitionersAsync(IEnumerable<NamedRef>? known = null)
    {
        var listed = await api.GetAsync<IReadOnlyList<PractitionerChoice>>("api/practice/practitioners");
        var choices = (listed.Value ?? []).ToList();
        foreach (var other in known ?? [])
        {
            if (choices.All(c => c.Id != other.Id))
            {
                choices.Add(new PractitionerChoice(other.Id, other.Name));
            }
        }

        return choices.OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    /// <summary>A practitioner's weekly hours (any practitioner of the practice may read them).</summary>
    public Task<ApiResult<Availability>> AvailabilityAsync(Guid practitionerId) =>
        api.GetAsync<Availability>($"api/practice/practitioners/{practitionerId}/availability");

    public Task<ApiResult<Appointment>> BookAsync(StaffBooking booking) => api.PostAsync<Appointment>("api/practice/appointments", booking);

    public Task<ApiResult<Appointment>> CancelAsync(Guid appointmentId, string reason) =>
        api.PostAsync<Appointment>($"api/practice/appointments/{appointmentId}/cancel", new { reason });

    public Task<ApiResult<Appointment>> RescheduleAsync(Guid appointmentId, DateTimeOffset start) =>
        api.PostAsync<Appointment>($"api/practice/appointments/{appointmentId}/reschedule", new { start });

    public Task<ApiResult<Appointment>> SetStatusAsync(Guid appointmentId, AppointmentStatus status) =>
        api.PostAsync<Appointment>($"api/practice/appointments/{appointmentId}/status", new { status });

}
