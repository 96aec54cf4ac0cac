using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Testing;
using Xunit;

namespace Portal.Host.Tests;

public sealed class OpenApiTests : IClassFixture<PortalApp>
{
    private readonly PortalApp _app;

    public OpenApiTests(PortalApp app) => _app = app;

    [Fact]
    public async Task Every_api_route_is_documented_with_who_may_call_it_and_its_responses()
    {
        using var client = _app.CreateClient();
        using var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var paths = document.GetProperty("paths");

        var apiRoutes = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(apiRoutes);

        foreach (var endpoint in apiRoutes)
        {
            // A route group's own route (GET /api/me) has the raw pattern "/api/me/"; routing and the document treat it as "/api/me".
            var path = endpoint.RoutePattern.RawText!.Replace(":guid", string.Empty, StringComparison.Ordinal).TrimEnd('/');
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is not in the OpenAPI document");
            foreach (var operation in item.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete" or "patch"))
            {
                var access = operation.Value.GetProperty("x-portal-access").GetString();
                var responses = operation.Value.GetProperty("responses");
                Assert.True(responses.EnumerateObject().Any(r => r.Name.StartsWith('2')), $"{operation.Name} {path} has no success response");
                if (access == "anonymous")
                {
                    Assert.False(operation.Value.TryGetProperty("security", out _), $"{path} is anonymous but lists security");
                }
                else
                {
                    Assert.True(operation.Value.TryGetProperty("security", out _), $"{operation.Name} {path} lacks its security requirement");
                    Assert.True(responses.TryGetProperty("401", out _), $"{operation.Name} {path} lacks 401");
                }
            }
        }

        Assert.Equal("anonymous", paths.GetProperty("/api/auth/login").GetProperty("post").GetProperty("x-portal-access").GetString());
        Assert.Equal("practiceAdmin", paths.GetProperty("/api/practice/settings/portal").GetProperty("put").GetProperty("x-portal-access").GetString());
        Assert.True(paths.GetProperty("/api/practice/settings/portal").GetProperty("put").GetProperty("responses").TryGetProperty("412", out _));
        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("Bearer", out _));
    }

    [Fact]
    public async Task The_scalar_reference_is_browsable()
    {
        using var client = _app.CreateClient();
        using var response = await client.GetAsync("/scalar");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
    }
}
