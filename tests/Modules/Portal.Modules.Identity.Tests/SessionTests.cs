using System.Net;
using System.Net.Http.Json;
using Portal.Modules.Identity.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Identity.Tests;

public sealed class SessionTests : IAsyncLifetime
{
    private readonly PortalApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_refresh_token_is_rotated_and_works_once()
    {
        var first = await _app.LoginAsync(DemoData.DrLeeEmail);

        using var refreshed = await Refresh(first.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var second = (await refreshed.Content.ReadFromJsonAsync<Tokens>(PortalClients.Json))!;
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);

        using var me = await _app.ClientWith(second.AccessToken).GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task Reusing_an_old_refresh_token_ends_the_whole_session()
    {
        var first = await _app.LoginAsync(DemoData.DrLeeEmail);
        using var rotated = await Refresh(first.RefreshToken);
        var second = (await rotated.Content.ReadFromJsonAsync<Tokens>(PortalClients.Json))!;

        using var reuse = await Refresh(first.RefreshToken);
        await ProblemAssert.IsProblemAsync(reuse, HttpStatusCode.Unauthorized, "auth.refresh-token-reused");

        // The thief's replay also kills the legitimate holder's newer tokens.
        using var newer = await Refresh(second.RefreshToken);
        await ProblemAssert.IsProblemAsync(newer, HttpStatusCode.Unauthorized, "auth.invalid-refresh-token");
        using var me = await _app.ClientWith(second.AccessToken).GetAsync("/api/me");
        await ProblemAssert.IsProblemAsync(me, HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Fact]
    public async Task Two_racing_refreshes_of_one_token_give_one_new_token_pair()
    {
        var first = await _app.LoginAsync(DemoData.DrLeeEmail);

        var responses = await Task.WhenAll(Refresh(first.RefreshToken), Refresh(first.RefreshToken));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unknown_refresh_token_is_refused()
    {
        using var response = await Refresh("bm90LWEtcmVhbC10b2tlbi1ub3QtYS1yZWFsLXRva2Vu");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "auth.invalid-refresh-token");
    }

    [Fact]
    public async Task Logout_stops_the_refresh_token_and_the_access_token()
    {
        var tokens = await _app.LoginAsync(DemoData.DrLeeEmail);
        using var client = _app.ClientWith(tokens.AccessToken);

        using var logout = await client.PostAsync("/api/auth/logout", null);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);

        using var refresh = await Refresh(tokens.RefreshToken);
        await ProblemAssert.IsProblemAsync(refresh, HttpStatusCode.Unauthorized, "auth.invalid-refresh-token");
        using var me = await client.GetAsync("/api/me");
        await ProblemAssert.IsProblemAsync(me, HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Fact]
    public async Task Sessions_are_listed_and_one_can_be_signed_out_from_another()
    {
        var laptop = await _app.LoginAsync(DemoData.HarbourAdminEmail);
        var phone = await _app.LoginAsync(DemoData.HarbourAdminEmail);
        using var laptopClient = _app.ClientWith(laptop.AccessToken);

        var sessions = await (await laptopClient.GetAsync("/api/me/sessions")).JsonAsync();
        Assert.Equal(2, sessions.GetArrayLength());
        var current = Assert.Single(sessions.EnumerateArray(), s => s.GetProperty("current").GetBoolean());
        var other = Assert.Single(sessions.EnumerateArray(), s => !s.GetProperty("current").GetBoolean());

        using var revoke = await laptopClient.DeleteAsync($"/api/me/sessions/{other.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);

        using var phoneRefresh = await Refresh(phone.RefreshToken);
        await ProblemAssert.IsProblemAsync(phoneRefresh, HttpStatusCode.Unauthorized, "auth.invalid-refresh-token");
        var remaining = await (await laptopClient.GetAsync("/api/me/sessions")).JsonAsync();
        Assert.Equal(current.GetProperty("id").GetGuid(), Assert.Single(remaining.EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Another_accounts_session_cannot_be_revoked()
    {
        var victim = await _app.LoginAsync(DemoData.DrLeeEmail);
        using var victimClient = _app.ClientWith(victim.AccessToken);
        var victimSession = (await (await victimClient.GetAsync("/api/me/sessions")).JsonAsync())[0].GetProperty("id").GetGuid();

        using var attacker = await _app.SignedInClientAsync(DemoData.SummitAdminEmail);
        using var revoke = await attacker.DeleteAsync($"/api/me/sessions/{victimSession}");

        await ProblemAssert.IsProblemAsync(revoke, HttpStatusCode.NotFound, "sessions.not-found");
        using var stillWorks = await Refresh(victim.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, stillWorks.StatusCode);
    }

    [Fact]
    public async Task An_expired_access_token_is_refused_and_refresh_gives_a_new_one()
    {
        var tokens = await _app.LoginAsync(DemoData.DrLeeEmail);
        _app.Clock.Advance(TimeSpan.FromMinutes(16));

        using var me = await _app.ClientWith(tokens.AccessToken).GetAsync("/api/me");
        await ProblemAssert.IsProblemAsync(me, HttpStatusCode.Unauthorized, "auth.unauthenticated");

        using var refreshed = await Refresh(tokens.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
    }

    private async Task<HttpResponseMessage> Refresh(string refreshToken)
    {
        using var client = _app.CreateClient();
        return await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken });
    }
}
