using System.Net;
using Portal.Testing;
using Xunit;

namespace Portal.Host.Tests;

public sealed class HealthTests : IClassFixture<PortalApp>
{
    private readonly PortalApp _app;

    public HealthTests(PortalApp app) => _app = app;

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_anonymously(string route)
    {
        using var client = _app.CreateClient();
        using var response = await client.GetAsync(route);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}

public sealed class ReadinessWithoutDatabaseTests
{
    [Fact]
    public async Task Ready_is_503_when_the_database_cannot_be_reached_while_live_stays_200()
    {
        await using var app = new PortalApp();
        using var client = app.CreateClient();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        // The data directory disappears under the running Host (a lost volume); SQLite cannot open the files.
        Directory.Delete(app.DataDirectory, recursive: true);
        await File.WriteAllTextAsync(app.DataDirectory, "not a directory");
        try
        {
            using var ready = await client.GetAsync("/health/ready");
            using var live = await client.GetAsync("/health/live");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }
        finally
        {
            File.Delete(app.DataDirectory);
        }
    }
}
