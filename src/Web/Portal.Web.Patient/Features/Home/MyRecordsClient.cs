using Portal.Web.Components.Api;
using Portal.Web.Server.Api;

namespace Portal.Web.Patient.Features.Home;

/// <summary>The patient records on this account, one per practice: <c>GET /api/portal/profiles</c>.</summary>
public sealed class MyRecordsClient(PortalWebApi api)
{
    public Task<ApiResult<IReadOnlyList<LinkedRecord>>> ListAsync() => api.GetAsync<IReadOnlyList<LinkedRecord>>("api/portal/profiles");
}

public sealed record LinkedRecord(Guid PatientId, Guid PracticeGroupId, string PracticeName, string GivenName, string FamilyName);
