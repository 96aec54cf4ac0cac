using System.Net;
using System.Net.Http.Json;
using Portal.Modules.Identity.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Identity.Tests;

/// <summary>Refreshing keeps a session alive for an idle period at a time, never past its absolute lifetime.</summary>
public sealed class SessionLifetimeTests : IAsyncLifetime
{
    private readonly PortalApp _app = new()
    {
        Settings =
        {
            ["Auth:SessionIdleDays"] = "14",
            ["Auth:SessionAbsoluteDays"] = "30",
            // Access tokens outlive the session here, so only the session check can refuse them.
            ["Auth:AccessTokenMinutes"] = "86400",
        },
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Refreshing_never_extends_a_session_past_its_absolute_lifetime()
    {
        var tokens = await _app.LoginAsync(DemoData.DrLeeEmail);
        foreach (var day in new[] { 13, 26 })
        {
            _app.Clock.Advance(TimeSpan.FromDays(13));
            using var refreshed = await RefreshAsync(tokens.RefreshToken);
            Assert.True(refreshed.StatusCode == HttpStatusCode.OK, $"refresh on day {day}");
            tokens = (await refreshed.Content.ReadFromJsonAsync<Tokens>(PortalClients.Json))!;
        }

        _app.Clock.Advance(TimeSpan.FromDays(4) + TimeSpan.FromMinutes(1));   // day 30: idle allows 10 more days, the lifetime not

        using var late = await RefreshAsync(tokens.RefreshToken);
        await ProblemAssert.IsProblemAsync(late, HttpStatusCode.Unauthorized, "auth.invalid-refresh-token");
        using var me = await _app.ClientWith(tokens.AccessToken).GetAsync("/api/me");
        await ProblemAssert.IsProblemAsync(me, HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Fact]
    public async Task A_session_past_its_lifetime_is_not_listed_and_its_access_token_is_refused()
    {
        var old = await _app.LoginAsync(DemoData.HarbourAdminEmail);
        _app.Clock.Advance(TimeSpan.FromDays(29));
        using var keptAlive = await RefreshAsync(old.RefreshToken);
        old = (await keptAlive.Content.ReadFromJsonAsync<Tokens>(PortalClients.Json))!;
        var fresh = await _app.LoginAsync(DemoData.HarbourAdminEmail);

        _app.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        using var freshClient = _app.ClientWith(fresh.AccessToken);
        var sessions = await (await freshClient.GetAsync("/api/me/sessions")).JsonAsync();
        Assert.True(Assert.Single(sessions.EnumerateArray()).GetProperty("current").GetBoolean());
        using var oldUse = await _app.ClientWith(old.AccessToken).GetAsync("/api/me");
        await ProblemAssert.IsProblemAsync(oldUse, HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Fact]
    public async Task An_idle_session_still_ends_after_the_idle_period()
    {
        var tokens = await _app.LoginAsync(DemoData.DrLeeEmail);
        _app.Clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1));

        using var late = await RefreshAsync(tokens.RefreshToken);
        await ProblemAssert.IsProblemAsync(late, HttpStatusCode.Unauthorized, "auth.invalid-refresh-token");
    }

    private async Task<HttpResponseMessage> RefreshAsync(string refreshToken)
    {
        using var client = _app.CreateClient();
        return await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken });
    }
}
