using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Testing;
using Xunit;

namespace Portal.Host.Tests;

/// <summary>Deny by default: the anonymous routes are exactly those docs/api-conventions.md lists, and each is rate limited.</summary>
public sealed class AnonymousRoutesTests : IClassFixture<PortalApp>
{
    // docs/api-conventions.md, "Anonymous routes are exactly these" (and /api/pay/ for the payment links to come).
    private static readonly string[] AllowedAnonymousPrefixes =
    [
        "/health/live", "/health/ready", "/openapi/", "/scalar", "/api/auth/login", "/api/auth/refresh",
        "/api/auth/password-reset", "/api/invitations/", "/api/pay/", "/api/dev/",
        "/api/staff-invitations/",   // a practice's invited practitioner has no account yet: the link's token is the credential
        "/hangfire",   // Development only; practice admins elsewhere
    ];

    private readonly PortalApp _app;

    public AnonymousRoutesTests(PortalApp app) => _app = app;

    [Fact]
    public void Only_the_listed_routes_are_anonymous_and_every_one_is_rate_limited()
    {
        var endpoints = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var anonymous = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null).ToList();
        Assert.True(anonymous.Count >= 4, "the anonymous routes were not found");
        Assert.True(endpoints.Count > anonymous.Count + 5);

        // The web apps' files and pages are public without a rate limit (a page loads dozens of files); they hold no data.
        anonymous = anonymous.Where(e => !IsWebAppFile(e)).ToList();
        Assert.All(anonymous, endpoint =>
        {
            var route = endpoint.RoutePattern.RawText!;
            Assert.True(AllowedAnonymousPrefixes.Any(p => route.StartsWith(p, StringComparison.Ordinal)), $"{route} is anonymous but not in the list of anonymous routes (docs/api-conventions.md)");
            Assert.True(endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>() is not null, $"{route} is anonymous without a rate limit");
        });
    }

    [Theory]
    [InlineData("POST", "/api/auth/password-reset")]
    [InlineData("GET", "/api/auth/password-reset/{token}")]
    [InlineData("POST", "/api/auth/password-reset/{token}")]
    public void The_forgotten_password_routes_are_anonymous_and_rate_limited(string method, string route)
    {
        // Whoever forgot their password has no token: asking for a link, checking it and using it must work signed out.
        var endpoint = Assert.Single(_app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>(),
            e => e.RoutePattern.RawText == route && e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Contains(method));
        Assert.NotNull(endpoint.Metadata.GetMetadata<IAllowAnonymous>());
        Assert.NotNull(endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>());
    }

    [Fact]
    public void The_web_apps_files_are_files_only()
    {
        var webApp = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Where(IsWebAppFile).ToList();
        Assert.Contains(webApp, e => e.RoutePattern.RawText == "/admin");
        Assert.Contains(webApp, e => e.RoutePattern.RawText == "admin/favicon.svg");
        Assert.All(webApp, e => Assert.False(e.RoutePattern.RawText!.Contains("api", StringComparison.OrdinalIgnoreCase), e.RoutePattern.RawText));
    }

    private static bool IsWebAppFile(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is not null
        || Portal.Host.Infrastructure.WebAppsSetup.PatientAppPages.Contains(endpoint.RoutePattern.RawText, StringComparer.OrdinalIgnoreCase)
        || Portal.Host.Infrastructure.WebAppsSetup.AdminAppPages.Contains(endpoint.RoutePattern.RawText, StringComparer.OrdinalIgnoreCase)
        // Blazor's own address for a redirect during enhanced navigation (it only answers with a redirect it protected itself).
        || endpoint.RoutePattern.RawText == "/_framework/opaque-redirect";

    [Fact]
    public void Every_auth_route_is_rate_limited()
    {
        var authRoutes = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/auth/", StringComparison.Ordinal))
            .ToList();
        Assert.True(authRoutes.Count >= 3);
        Assert.All(authRoutes, e => Assert.NotNull(e.Metadata.GetMetadata<EnableRateLimitingAttribute>()));
    }
}
