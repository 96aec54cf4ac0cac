using System.Text.Json;
using Portal.Web.Components.Api;
using Portal.Web.Server.Api;

namespace Portal.Web.Admin.Features.PasswordReset;

/// <summary>Why a reset link no longer works.</summary>
public enum DeadResetLink
{
    NotValid,
    Expired,
    Used,
}

public sealed record ResetLinkLookup(PasswordResetLink? Link, DeadResetLink? Dead, ApiProblem? Problem);

/// <summary>The forgotten-password routes: ask for a link by email, check a link, set the new password with it.</summary>
public sealed class PasswordResetClient(PortalWebApi api)
{
    /// <summary>The same answer whether or not an account has the email; only a malformed email or a rate limit fails.</summary>
    public Task<ApiResult<JsonElement>> RequestLinkAsync(string email) =>
        api.AnonymousAsync<JsonElement>(HttpMethod.Post, "api/auth/password-reset", new { email });

    public async Task<ResetLinkLookup> GetLinkAsync(string token)
    {
        var result = await api.AnonymousAsync<PasswordResetLink>(HttpMethod.Get, $"api/auth/password-reset/{Uri.EscapeDataString(token)}");
        return result.Problem switch
        {
            null => new ResetLinkLookup(result.Value, null, null),
            { } problem when problem.Code.StartsWith("password-reset.", StringComparison.Ordinal) => new ResetLinkLookup(null, problem.Code switch
            {
                "password-reset.used" => DeadResetLink.Used,
                "password-reset.expired" => DeadResetLink.Expired,
                _ => DeadResetLink.NotValid,
            }, problem),
            var problem => new ResetLinkLookup(null, null, problem),
        };
    }

    public Task<ApiResult<JsonElement>> ResetAsync(string token, string newPassword) =>
        api.AnonymousAsync<JsonElement>(HttpMethod.Post, $"api/auth/password-reset/{Uri.EscapeDataString(token)}", new { newPassword });
}
