using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.Identity.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Host.Tests;

/// <summary>What the answers tell browsers and proxies: no caching of personal data, a strict CSP, HTTPS only outside Development.</summary>
public sealed class TransportTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task Every_api_answer_forbids_caching_whatever_its_status()
    {
        using var drLee = await app.SignedInClientAsync(DemoData.DrLeeEmail);
        using var anonymous = app.CreateClient();
        var answers = new List<HttpResponseMessage>
        {
            await drLee.GetAsync("/api/practice/patients"),
            await drLee.GetAsync("/api/me"),
            await drLee.GetAsync("/api/practice/settings/portal"),
            await drLee.GetAsync($"/api/practice/patients/{Guid.NewGuid()}"),
            await drLee.GetAsync("/api/no-such-route"),
            await anonymous.GetAsync("/api/me"),
            await anonymous.PostAsJsonAsync("/api/auth/login", new { email = "", password = "" }),
            await anonymous.PostAsJsonAsync("/api/auth/login", new { email = DemoData.DrLeeEmail, password = DemoData.Password }),
        };

        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.NotFound);
        Assert.All(answers, answer =>
        {
            Assert.True(answer.Headers.CacheControl?.NoStore == true, $"{answer.RequestMessage!.RequestUri} ({(int)answer.StatusCode}) may be cached");
            Assert.Equal("default-src 'none'; frame-ancestors 'none'", answer.Headers.GetValues("Content-Security-Policy").Single());
        });
        answers.ForEach(a => a.Dispose());
    }

    [Theory]
    [InlineData("/", "'self'")]
    [InlineData("/details", "'self'")]
    [InlineData("/invite/some-token", "'self'")]
    [InlineData("/admin/", "'self'")]
    [InlineData("/admin/sign-out", "'self'")]
    public async Task The_web_apps_pages_carry_a_full_content_security_policy(string path, string scripts)
    {
        using var client = app.CreateClient();
        using var page = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var directives = page.Headers.GetValues("Content-Security-Policy").Single()
            .Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d.Split(' ')[1..]);
        Assert.Equal(["'self'"], directives["default-src"]);
        Assert.Equal(scripts.Split(' '), directives["script-src"]);   // neither app's pages run WebAssembly (decision 0014)
        Assert.Equal(["'self'"], directives["style-src"]);
        Assert.Equal(["'self'"], directives["connect-src"]);
        Assert.Equal(["'none'"], directives["object-src"]);
        Assert.Equal(["'none'"], directives["frame-ancestors"]);
        Assert.Equal(["'self'"], directives["base-uri"]);
        Assert.Equal(["'self'"], directives["form-action"]);
        Assert.DoesNotContain(directives, d => d.Value.Contains("'unsafe-eval'") || d.Value.Contains("*") || d.Value.Contains("http:") || d.Value.Contains("https:"));
        Assert.DoesNotContain("'unsafe-inline'", directives["script-src"]);
        // The pages' own HTML has no inline script or style that this policy would block.
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)", html);
    }

    [Fact]
    public async Task Outside_development_the_patients_session_cookie_is_https_only()
    {
        await using var production = new PortalApp { Environment = "Production" };
        using var _ = production.CreateClient();

        var cookie = production.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>>()
            .Get(Portal.Web.Server.Session.WebSession.Scheme).Cookie;
        Assert.Equal(CookieSecurePolicy.Always, cookie.SecurePolicy);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteMode.Lax, cookie.SameSite);
        Assert.Equal(Portal.Web.Server.Session.WebSession.CookieName, cookie.Name);

        // The anti-forgery cookie the pages' forms pair with is https-only too.
        var antiforgery = production.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>>().Value.Cookie;
        Assert.Equal(CookieSecurePolicy.Always, antiforgery.SecurePolicy);
        Assert.True(antiforgery.HttpOnly);
    }

    [Fact]
    public async Task In_development_plain_http_is_served_without_redirect_or_hsts()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/admin/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }
}

/// <summary>Outside Development: HTTPS only, and forwarded headers only from the proxies the installation names.</summary>
public sealed class ProductionTransportTests
{
    [Fact]
    public async Task Plain_http_is_redirected_to_https_and_https_answers_carry_hsts()
    {
        await using var app = new PortalApp { Environment = "Production" };
        using var http = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://portal.example"), AllowAutoRedirect = false });
        using var https = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://portal.example"), AllowAutoRedirect = false });

        using var redirected = await http.GetAsync("/api/me?x=1");
        Assert.Equal(HttpStatusCode.PermanentRedirect, redirected.StatusCode);
        Assert.Equal(new Uri("https://portal.example/api/me?x=1"), redirected.Headers.Location);
        using var redirectedPost = await http.PostAsJsonAsync("/api/auth/login", new { email = "a@b.test", password = "x" });
        Assert.Equal(HttpStatusCode.PermanentRedirect, redirectedPost.StatusCode);

        // (The web apps' files exist only when published: in a test Host outside Development the API shows it.)
        using var served = await https.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, served.StatusCode);
        var hsts = served.Headers.GetValues("Strict-Transport-Security").Single();
        Assert.Contains("max-age=31536000", hsts, StringComparison.Ordinal);

        // An orchestrator's probe inside the network stays on plain HTTP.
        using var probe = await http.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
    }

    [Fact]
    public async Task The_redirect_goes_to_the_configured_https_port()
    {
        await using var app = new PortalApp { Environment = "Production", Settings = { ["Network:HttpsPort"] = "8443" } };
        using var http = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://portal.example"), AllowAutoRedirect = false });
        using var redirected = await http.GetAsync("/api/me");
        Assert.Equal(new Uri("https://portal.example:8443/api/me"), redirected.Headers.Location);
    }

    [Fact]
    public async Task Without_configured_proxies_x_forwarded_for_from_loopback_is_ignored()
    {
        // One anonymous request per address and minute: if the header counted, every request would get a fresh allowance.
        await using var app = AppWithPeer(IPAddress.Loopback, knownProxies: null);
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await LiveFromAsync(client, "203.0.113.1")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LiveFromAsync(client, "203.0.113.2")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LiveFromAsync(client, "203.0.113.3")).StatusCode);
    }

    [Fact]
    public async Task Only_the_in_process_web_front_end_with_its_key_may_forward_a_browsers_address_from_loopback()
    {
        // A browser elsewhere that sends the front end's own key and a forwarded address: not believed.
        await using var remote = AppWithPeer(IPAddress.Parse("203.0.113.9"), knownProxies: null);
        using var remoteClient = remote.CreateClient();
        var key = remote.Services.GetRequiredService<Portal.Web.Server.Api.WebFrontEnd>().Key;
        Assert.Equal(HttpStatusCode.OK, (await LiveFromAsync(remoteClient, "198.51.100.1", key)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LiveFromAsync(remoteClient, "198.51.100.2", key)).StatusCode);

        // On loopback: a wrong key is ignored; the front end's key makes the forwarded address count.
        await using var local = AppWithPeer(IPAddress.Loopback, knownProxies: null);
        using var localClient = local.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await LiveFromAsync(localClient, "198.51.100.1", "not-the-key")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LiveFromAsync(localClient, "198.51.100.2", "not-the-key")).StatusCode);
        var frontEnd = local.Services.GetRequiredService<Portal.Web.Server.Api.WebFrontEnd>().Key;
        Assert.Equal(HttpStatusCode.OK, (await LiveFromAsync(localClient, "198.51.100.3", frontEnd)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LiveFromAsync(localClient, "198.51.100.4", frontEnd)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LiveFromAsync(localClient, "198.51.100.4", frontEnd)).StatusCode);
    }

    [Fact]
    public async Task A_proxy_that_is_not_listed_is_not_trusted_either()
    {
        await using var app = AppWithPeer(IPAddress.Parse("10.0.0.7"), knownProxies: "10.0.0.1");
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await LiveFromAsync(client, "203.0.113.1")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LiveFromAsync(client, "203.0.113.2")).StatusCode);
    }

    [Fact]
    public async Task A_listed_proxy_or_network_is_trusted_for_the_client_address()
    {
        await using var proxy = AppWithPeer(IPAddress.Parse("10.0.0.1"), knownProxies: "10.0.0.1");
        using var client = proxy.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await LiveFromAsync(client, "203.0.113.1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LiveFromAsync(client, "203.0.113.2")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LiveFromAsync(client, "203.0.113.2")).StatusCode);

        await using var network = AppWithPeer(IPAddress.Parse("172.28.0.9"), knownProxies: null, knownNetworks: "172.28.0.0/16");
        using var networkClient = network.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await LiveFromAsync(networkClient, "203.0.113.1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LiveFromAsync(networkClient, "203.0.113.2")).StatusCode);
    }

    [Fact]
    public async Task Only_a_listed_proxy_can_say_the_request_came_over_https()
    {
        await using var trusted = AppWithPeer(IPAddress.Parse("10.0.0.1"), knownProxies: "10.0.0.1", environment: "Production");
        using var viaProxy = trusted.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://portal.example"), AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var served = await viaProxy.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, served.StatusCode);   // served, not redirected

        await using var untrusted = AppWithPeer(IPAddress.Loopback, knownProxies: null, environment: "Production");
        using var direct = untrusted.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://portal.example"), AllowAutoRedirect = false });
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        spoofed.Headers.Add("X-Forwarded-Proto", "https");
        using var redirected = await direct.SendAsync(spoofed);
        Assert.Equal(HttpStatusCode.PermanentRedirect, redirected.StatusCode);
    }

    private static async Task<HttpResponseMessage> LiveFromAsync(HttpClient client, string forwardedFor, string? frontEndKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        if (frontEndKey is not null)
        {
            request.Headers.Add(Portal.Web.Server.Api.WebFrontEnd.KeyHeader, frontEndKey);
        }

        return await client.SendAsync(request);
    }

    private static PortalApp AppWithPeer(IPAddress peer, string? knownProxies, string? knownNetworks = null, string environment = "Development")
    {
        var app = new PortalApp
        {
            Environment = environment,
            ConfigureTestServices = services => services.AddSingleton<IStartupFilter>(new PeerAddressStartupFilter(peer)),
        };
        app.Settings["RateLimiting:Anonymous:PermitLimit"] = "1";
        if (knownProxies is not null)
        {
            app.Settings["Network:KnownProxies"] = knownProxies;
        }

        if (knownNetworks is not null)
        {
            app.Settings["Network:KnownNetworks"] = knownNetworks;
        }

        return app;
    }

    /// <summary>The test server has no socket: every request seems to come from <paramref name="peer"/>, as from a real connection.</summary>
    private sealed class PeerAddressStartupFilter(IPAddress peer) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = peer;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
