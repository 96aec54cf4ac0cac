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
        var dataDirectory = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        Tokens tokens;
        try
        {
            await using (var first = new PortalApp { Settings = { ["Storage:DataDirectory"] = dataDirectory } })
            {
                tokens = await first.LoginAsync(DemoData.DrLeeEmail);
            }

            await using var restarted = new PortalApp { Settings = { ["Storage:DataDirectory"] = dataDirectory } };
            using var me = await restarted.ClientWith(tokens.AccessToken).GetAsync("/api/me");
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);

            await using var otherInstance = new PortalApp { Settings = { ["Storage:DataDirectory"] = dataDirectory } };
            using var client = otherInstance.CreateClient();
            using var refreshed = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken });
            Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(dataDirectory))
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
        }
    }
}
