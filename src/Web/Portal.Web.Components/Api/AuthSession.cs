using System.Net;
using System.Net.Http.Json;
using Microsoft.JSInterop;

namespace Portal.Web.Components.Api;

/// <summary>
/// The signed-in account of this browser tab. The access token lives in memory only; the refresh token in the tab's
/// session storage, so a reload keeps the session but closing the tab ends it.
/// </summary>
public sealed class AuthSession(HttpClient http, IJSRuntime js)
{
    private const string RefreshTokenKey = "portal.refreshToken";
    private Task<bool>? _renewal;

    public string? AccessToken { get; private set; }
    public Me? User { get; private set; }
    public bool IsSignedIn => User is not null;

    /// <summary>Raised when someone signs in or out (or the session ends).</summary>
    public event Action? Changed;

    public async Task<SignInResult> SignInAsync(string email, string password, string? twoFactorCode)
    {
        HttpResponseMessage response;
        try
        {
            // Six digits are the authenticator's code; anything else typed at that step is a recovery code.
            var code = twoFactorCode?.Trim().Replace(" ", "", StringComparison.Ordinal);
            var isAuthenticatorCode = code is { Length: 6 } && code.All(char.IsAsciiDigit);
            response = await http.PostAsJsonAsync("api/auth/login", new
            {
                email,
                password,
                twoFactorCode = isAuthenticatorCode ? code : null,
                recoveryCode = !string.IsNullOrEmpty(code) && !isAuthenticatorCode ? twoFactorCode!.Trim() : null,
            });
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return SignInResult.Failed(ApiProblem.Network);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var problem = await ApiProblem.ReadAsync(response);
                return problem.Code == "auth.two-factor-required" ? SignInResult.NeedsTwoFactor(problem) : SignInResult.Failed(problem);
            }

            await AcceptAsync((await response.Content.ReadFromJsonAsync<TokenResponse>(PortalApi.Json))!);
            return User is null ? SignInResult.Failed(ApiProblem.Network) : SignInResult.SignedIn;
        }
    }

    /// <summary>Resumes the tab's session after a reload, if it has one.</summary>
    public async Task RestoreAsync()
    {
        if (User is null && await js.InvokeAsync<string?>("sessionStorage.getItem", RefreshTokenKey) is { Length: > 0 })
        {
            await RenewAsync();
        }
    }

    /// <summary>New tokens from the refresh token (once at a time); false when the session has ended.</summary>
    public Task<bool> RenewAsync() => _renewal ??= RenewOnceAsync();

    /// <summary>Ends the session on the server too (renewing an expired access token first), then in this tab.</summary>
    public async Task SignOutAsync()
    {
        try
        {
            if (AccessToken is not null && await LogoutAsync() == HttpStatusCode.Unauthorized && await RenewAsync())
            {
                await LogoutAsync();
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // Portal cannot be reached: this tab still signs out; the server session ends when its idle time runs out.
        }

        await EndAsync();
    }

    /// <summary>Reads the account again (e.g. after turning two-factor sign-in on or off).</summary>
    public async Task ReloadUserAsync()
    {
        if (AccessToken is null)
        {
            return;
        }

        if (await FetchMeAsync() is { } user)
        {
            User = user;
            Changed?.Invoke();
        }
    }

    /// <summary>The signed-in account (<c>GET /api/me</c>), or null when the token is not accepted.</summary>
    private async Task<Me?> FetchMeAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/me");
        request.Headers.Authorization = new("Bearer", AccessToken);
        using var me = await http.SendAsync(request);
        return me.StatusCode == HttpStatusCode.OK ? await me.Content.ReadFromJsonAsync<Me>(PortalApi.Json) : null;
    }

    private async Task<HttpStatusCode> LogoutAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/auth/logout");
        request.Headers.Authorization = new("Bearer", AccessToken);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<bool> RenewOnceAsync()
    {
        try
        {
            var refreshToken = await js.InvokeAsync<string?>("sessionStorage.getItem", RefreshTokenKey);
            if (string.IsNullOrEmpty(refreshToken))
            {
                await EndAsync();
                return false;
            }

            using var response = await http.PostAsJsonAsync("api/auth/refresh", new { refreshToken });
            if (!response.IsSuccessStatusCode)
            {
                await EndAsync();
                return false;
            }

            await AcceptAsync((await response.Content.ReadFromJsonAsync<TokenResponse>(PortalApi.Json))!);
            return User is not null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
        finally
        {
            _renewal = null;
        }
    }

    private async Task AcceptAsync(TokenResponse tokens)
    {
        AccessToken = tokens.AccessToken;
        await js.InvokeVoidAsync("sessionStorage.setItem", RefreshTokenKey, tokens.RefreshToken);
        User = await FetchMeAsync();
        Changed?.Invoke();
    }

    private async Task EndAsync()
    {
        AccessToken = null;
        User = null;
        await js.InvokeVoidAsync("sessionStorage.removeItem", RefreshTokenKey);
        Changed?.Invoke();
    }

    private sealed record TokenResponse(string AccessToken, string RefreshToken, int ExpiresIn);
}

public sealed record Me(
    Guid UserId, string Email, string Name, string Kind, Guid? PracticeGroupId, string? PracticeName, IReadOnlyList<string> Roles,
    IReadOnlyList<Guid> PatientIds, bool TwoFactorEnabled, bool PasswordChangeRequired = false)
{
    public bool IsPracticeAdmin => Roles.Contains("practiceAdmin");
}

public sealed record SignInResult(bool IsSignedIn, bool TwoFactorRequired, ApiProblem? Problem)
{
    public static readonly SignInResult SignedIn = new(true, false, null);

    public static SignInResult NeedsTwoFactor(ApiProblem problem) => new(false, true, problem);

    public static SignInResult Failed(ApiProblem problem) => new(false, false, problem);
}
