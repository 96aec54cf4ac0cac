using System.Text.Json;
using Portal.Web.Components.Api;
using Portal.Web.Server.Api;

namespace Portal.Web.Server.Account;

/// <summary>The account's password, two-factor sign-in, sessions and security log: <c>/api/me/*</c> (both apps' account pages).</summary>
public sealed class AccountSecurityClient(PortalWebApi api)
{
    public Task<ApiResult<MyAccount>> GetAsync() => api.GetAsync<MyAccount>("api/me");

    public Task<ApiResult<JsonElement>> ChangePasswordAsync(string currentPassword, string newPassword) =>
        api.PostAsync<JsonElement>("api/me/password", new { currentPassword, newPassword });

    public Task<ApiResult<TwoFactorSetup>> SetUpTwoFactorAsync(string currentPassword) =>
        api.PostAsync<TwoFactorSetup>("api/me/two-factor/setup", new { currentPassword });

    public Task<ApiResult<NewRecoveryCodes>> EnableTwoFactorAsync(string code, string currentPassword) =>
        api.PostAsync<NewRecoveryCodes>("api/me/two-factor/enable", new { code = code.Trim(), currentPassword });

    public Task<ApiResult<NewRecoveryCodes>> NewRecoveryCodesAsync(string currentPassword) =>
        api.PostAsync<NewRecoveryCodes>("api/me/two-factor/recovery-codes", new { currentPassword });

    public Task<ApiResult<JsonElement>> DisableTwoFactorAsync(string currentPassword) =>
        api.SendAsync<JsonElement>(HttpMethod.Delete, "api/me/two-factor", new { currentPassword });

    public Task<ApiResult<IReadOnlyList<SessionInfo>>> SessionsAsync() => api.GetAsync<IReadOnlyList<SessionInfo>>("api/me/sessions");

    public Task<ApiResult<JsonElement>> SignOutSessionAsync(Guid sessionId) =>
        api.SendAsync<JsonElement>(HttpMethod.Delete, $"api/me/sessions/{sessionId}", null);

    public Task<ApiResult<Page<ActivityEntry>>> ActivityAsync() => api.GetAsync<Page<ActivityEntry>>("api/me/security-log?pageSize=10");

    /// <summary>Whether a refusal means the password the step carried no longer works (changed meanwhile, or too many tries).</summary>
    public static bool PasswordNoLongerWorks(ApiProblem problem) => problem.For("currentPassword") is not null || problem.Status == 423;
}

public sealed record MyAccount(Guid UserId, string Email, string Name, bool TwoFactorEnabled);

public sealed record TwoFactorSetup(string SharedKey, string AuthenticatorUri);

public sealed record NewRecoveryCodes(IReadOnlyList<string> RecoveryCodes);

public sealed record SessionInfo(Guid Id, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, string? UserAgent, bool Current);

public sealed record ActivityEntry(string Kind, DateTimeOffset OccurredAt, string? RemoteAddress);
