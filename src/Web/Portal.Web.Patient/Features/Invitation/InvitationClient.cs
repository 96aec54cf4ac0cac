using System.Text.Json;
using Portal.Web.Components.Api;
using Portal.Web.Server.Api;

namespace Portal.Web.Patient.Features.Invitation;

/// <summary>Why an invitation link no longer works.</summary>
public enum DeadInvitation
{
    NotFound,
    Expired,
    Used,
    Revoked,
}

/// <summary>An invitation link looked up: its details, or why it is dead, or a problem reaching Portal.</summary>
public sealed record InvitationLookup(InvitationDetails? Details, DeadInvitation? Dead, ApiProblem? Problem);

/// <summary>A practice's invitation to the portal: <c>GET /api/invitations/{token}</c> and <c>…/accept</c>.</summary>
public sealed class InvitationClient(PortalWebApi api)
{
    public async Task<InvitationLookup> GetAsync(string token)
    {
        var result = await api.AnonymousAsync<InvitationDetails>(HttpMethod.Get, $"api/invitations/{Uri.EscapeDataString(token)}");
        return result.Problem switch
        {
            null => new InvitationLookup(result.Value, null, null),
            { Status: 404 or 410 } problem => new InvitationLookup(null, problem.Code switch
            {
                "invitations.expired" => DeadInvitation.Expired,
                "invitations.used" => DeadInvitation.Used,
                "invitations.revoked" => DeadInvitation.Revoked,
                _ => DeadInvitation.NotFound,
            }, problem),
            var problem => new InvitationLookup(null, null, problem),
        };
    }

    /// <summary>Creates the account with <paramref name="password"/> and links the record (the token is single-use).</summary>
    public Task<ApiResult<JsonElement>> AcceptWithNewAccountAsync(string token, string password) =>
        api.AnonymousAsync<JsonElement>(HttpMethod.Post, $"api/invitations/{Uri.EscapeDataString(token)}/accept", new { password });

    /// <summary>Links the record to the signed-in account that has the invitation's email.</summary>
    public Task<ApiResult<JsonElement>> AcceptSignedInAsync(string token) =>
        api.PostAsync<JsonElement>($"api/invitations/{Uri.EscapeDataString(token)}/accept", new { password = (string?)null });

    /// <summary>Whether the API asks the invited person to sign in to the account they already have.</summary>
    public static bool AsksToSignIn(ApiProblem? problem) => problem?.Code == "invitations.sign-in-required";
}

public sealed record InvitationDetails(string PracticeName, string GivenName, string Email, DateTimeOffset ExpiresAt, bool AccountExists);
