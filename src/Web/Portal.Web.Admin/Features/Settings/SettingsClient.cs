using Portal.Web.Components.Api;
using Portal.Web.Server.Api;

namespace Portal.Web.Admin.Features.Settings;

/// <summary>How the practice handles a patient's changes to their details (the API's <c>patientUpdates</c>).</summary>
public enum PatientUpdatePolicy
{
    AutoUpdate,
    RequireApproval,
    Disabled,
}

/// <summary>What saving the settings came to.</summary>
public enum SettingsSaveOutcome
{
    Saved,
    /// <summary>Someone else saved the settings since the form was opened (its ETag is old): nothing was saved.</summary>
    Stale,
    Refused,
}

public sealed record SettingsSaveAnswer(SettingsSaveOutcome Outcome, PortalSettings? Settings, string? ETag, ApiProblem? Problem);

/// <summary>
/// The practice's portal settings: <c>GET</c>/<c>PUT /api/practice/settings/portal</c> (the ETag read goes back as
/// <c>If-Match</c>, so a stale form saves nothing) and <c>GET …/history</c> (practice admins).
/// </summary>
public sealed class SettingsClient(PortalWebApi api)
{
    public const int HistoryPageSize = 20;

    public Task<ApiResult<PortalSettings>> GetAsync() => api.GetAsync<PortalSettings>("api/practice/settings/portal");

    public async Task<SettingsSaveAnswer> SaveAsync(PortalSettingsChoice choice, string? etag)
    {
        var result = await api.SendAsync<PortalSettings>(HttpMethod.Put, "api/practice/settings/portal", choice, etag);
        return result.Problem switch
        {
            null => new SettingsSaveAnswer(SettingsSaveOutcome.Saved, result.Value, result.ETag, null),
            { Code: "settings.stale" } problem => new SettingsSaveAnswer(SettingsSaveOutcome.Stale, null, null, problem),
            var problem => new SettingsSaveAnswer(SettingsSaveOutcome.Refused, null, null, problem),
        };
    }

    public Task<ApiResult<Page<SettingsChange>>> HistoryAsync(int page) =>
        api.GetAsync<Page<SettingsChange>>($"api/practice/settings/portal/history?page={Math.Max(1, page)}&pageSize={HistoryPageSize}");
}

/// <summary>What an admin chose: the body of the <c>PUT</c>.</summary>
public sealed record PortalSettingsChoice(
    bool PortalEnabled, bool PatientInvitations, PatientUpdatePolicy PatientUpdates, bool NoteSharing, IReadOnlyList<string> AlwaysApproveFields);

public sealed record PortalSettings(
    bool PortalEnabled, bool PatientInvitations, PatientUpdatePolicy PatientUpdates, bool NoteSharing, DateTimeOffset? UpdatedAt = null,
    ChangedBy? UpdatedBy = null, IReadOnlyList<string>? AlwaysApproveFields = null);

public sealed record SettingsChange(DateTimeOffset ChangedAt, ChangedBy ChangedBy, PortalSettings Before, PortalSettings After);

public sealed record ChangedBy(Guid UserId, string Name);
