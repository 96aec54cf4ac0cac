using Portal.Web.Components.Api;
using Portal.Web.Server.Api;

namespace Portal.Web.Admin.Features.Staff;

/// <summary>Where a staff invitation stands (the API's <c>status</c>).</summary>
public enum StaffInvitationStatus
{
    Pending,
    Accepted,
    Expired,
    Revoked,
}

public sealed record StaffMember(Guid UserId, string Email, string Name, bool PracticeAdmin, bool Active, DateTimeOffset CreatedAt, DateTimeOffset? DeactivatedAt);

public sealed record StaffInvitation(
    Guid Id, string Email, string? GivenName, string? FamilyName, bool PracticeAdmin, StaffInvitationStatus Status, DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt, string InvitedBy);

/// <summary>Who to invite, as the admin typed it.</summary>
public sealed record StaffInvite(string Email, string? GivenName, string? FamilyName, bool PracticeAdmin);

/// <summary>
/// The practice's staff (practice admins only): <c>GET /api/practice/staff</c>, <c>PUT …/{userId}/roles</c>,
/// <c>POST …/{userId}/deactivate</c> and <c>…/reactivate</c>, and staff invitations (<c>GET</c>/<c>POST …/staff/invitations</c>,
/// <c>POST …/{id}/revoke</c>).
/// </summary>
public sealed class StaffClient(PortalWebApi api)
{
    public Task<ApiResult<IReadOnlyList<StaffMember>>> ListAsync() => api.GetAsync<IReadOnlyList<StaffMember>>("api/practice/staff");

    public Task<ApiResult<Page<StaffInvitation>>> InvitationsAsync() => api.GetAsync<Page<StaffInvitation>>("api/practice/staff/invitations?pageSize=50");

    public Task<ApiResult<StaffInvitation>> InviteAsync(StaffInvite invite) => api.PostAsync<StaffInvitation>("api/practice/staff/invitations", invite);

    public Task<ApiResult<StaffMember>> SetPracticeAdminAsync(Guid userId, bool practiceAdmin) =>
        api.SendAsync<StaffMember>(HttpMethod.Put, $"api/practice/staff/{userId}/roles", new { practiceAdmin });

    public Task<ApiResult<StaffMember>> DeactivateAsync(Guid userId) => api.PostAsync<StaffMember>($"api/practice/staff/{userId}/deactivate");

    public Task<ApiResult<StaffMember>> ReactivateAsync(Guid userId) => api.PostAsync<StaffMember>($"api/practice/staff/{userId}/reactivate");

    public Task<ApiResult<StaffInvitation>> RevokeInvitationAsync(Guid id) => api.PostAsync<StaffInvitation>($"api/practice/staff/invitations/{id}/revoke");
}
