using Portal.Web.Admin.Features.Patients;
using Portal.Web.Admin.Features.Shared;
using Portal.Web.Components.Api;
using Portal.Web.Server.Api;

namespace Portal.Web.Admin.Features.Invitations;

public sealed record Invitation(Guid Id, Guid PatientId, string PatientName, string Email, InvitationStatus Status, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt)
{
    /// <summary>A pending or expired invitation can be sent again (with a new link); only a pending one can be withdrawn.</summary>
    public bool CanResend => Status is InvitationStatus.Pending or InvitationStatus.Expired;

    public bool CanRevoke => Status == InvitationStatus.Pending;
}

/// <summary>A bulk invitation as started: how many will be sent and how many patients were skipped.</summary>
public sealed record BulkStarted(Guid Id, int Accepted, IReadOnlyList<SkippedPatient> Skipped);

public sealed record SkippedPatient(Guid PatientId, string Code);

public sealed record BulkProgress(Guid Id, int Total, int Sent, int Failed, DateTimeOffset? CompletedAt)
{
    public bool Finished => CompletedAt is not null;
}

/// <summary>
/// Patients' invitations: <c>GET /api/practice/invitations</c> (by status), <c>POST …/{id}/resend</c>, <c>POST …/{id}/revoke</c>,
/// and the bulk invitation (<c>POST …/bulk</c>, its progress at <c>GET …/bulk/{id}</c>).
/// </summary>
public sealed class InvitationsClient(PortalWebApi api)
{
    public const int PageSize = 50;
    private const int PatientsPageSize = 200;

    public Task<ApiResult<Page<Invitation>>> ListAsync(InvitationStatus? status, int page) =>
        api.GetAsync<Page<Invitation>>(
            $"api/practice/invitations?status={(status is { } s ? System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(s.ToString()) : "")}&page={Math.Max(1, page)}&pageSize={PageSize}");

    public Task<ApiResult<Invitation>> ResendAsync(Guid id) => api.PostAsync<Invitation>($"api/practice/invitations/{id}/resend");

    public Task<ApiResult<Invitation>> RevokeAsync(Guid id) => api.PostAsync<Invitation>($"api/practice/invitations/{id}/revoke");

    /// <summary>The patients a bulk invitation would invite: not invited yet and with an email (the server checks again).</summary>
    public async Task<ApiResult<IReadOnlyList<Guid>>> EligibleAsync()
    {
        var eligible = new List<Guid>();
        for (var page = 1; ; page++)
        {
            var batch = await api.GetAsync<Page<PatientRow>>($"api/practice/patients?page={page}&pageSize={PatientsPageSize}");
            if (batch.Value is not { } rows)
            {
                return new ApiResult<IReadOnlyList<Guid>>(null, batch.Problem, batch.Status);
            }

            eligible.AddRange(rows.Items.Where(p => p.PortalStatus == PortalStatus.NotInvited && p.Email is not null).Select(p => p.Id));
            if (page * PatientsPageSize >= rows.Total)
            {
                return new ApiResult<IReadOnlyList<Guid>>(eligible, null, batch.Status);
            }
        }
    }

    public Task<ApiResult<BulkStarted>> StartBulkAsync(IReadOnlyList<Guid> patientIds) =>
        api.PostAsync<BulkStarted>("api/practice/invitations/bulk", new { patientIds });

    public Task<ApiResult<BulkProgress>> BulkProgressAsync(Guid id) => api.GetAsync<BulkProgress>($"api/practice/invitations/bulk/{id}");
}
