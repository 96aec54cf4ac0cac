using Portal.Web.Components.Api;
using Portal.Web.Server.Api;

namespace Portal.Web.Admin.Features.Settings;

/// <summary>The practice's rules for patients booking, cancelling and moving online (<c>GET /api/practice/settings/booking</c>).</summary>
public sealed record BookingRules(
    bool OnlineBooking, int MinimumLeadHours, int MaxDaysAhead, bool PatientCancellation, int CancellationNoticeHours, int GracePeriodMinutes,
    DateTimeOffset? UpdatedAt = null, string? UpdatedBy = null)
{
    /// <summary>The ranges the API accepts (<c>BookingSettingsSlices</c>): notice up to two weeks, up to two years ahead, a grace of up to a day.</summary>
    public const int MaxNoticeHours = 24 * 14, MinDaysAhead = 1, MaxDaysAheadAllowed = 730, MaxGraceMinutes = 24 * 60;
}

public sealed record BookingRulesSaveAnswer(SettingsSaveOutcome Outcome, BookingRules? Rules, string? ETag, ApiProblem? Problem);

/// <summary>
/// The booking rules: <c>GET</c>/<c>PUT /api/practice/settings/booking</c>, the ETag read going back as <c>If-Match</c>
/// (412 <c>settings.stale</c>: someone saved since, nothing was saved). Every practitioner reads them; practice admins change them.
/// </summary>
public sealed class BookingRulesClient(PortalWebApi api)
{
    public Task<ApiResult<BookingRules>> GetAsync() => api.GetAsync<BookingRules>("api/practice/settings/booking");

    public async Task<BookingRulesSaveAnswer> SaveAsync(BookingRules rules, string? etag)
    {
        var body = new
        {
            rules.OnlineBooking, rules.MinimumLeadHours, rules.MaxDaysAhead, rules.PatientCancellation, rules.CancellationNoticeHours, rules.GracePeriodMinutes,
        };
        var result = await api.SendAsync<BookingRules>(HttpMethod.Put, "api/practice/settings/booking", body, etag);
        return result.Problem switch
        {
            null => new BookingRulesSaveAnswer(SettingsSaveOutcome.Saved, result.Value, result.ETag, null),
            { Code: "settings.stale" } problem => new BookingRulesSaveAnswer(SettingsSaveOutcome.Stale, null, null, problem),
            var problem => new BookingRulesSaveAnswer(SettingsSaveOutcome.Refused, null, null, problem),
        };
    }
}
