using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Testing;
using Xunit;

namespace Portal.Host.Tests;

/// <summary>Outside Development the Host will not start on settings that put people's data at risk, and says why in the log.</summary>
public sealed class StartupSafetyTests
{
    [Fact]
    public async Task Production_without_a_key_ring_certificate_refuses_to_start_and_says_why()
    {
        var logs = new CapturedLogs();
        await using var app = ProductionApp(logs, ("DataProtection:CertificatePath", ""));

        AssertRefusesToStart(app, logs, "DataProtection:CertificatePath is not set");
    }

    [Fact]
    public async Task Production_with_a_missing_or_unreadable_certificate_refuses_to_start()
    {
        using var data = new TestDataDirectory();
        Directory.CreateDirectory(data.Path);
        var notAPfx = Path.Combine(data.Path, "not-a.pfx");
        await File.WriteAllTextAsync(notAPfx, "-----BEGIN NOTHING-----");
        var realPfx = Path.Combine(data.Path, "real.pfx");
        await File.WriteAllBytesAsync(realPfx, TestCertificate.CreatePfx("CN=keys", "the right password"));

        var cases = new (string Path, string Password, string Expected)[]
        {
            (Path.Combine(data.Path, "missing.pfx"), "x", "which does not exist"),
            (notAPfx, "x", "cannot be opened"),
            (realPfx, "a wrong password", "cannot be opened"),
        };
        foreach (var (path, password, expected) in cases)
        {
            var logs = new CapturedLogs();
            await using var app = ProductionApp(logs, ("DataProtection:CertificatePath", path), ("DataProtection:CertificatePassword", password));
            AssertRefusesToStart(app, logs, expected);
        }

        var started = new CapturedLogs();
        await using var withRealCertificate = ProductionApp(
            started, ("DataProtection:CertificatePath", realPfx), ("DataProtection:CertificatePassword", "the right password"));
        using var client = withRealCertificate.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    [Theory]
    [InlineData("Change-me-on-first-sign-in")]
    [InlineData("change-me-on-first-sign-in ")]
    [InlineData("Portal-Demo-2026!")]
    public async Task Production_refuses_a_bootstrap_admin_password_published_in_the_samples(string password)
    {
        var logs = new CapturedLogs();
        await using var app = ProductionApp(logs,
            ("Bootstrap:PracticeName", "Bayside Clinic"), ("Bootstrap:AdminEmail", "owner@bayside.test"), ("Bootstrap:AdminPassword", password));

        AssertRefusesToStart(app, logs, "Bootstrap:AdminPassword is a published sample password");
    }

    [Fact]
    public async Task Development_starts_without_a_certificate_and_with_the_demo_password()
    {
        await using var app = new PortalApp { Settings = { ["Bootstrap:AdminPassword"] = "Change-me-on-first-sign-in" } };
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task In_production_the_api_reference_is_off_unless_the_installation_turns_it_on()
    {
        await using var off = ProductionApp(new CapturedLogs());
        using var offClient = off.CreateClient();
        // Not there: an unknown address, which (deny by default) asks an anonymous caller to sign in.
        Assert.Equal(HttpStatusCode.Unauthorized, (await offClient.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await offClient.GetAsync("/scalar")).StatusCode);
        Assert.Empty(ReferenceRoutes(off));

        await using var on = ProductionApp(new CapturedLogs(), ("Api:Reference:Enabled", "true"));
        using var onClient = on.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await onClient.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onClient.GetAsync("/scalar")).StatusCode);
        Assert.NotEmpty(ReferenceRoutes(on));
    }

    private static List<string> ReferenceRoutes(PortalApp app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText!)
            .Where(r => r.StartsWith("/openapi", StringComparison.Ordinal) || r.StartsWith("/scalar", StringComparison.Ordinal))
            .ToList();

    [Fact]
    public async Task In_development_the_api_reference_is_on_unless_turned_off()
    {
        await using var on = new PortalApp();
        using var onClient = on.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await onClient.GetAsync("/openapi/v1.json")).StatusCode);

        await using var off = new PortalApp { Settings = { ["Api:Reference:Enabled"] = "false" } };
        using var offClient = off.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await offClient.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Empty(ReferenceRoutes(off));
    }

    private static void AssertRefusesToStart(PortalApp app, CapturedLogs logs, string expected)
    {
        Assert.ThrowsAny<Exception>(() => app.Services);
        var critical = logs.Entries.Where(e => e.Level == LogLevel.Critical).Select(e => e.Message).ToList();
        Assert.True(critical.Any(m => m.Contains(expected, StringComparison.Ordinal)),
            $"no critical log with \"{expected}\"; logged: {string.Join(" | ", critical)}");
    }

    private static PortalApp ProductionApp(CapturedLogs logs, params (string Key, string Value)[] settings)
    {
        var app = new PortalApp
        {
            Environment = "Production",
            ConfigureTestServices = services => services.AddSingleton<ILoggerProvider>(logs),
        };
        foreach (var (key, value) in settings)
        {
            app.Settings[key] = value;
        }

        return app;
    }
}
