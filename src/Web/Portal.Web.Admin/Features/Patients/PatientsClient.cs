using Portal.Web.Components.Api;
using Portal.Web.Server.Api;

namespace Portal.Web.Admin.Features.Patients;

/// <summary>The practice's patients: <c>GET /api/practice/patients</c> (search and paging).</summary>
public sealed class PatientsClient(PortalWebApi api)
{
    public const int PageSize = 25;

    public Task<ApiResult<Page<PatientRow>>> SearchAsync(string? search, int page) =>
        api.GetAsync<Page<PatientRow>>(
            $"api/practice/patients?search={Uri.EscapeDataString(search?.Trim() ?? string.Empty)}&page={Math.Max(1, page)}&pageSize={PageSize}");
}

/// <summary>Where a patient stands with the portal (the API's <c>portalStatus</c>).</summary>
public enum PortalStatus
{
    NotInvited,
    Invited,
    Active,
}

public sealed record PatientRow(Guid Id, string GivenName, string FamilyName, DateOnly DateOfBirth, string? Email, PortalStatus PortalStatus);
