using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Portal.Web.Components.Api;
using Portal.Web.Server.Api;

namespace Portal.Web.Server.Session;

/// <summary>
/// The browser's session with Portal, kept in the web front end's own cookie (<see cref="Scheme"/>): an encrypted
/// ticket (the Host's Data Protection key ring) holding the API's access and refresh tokens, HttpOnly, so no token
/// ever reaches the page. Only the web pages read this cookie; the REST API accepts bearer tokens and never it.
/// An access token near its end is renewed before the page renders, and the cookie is written again; when renewal
/// fails (the session was signed out elsewhere) the cookie is deleted and the page asks to sign in.
/// </summary>
public sealed class WebSession(IHttpContextAccessor accessor, ApiTransport api, TokenRefreshes refreshes, TimeProvider clock)
{
    public const string Scheme = "PortalWeb";
    public const string CookieName = "portal.session";

    /// <summary>Renew this long before the access token ends, so no call of the page meets an expired one.</summary>
    private static readonly TimeSpan RenewAhead = TimeSpan.FromMinutes(1);

    private Task<State?>? _state;

    public async Task<SessionUser?> UserAsync() => (await StateAsync())?.User;

    /// <summary>The access token for the API (renewed first when near its end); null when signed out.</summary>
    public async Task<string?> AccessTokenAsync() => (await StateAsync())?.AccessToken;

    /// <summary>Starts a session with tokens the API issued: reads who signed in, then writes the cookie.</summary>
    public async Task<bool> StartAsync(TokenResponse tokens)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/me");
        request.Headers.Authorization = new("Bearer", tokens.AccessToken);
        using var response = await api.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK || await response.Content.ReadFromJsonAsync<MeAnswer>(ApiJson.Options) is not { } me)
        {
            return false;
        }

        var user = new SessionUser(me.UserId, me.Email, me.Name, me.Kind switch
        {
            "patient" => AccountKind.Patient,
            "practitioner" => AccountKind.Practitioner,
            _ => AccountKind.Other,
        });
        var state = new State(user, tokens.AccessToken, tokens.RefreshToken, clock.GetUtcNow().AddSeconds(tokens.ExpiresIn));
        await WriteAsync(state);
        _state = Task.FromResult<State?>(state);
        return true;
    }

    /// <summary>
    /// New tokens from the refresh token after the API refused the access token (e.g. it ended early); false, and the
    /// cookie deleted, when the session has ended.
    /// </summary>
    public async Task<bool> RenewAsync()
    {
        if (await StateAsync() is not { } state)
        {
            return false;
        }

        var renewed = await RenewAsync(state);
        _state = Task.FromResult(renewed);
        return renewed is not null;
    }

    /// <summary>Signs out: ends the session on the server (its refresh token stops working), then deletes the cookie.</summary>
    public async Task EndAsync()
    {
        if (await StateAsync() is { } state)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "api/auth/logout");
                request.Headers.Authorization = new("Bearer", state.AccessToken);
                using var response = await api.SendAsync(request);
            }
            catch (HttpRequestException)
            {
                // The API cannot be reached: the browser still signs out; the server session ends when its idle time runs out.
            }
        }

        await ForgetAsync();
    }

    private Task<State?> StateAsync() => _state ??= ReadAsync();

    private async Task<State?> ReadAsync()
    {
        var context = Context;
        var result = await context.AuthenticateAsync(Scheme);
        if (!result.Succeeded || result.Properties is not { } properties || State.From(result.Principal, properties) is not { } state)
        {
            return null;
        }

        return state.ExpiresAt - clock.GetUtcNow() > RenewAhead ? state : await RenewAsync(state);
    }

    private async Task<State?> RenewAsync(State state)
    {
        var tokens = await refreshes.RefreshOnceAsync(state.RefreshToken, async () =>
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "api/auth/refresh") { Content = JsonContent.Create(new { refreshToken = state.RefreshToken }) };
                using var response = await api.SendAsync(request);
                return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<TokenResponse>(ApiJson.Options) : null;
            }
            catch (HttpRequestException)
            {
                return null;
            }
        });
        if (tokens is null)
        {
            await ForgetAsync();
            return null;
        }

        var renewed = state with { AccessToken = tokens.AccessToken, RefreshToken = tokens.RefreshToken, ExpiresAt = clock.GetUtcNow().AddSeconds(tokens.ExpiresIn) };
        await WriteAsync(renewed);
        return renewed;
    }

    private async Task WriteAsync(State state)
    {
        var properties = new AuthenticationProperties { IsPersistent = false, AllowRefresh = false };
        properties.StoreTokens(
        [
            new AuthenticationToken { Name = "access_token", Value = state.AccessToken },
            new AuthenticationToken { Name = "refresh_token", Value = state.RefreshToken },
            new AuthenticationToken { Name = "expires_at", Value = state.ExpiresAt.ToString("O", CultureInfo.InvariantCulture) },
        ]);
        await Context.SignInAsync(Scheme, state.ToPrincipal(), properties);
    }

    private async Task ForgetAsync()
    {
        _state = Task.FromResult<State?>(null);
        if (!Context.Response.HasStarted)
        {
            await Context.SignOutAsync(Scheme);
        }
    }

    private HttpContext Context => accessor.HttpContext ?? throw new InvalidOperationException("The web session needs the browser's request.");

    private sealed record MeAnswer(Guid UserId, string Email, string Name, string Kind);

    private sealed record State(SessionUser User, string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt)
    {
        public ClaimsPrincipal ToPrincipal() => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, User.UserId.ToString()),
            new Claim(ClaimTypes.Email, User.Email),
            new Claim(ClaimTypes.Name, User.Name),
            new Claim("portal.kind", User.Kind.ToString()),
        ], Scheme));

        public static State? From(ClaimsPrincipal? principal, AuthenticationProperties properties)
        {
            if (principal is null
                || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
                || !Enum.TryParse<AccountKind>(principal.FindFirstValue("portal.kind"), out var kind)
                || properties.GetTokenValue("access_token") is not { } access
                || properties.GetTokenValue("refresh_token") is not { } refresh
                || !DateTimeOffset.TryParse(properties.GetTokenValue("expires_at"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expiresAt))
            {
                return null;
            }

            var user = new SessionUser(userId, principal.FindFirstValue(ClaimTypes.Email) ?? "", principal.FindFirstValue(ClaimTypes.Name) ?? "", kind);
            return new State(user, access, refresh, expiresAt);
        }
    }
}
