using System.Text.Json;
using Portal.Web.Components.Api;
using Portal.Web.Server.Api;

namespace Portal.Web.Admin.Features.Join;

/// <summary>Why a staff invitation link no longer works.</summary>
public enum DeadStaffInvitation
{
    NotValid,
    Expired,
    Used,
    Revoked,
}

/// <summary>A staff invitation looked up: its details, or why it is dead, or a problem reaching Portal.</summary>
public sealed record StaffInvitationLookup(StaffInvitationDetails? Details, DeadStaffInvitation? Dead, ApiProblem? Problem);

public sealed record StaffInvitationDetails(string PracticeName, string Email, string? GivenName, string? FamilyName, bool PracticeAdmin, DateTimeOffset ExpiresAt);

/// <summary>A practice's invitation to join its staff: <c>GET /api/staff-invitations/{token}</c> and <c>…/accept</c>.</summary>
public sealed class StaffInvitationClient(PortalWebApi api)
{
    public async Task<StaffInvitationLookup> GetAsync(string token)
    {
        var result = await api.AnonymousAsync<StaffInvitationDetails>(HttpMethod.Get, $"api/staff-invitations/{Uri.EscapeDataString(token)}");
        return result.Problem switch
        {
            null => new StaffInvitationLookup(result.Value, null, null),
            { Status: 404 or 410 } problem => new StaffInvitationLookup(null, problem.Code switch
            {
                "staff-invitations.expired" => DeadStaffInvitation.Expired,
                "staff-invitations.used" => DeadStaffInvitation.Used,
                "staff-invitations.revoked" => DeadStaffInvitation.Revoked,
                _ => DeadStaffInvitation.NotValid,
            }, problem),
            var problem => new StaffInvitationLookup(null, null, problem),
        };
    }

    /// <summary>Creates the practitioner's account (the token is single-use).</summary>
    public Task<ApiResult<JsonElement>> AcceptAsync(string token, string password, string givenName, string familyName) =>
        api.AnonymousAsync<JsonElement>(HttpMethod.Post, $"api/staff-invitations/{Uri.EscapeDataString(token)}/accept",
            new { password, givenName = givenName.Trim(), familyName = familyName.Trim() });
}
