namespace Portal.Web.Components.Api;

/// <summary>The forgotten-password routes: ask for a link by email, check a link, set the new password with it.</summary>
public sealed class PasswordResets(PortalApi api)
{
    /// <summary>The same answer whether or not an account has the email; only a malformed email or a rate limit fails.</summary>
    public Task<ApiResult<object>> RequestLinkAsync(string email) =>
        api.PostAsync<object>("api/auth/password-reset", new { email });

    public Task<ApiResult<PasswordResetLink>> GetLinkAsync(string token) =>
        api.GetAsync<PasswordResetLink>($"api/auth/password-reset/{Uri.EscapeDataString(token)}");

    public Task<ApiResult<object>> ResetAsync(string token, string newPassword) =>
        api.PostAsync<object>($"api/auth/password-reset/{Uri.EscapeDataString(token)}", new { newPassword });

    /// <summary>Whether a problem means the link itself no longer works (rather than, say, the network).</summary>
    public static bool IsDeadLink(ApiProblem problem) => problem.Code.StartsWith("password-reset.", StringComparison.Ordinal);
}

/// <summary>A reset link that still works: the account it is for, and until when.</summary>
public sealed record PasswordResetLink(string Email, DateTimeOffset ExpiresAt);
