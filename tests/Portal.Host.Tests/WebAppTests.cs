using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Testing;
using Xunit;

namespace Portal.Host.Tests;

/// <summary>The web apps are served by the Host: their page for every deep link, their files and icons, a 404 for a file that is not there, and headers that forbid framing.</summary>
public sealed class WebAppTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/")]
    [InlineData("/admin?search=lee&page=2")]
    [InlineData("/admin/sign-out")]
    [InlineData("/admin/forgot-password")]
    [InlineData("/admin/reset-password/some-token")]
    [InlineData("/admin/join/some-token")]
    [InlineData("/admin/patients/b1b2c3d4-0000-4000-8000-000000000001")]
    public async Task Every_admin_page_is_rendered_on_the_server_without_webassembly(string path)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<base href=\"/admin/\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1", html, StringComparison.Ordinal);   // the page itself (signed out: the sign-in form), not a loading placeholder
        Assert.Contains("<script src=\"/_framework/blazor.web.js\"></script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("blazor.webassembly.js", html, StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());   // a practitioner's page holds patients' data
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/invite/some-token")]
    [InlineData("/details")]
    [InlineData("/health-record")]
    [InlineData("/account")]
    [InlineData("/access-log")]
    [InlineData("/forgot-password")]
    [InlineData("/reset-password/some-token")]
    [InlineData("/sign-out")]
    public async Task Every_patient_page_is_rendered_on_the_server_without_webassembly(string path)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<base href=\"/\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1", html, StringComparison.Ordinal);   // the page itself, not a loading placeholder
        Assert.Contains("<script src=\"_framework/blazor.web.js\"></script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("blazor.webassembly.js", html, StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());   // a patient's page holds personal data
    }

    [Fact]
    public void The_web_apps_pages_are_exactly_the_listed_addresses()
    {
        var pages = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is not null)
            .Select(e => e.RoutePattern.RawText!.ToLowerInvariant())
            .Order()
            .ToList();

        Assert.Equal(Portal.Host.Infrastructure.WebAppsSetup.PatientAppPages.Concat(Portal.Host.Infrastructure.WebAppsSetup.AdminAppPages).Order(), pages);
    }

    [Fact]
    public async Task The_patients_pages_script_is_served_compressed()
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/_framework/blazor.web.js");
        request.Headers.AcceptEncoding.ParseAdd("gzip");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("gzip", response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task An_unknown_api_route_is_a_404_problem_not_a_page()
    {
        using var client = app.CreateClient();
        var tokens = await app.LoginAsync(Portal.Modules.Identity.Contracts.DemoData.DrLeeEmail);
        client.DefaultRequestHeaders.Authorization = new("Bearer", tokens.AccessToken);

        using var response = await client.GetAsync("/api/no-such-route");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/favicon.ico")]
    [InlineData("/robots.txt")]
    [InlineData("/admin/favicon.ico")]
    [InlineData("/admin/_framework/no-such-file.js")]
    [InlineData("/no/such/picture.png")]
    public async Task A_file_that_is_not_there_is_not_found_for_anyone(string path)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);   // neither an app's page nor a demand to sign in
        Assert.DoesNotContain("<base href", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/no-such-export.csv")]
    [InlineData("/api/practice/patients.json")]
    public async Task An_unknown_file_of_the_api_still_asks_an_anonymous_caller_to_sign_in(string path)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);   // deny by default: nothing is told about the API's addresses
    }

    [Theory]
    [InlineData("/", "/favicon.svg")]
    [InlineData("/admin/", "/admin/favicon.svg")]
    public async Task Each_app_names_its_icon_and_ships_it(string page, string icon)
    {
        using var client = app.CreateClient();

        var html = await client.GetStringAsync(page);
        using var response = await client.GetAsync(icon);

        Assert.Matches("<link rel=\"icon\" type=\"image/svg\\+xml\" href=\"favicon.svg\" ?/?>", html);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<svg", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_behind_the_app_still_requires_sign_in()
    {
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/practice/patients")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/admin/../api/practice/patients")).StatusCode);
    }
}
