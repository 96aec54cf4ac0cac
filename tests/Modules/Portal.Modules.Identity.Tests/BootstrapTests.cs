using System.Net;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Identity.Tests;

/// <summary>A real installation (no demo data) starts with the practice and admin named in its configuration.</summary>
public sealed class BootstrapTests
{
    [Fact]
    public async Task An_empty_database_gets_the_configured_practice_and_admin_who_can_sign_in_and_change_settings()
    {
        await using var app = new PortalApp
        {
            Settings =
            {
                ["DemoData:Seed"] = "false",
                ["Bootstrap:PracticeName"] = "Bayside Clinic",
                ["Bootstrap:AdminEmail"] = "owner@bayside.test",
                ["Bootstrap:AdminPassword"] = "a strong first password",
            },
        };

        using var client = await app.SignedInClientAsync("owner@bayside.test", "a strong first password");
        var me = await (await client.GetAsync("/api/me")).JsonAsync();

        Assert.Equal("Bayside Clinic", me.GetProperty("practiceName").GetString());
        Assert.Contains("practiceAdmin", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        using var demo = await app.PostLoginAsync("admin@harbour.test");
        Assert.Equal(HttpStatusCode.Unauthorized, demo.StatusCode);
    }

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
