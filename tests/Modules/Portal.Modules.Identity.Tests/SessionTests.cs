using System.Net;
using System.Net.Http.Json;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Identity.Tests;

public sealed class SessionTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task A_refresh_token_is_rotated_and_works_once()
    {
        var first = await app.LoginAsync(await NewPractitionerAsync());

        using var refreshed = await Refresh(first.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var second = (await refreshed.Content.ReadFromJsonAsync<Tokens>(PortalClients.Json))!;
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);

        using var me = await app.ClientWith(second.AccessToken).GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task Reusing_an_old_refresh_token_ends_the_whole_session()
    {
        var first = await app.LoginAsync(await NewPractitionerAsync());
        using var rotated = await Refresh(first.RefreshToken);
        var second = (await rotated.Content.ReadFromJsonAsync<Tokens>(PortalClients.Json))!;

        using var reuse = await Refresh(first.RefreshToken);
        await ProblemAssert.IsProblemAsync(reuse, HttpStatusCode.Unauthorized, "auth.refresh-token-reused");

        // The thief's replay also kills the legitimate holder's newer tokens.
        using var newer = await Refresh(second.RefreshToken);
        await ProblemAssert.IsProblemAsync(newer, HttpStatusCode.Unauthorized, "auth.invalid-refresh-token");
        using var me = await app.ClientWith(second.AccessToken).GetAsync("/api/me");
        await ProblemAssert.IsProblemAsync(me, HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Fact]
    public async Task Two_racing_refreshes_of_one_token_give_one_new_token_pair()
    {
        var first = await app.LoginAsync(await NewPractitionerAsync());

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
        var tokens = await app.LoginAsync(await NewPractitionerAsync());
        using var client = app.ClientWith(tokens.AccessToken);

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
        var admin = (await app.NewPracticeAsync()).AdminEmail;
        var laptop = await app.LoginAsync(admin);
        var phone = await app.LoginAsync(admin);
        using var laptopClient = app.ClientWith(laptop.AccessToken);

        var sessions = (await laptopClient.GetFromJsonAsync<List<Session>>("/api/me/sessions", PortalClients.Json))!;
        Assert.Equal(2, sessions.Count);
        var current = Assert.Single(sessions, s => s.Current);
        var other = Assert.Single(sessions, s => !s.Current);

        using var revoke = await laptopClient.DeleteAsync($"/api/me/sessions/{other.Id}");
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);

        using var phoneRefresh = await Refresh(phone.RefreshToken);
        await ProblemAssert.IsProblemAsync(phoneRefresh, HttpStatusCode.Unauthorized, "auth.invalid-refresh-token");
        var remaining = (await laptopClient.GetFromJsonAsync<List<Session>>("/api/me/sessions", PortalClients.Json))!;
        Assert.Equal(current.Id, Assert.Single(remaining).Id);
    }

    [Fact]
    public async Task Another_accounts_session_cannot_be_revoked()
    {
        var victim = await app.LoginAsync(await NewPractitionerAsync());
        using var victimClient = app.ClientWith(victim.AccessToken);
        var victimSession = (await victimClient.GetFromJsonAsync<List<Session>>("/api/me/sessions", PortalClients.Json))![0].Id;

        using var attacker = await (await app.NewPracticeAsync()).SignedInAdminAsync();
        using var revoke = await attacker.DeleteAsync($"/api/me/sessions/{victimSession}");

        await ProblemAssert.IsProblemAsync(revoke, HttpStatusCode.NotFound, "sessions.not-found");
        using var stillWorks = await Refresh(victim.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, stillWorks.StatusCode);
    }

    [Fact]
    public async Task An_expired_access_token_is_refused_and_refresh_gives_a_new_one()
    {
        var tokens = await app.LoginAsync(await NewPractitionerAsync());
        app.Clock.Advance(TimeSpan.FromMinutes(16));

        using var me = await app.ClientWith(tokens.AccessToken).GetAsync("/api/me");
        await ProblemAssert.IsProblemAsync(me, HttpStatusCode.Unauthorized, "auth.unauthenticated");

        using var refreshed = await Refresh(tokens.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
    }

    private async Task<HttpResponseMessage> Refresh(string refreshToken)
    {
        using var client = app.CreateClient();
        return await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken });
    }

    /// <summary>A practitioner of a practice of the test's own.</summary>
    private async Task<string> NewPractitionerAsync() => await (await app.NewPracticeAsync()).AddPractitionerAsync();

    private sealed record Session(Guid Id, bool Current);
}
