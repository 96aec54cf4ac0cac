using Portal.Web.Components;
using Portal.Web.Components.Api;
using Portal.Web.Server.Api;

namespace Portal.Web.Admin.Features.Patients;

/// <summary>The practice's patients: <c>GET /api/practice/patients</c> (search and paging) and <c>POST</c> (a new patient).</summary>
public sealed class PatientsClient(PortalWebApi api)
{
    public const int PageSize = 25;

    public Task<ApiResult<Page<PatientRow>>> SearchAsync(string? search, int page) =>
        api.GetAsync<Page<PatientRow>>(
            $"api/practice/patients?search={Uri.EscapeDataString(search?.Trim() ?? string.Empty)}&page={Math.Max(1, page)}&pageSize={PageSize}");

    public Task<ApiResult<NewPatient>> CreateAsync(PatientFormModel details) =>
        api.PostAsync<NewPatient>("api/practice/patients", details.ToBody());
}

/// <summary>Where a patient stands with the portal (the API's <c>portalStatus</c>).</summary>
public enum PortalStatus
{
    NotInvited,
    Invited,
    Active,
}

public sealed record PatientRow(Guid Id, string GivenName, string FamilyName, DateOnly DateOfBirth, string? Email, PortalStatus PortalStatus);

/// <summary>The patient just added (the API answers the whole record; the page needs where it is).</summary>
public sealed record NewPatient(Guid Id);
