using System.Net;
using System.Net.Http.Json;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Identity.Tests;

/// <summary>A real installation (no demo data) starts with the practice and admin named in its configuration.</summary>
public sealed class BootstrapTests
{
    [Fact]
    public async Task An_empty_database_gets_the_configured_practice_and_admin_who_can_sign_in_and_change_settings()
    {
        await using var app = BaysideInstallation();

        using var client = await app.SignedInClientAsync("owner@bayside.test", "a strong first password");
        var me = await (await client.GetAsync("/api/me")).JsonAsync();

        Assert.Equal("Bayside Clinic", me.GetProperty("practiceName").GetString());
        Assert.Contains("practiceAdmin", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        using var demo = await app.PostLoginAsync("admin@harbour.test");
        Assert.Equal(HttpStatusCode.Unauthorized, demo.StatusCode);
    }

    [Fact]
    public async Task The_configured_admin_must_choose_their_own_password_before_doing_anything_else()
    {
        await using var app = BaysideInstallation();

        using var login = await app.PostLoginAsync("owner@bayside.test", "a strong first password");
        var tokens = await login.JsonAsync();
        Assert.True(tokens.GetProperty("passwordChangeRequired").GetBoolean());
        using var client = app.ClientWith(tokens.GetProperty("accessToken").GetString()!);

        // Who am I, choose a password, sign out: nothing else until the password is the owner's own.
        Assert.True((await (await client.GetAsync("/api/me")).JsonAsync()).GetProperty("passwordChangeRequired").GetBoolean());
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/practice/patients"), HttpStatusCode.Forbidden, "auth.password-change-required");
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/practice/settings/portal"), HttpStatusCode.Forbidden, "auth.password-change-required");
        await ProblemAssert.IsProblemAsync(
            await client.PostAsJsonAsync("/api/practice/staff/invitations", new { email = "friend@bayside.test", practiceAdmin = true }),
            HttpStatusCode.Forbidden, "auth.password-change-required");
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/me/sessions"), HttpStatusCode.Forbidden, "auth.password-change-required");

        // The configured password again is no change.
        await ProblemAssert.IsProblemAsync(
            await client.PostAsJsonAsync("/api/me/password", new { currentPassword = "a strong first password", newPassword = "a strong first password" }),
            HttpStatusCode.BadRequest, "auth.password-unchanged");
        using var changed = await client.PostAsJsonAsync("/api/me/password",
            new { currentPassword = "a strong first password", newPassword = "only the owner knows this one" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        // The access token in hand still says "change it" (it is not trusted to say otherwise); refreshed ones do not.
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/practice/patients"), HttpStatusCode.Forbidden, "auth.password-change-required");
        using var refreshed = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.GetProperty("refreshToken").GetString() });
        var renewed = await refreshed.JsonAsync();
        Assert.False(renewed.GetProperty("passwordChangeRequired").GetBoolean());
        using var owner = app.ClientWith(renewed.GetProperty("accessToken").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/api/practice/patients")).StatusCode);
        Assert.False((await (await owner.GetAsync("/api/me")).JsonAsync()).GetProperty("passwordChangeRequired").GetBoolean());

        // A fresh sign-in with the new password is not asked again.
        using var again = await app.PostLoginAsync("owner@bayside.test", "only the owner knows this one");
        Assert.False((await again.JsonAsync()).GetProperty("passwordChangeRequired").GetBoolean());
    }

    [Fact]
    public async Task Demo_accounts_are_not_asked_to_change_their_password()
    {
        await using var app = new PortalApp();
        using var login = await app.PostLoginAsync("admin@harbour.test");
        Assert.False((await login.JsonAsync()).GetProperty("passwordChangeRequired").GetBoolean());
    }

    /// <summary>A new installation without demo data, its first practice and admin named in the configuration.</summary>
    private static PortalApp BaysideInstallation() => new()
    {
        Settings =
        {
            ["DemoData:Seed"] = "false",
            ["Bootstrap:PracticeName"] = "Bayside Clinic",
            ["Bootstrap:AdminEmail"] = "owner@bayside.test",
            ["Bootstrap:AdminPassword"] = "a strong first password",
        },
    };

    [Fact]
    public async Task Bootstrap_does_nothing_once_a_practice_exists()
    {
        await using var app = new PortalApp
        {
            Settings =
            {
                ["Bootstrap:PracticeName"] = "Bayside Clinic",
                ["Bootstrap:AdminEmail"] = "owner@bayside.test",
                ["Bootstrap:AdminPassword"] = "a strong first password",
            },
        };

        // The demo practices exist, so the bootstrap does nothing, on the first start or any later one.
        await using var restarted = new PortalApp { DataDirectory = app.DataDirectory };
        using var first = await app.PostLoginAsync("admin@harbour.test");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var restartedLogin = await restarted.PostLoginAsync("owner@bayside.test", "a strong first password");
        Assert.Equal(HttpStatusCode.Unauthorized, restartedLogin.StatusCode);
    }
}
