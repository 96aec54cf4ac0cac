using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Notifications.Tests;

public sealed class DevelopmentMailboxTests
{
    [Fact]
    public async Task The_development_mailbox_route_exists_only_in_development()
    {
        await using var production = new PortalApp { Environment = "Production" };
        await using var development = new PortalApp();

        Assert.DoesNotContain(Routes(production), r => r.StartsWith("/api/dev/", StringComparison.Ordinal));
        Assert.Contains("/api/dev/mailbox", Routes(development));
    }

    private static List<string> Routes(PortalApp app)
    {
        using var client = app.CreateClient();   // starts the Host
        return app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText!).ToList();
    }
}
