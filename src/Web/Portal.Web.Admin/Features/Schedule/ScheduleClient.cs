using Portal.Web.Admin.Features.Appointments;
using Portal.Web.Components.Api;
using Portal.Web.Server.Api;

namespace Portal.Web.Admin.Features.Schedule;

/// <summary>A row of weekly hours as the <c>PUT</c> sends it: <c>dayOfWeek</c> <c>monday</c>, times <c>09:00</c>, optional dates.</summary>
public sealed record WeeklyHoursRow(Guid LocationId, DayOfWeek DayOfWeek, string Start, string End, DateOnly? ValidFrom, DateOnly? ValidTo);

/// <summary>Time off that was just added, with the booked appointments inside it (they stay booked until someone moves or cancels them).</summary>
public sealed record TimeOffAdded(Guid Id, DateTimeOffset Start, DateTimeOffset End, string? Reason, IReadOnlyList<Appointment> Affected);

/// <summary>Time off not yet over, on the clock of <see cref="TimeZone"/> (the practitioner's first location).</summary>
public sealed record TimeOffEntry(Guid Id, DateTimeOffset Start, DateTimeOffset End, string? Reason, string TimeZone);

/// <summary>
/// A practitioner's own schedule: their weekly hours (<c>GET</c>/<c>PUT /api/practice/practitioners/{id}/availability</c>,
/// the <c>PUT</c> replacing every row) and their time off (<c>GET</c>/<c>POST …/time-off</c>, <c>DELETE …/time-off/{timeOffId}</c>).
/// Only the practitioner themselves and the practice's admins may change them (403 <c>appointments.not-your-schedule</c>).
/// </summary>
public sealed class ScheduleClient(PortalWebApi api)
{
    public Task<ApiResult<Availability>> HoursAsync(Guid practitionerId) =>
        api.GetAsync<Availability>($"api/practice/practitioners/{practitionerId}/availability");

    public Task<ApiResult<Availability>> SaveHoursAsync(Guid practitionerId, IReadOnlyList<WeeklyHoursRow> weekly) =>
        api.SendAsync<Availability>(HttpMethod.Put, $"api/practice/practitioners/{practitionerId}/availability", new { weekly });

    public Task<ApiResult<IReadOnlyList<TimeOffEntry>>> TimeOffAsync(Guid practitionerId) =>
        api.GetAsync<IReadOnlyList<TimeOffEntry>>($"api/practice/practitioners/{practitionerId}/time-off");

    public Task<ApiResult<TimeOffAdded>> AddTimeOffAsync(Guid practitionerId, DateTimeOffset start, DateTimeOffset end, string? reason) =>
        api.PostAsync<TimeOffAdded>($"api/practice/practitioners/{practitionerId}/time-off", new { start, end, reason });

    public Task<ApiResult<object>> RemoveTimeOffAsync(Guid practitionerId, Guid timeOffId) =>
        api.SendAsync<object>(HttpMethod.Delete, $"api/practice/practitioners/{practitionerId}/time-off/{timeOffId}", null);
}
