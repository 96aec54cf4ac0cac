using System.Net;
using System.Net.Http.Json;
using Portal.Modules.Identity.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Host.Tests;

/// <summary>State that matters lives in the database: tokens outlive a restart and work on every instance.</summary>
public sealed class ScaleOutTests
{
    [Fact]
    public async Task Tokens_issued_by_one_instance_work_on_another_and_after_a_restart()
    {
        using var data = new TestDataDirectory();
        Tokens tokens;
        await using (var first = new PortalApp { DataDirectory = data.Path })
        {
            tokens = await first.LoginAsync(DemoData.DrLeeEmail);
        }

        await using var restarted = new PortalApp { DataDirectory = data.Path };
        using var me = await restarted.ClientWith(tokens.AccessToken).GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);

        await using var otherInstance = new PortalApp { DataDirectory = data.Path };
        using var client = otherInstance.CreateClient();
        using var refreshed = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
    }
}
