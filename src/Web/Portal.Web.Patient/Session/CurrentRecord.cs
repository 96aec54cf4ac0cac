using Microsoft.AspNetCore.Http;
using Portal.Web.Components.Api;
using Portal.Web.Patient.Features.Home;

namespace Portal.Web.Patient.Session;

/// <summary>
/// The patient records on this account and the one the browser looks at (one per practice). The choice is a plain
/// cookie holding a record's id, never trusted: it only picks among the account's own records, as the API answers them.
/// Read once per request; every page acts on the record shown.
/// </summary>
public sealed class CurrentRecord(MyRecordsClient records, IHttpContextAccessor accessor)
{
    public const string CookieName = "portal.record";

    private Task? _loading;

    public IReadOnlyList<LinkedRecord> All { get; private set; } = [];
    public LinkedRecord? Current { get; private set; }
    public ApiProblem? Problem { get; private set; }

    public string PracticeName => Current?.PracticeName ?? "your practice";

    public Task LoadAsync() => _loading ??= ReadAsync();

    private async Task ReadAsync()
    {
        var result = await records.ListAsync();
        Problem = result.Problem;
        All = result.Value ?? [];
        var chosen = Guid.TryParse(accessor.HttpContext?.Request.Cookies[CookieName], out var id) ? id : (Guid?)null;
        Current = All.FirstOrDefault(r => r.PatientId == chosen) ?? All.FirstOrDefault();
    }

    /// <summary>Shows another of the account's records from now on.</summary>
    public void Select(Guid patientId)
    {
        if (All.FirstOrDefault(r => r.PatientId == patientId) is not { } record || accessor.HttpContext is not { } context)
        {
            return;
        }

        Current = record;
        context.Response.Cookies.Append(CookieName, record.PatientId.ToString(), new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps, Path = "/", IsEssential = true,
        });
    }

    /// <summary>How a record is named: the practice, and the person when one practice has several.</summary>
    public string LabelOf(LinkedRecord record) =>
        All.Count(r => r.PracticeGroupId == record.PracticeGroupId) > 1 ? $"{record.GivenName} {record.FamilyName} — {record.PracticeName}" : record.PracticeName;
}
