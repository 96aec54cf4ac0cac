using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Modules.Identity.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Host.Tests;

/// <summary>Every error has the RFC 9457 shape with a stable code and a traceId, and says nothing of the internals.</summary>
public sealed class ProblemDetailsTests : IAsyncLifetime
{
    private readonly CapturedLogs _logs = new();
    private readonly PortalApp _app;

    public ProblemDetailsTests() => _app = new PortalApp
    {
        ConfigureTestServices = services =>
        {
            // A route that fails the way a bug would, to see what a client gets from a 500.
            services.AddSingleton<IStartupFilter, ThrowingRouteStartupFilter>();
            services.AddSingleton<ILoggerProvider>(_logs);
        },
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Status_400_validation_names_the_fields()
    {
        using var client = _app.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email = "", password = "x" });
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation.failed");
        Assert.NotEmpty(ProblemAssert.FieldErrors(problem, "email"));
    }

    [Theory]
    [InlineData("{\"email\": \"a@b.test\", \"password\": ")]
    [InlineData("not json at all")]
    [InlineData("{\"email\": 42, \"password\": \"x\"}")]
    [InlineData("{\"email\": \"a@b.test\", \"password\": \"x\", \"isAdmin\": true}")]
    [InlineData("[]")]
    public async Task Status_400_for_malformed_json_wrong_types_and_unknown_fields_never_500(string body)
    {
        using var client = _app.CreateClient();
        using var response = await client.PostAsync("/api/auth/login", new StringContent(body, Encoding.UTF8, "application/json"));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "request.invalid-json");
    }

    [Fact]
    public async Task Status_400_for_an_empty_body()
    {
        using var client = _app.CreateClient();
        using var response = await client.PostAsync("/api/auth/login", new StringContent(string.Empty, Encoding.UTF8, "application/json"));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "request.invalid");
    }

    [Fact]
    public async Task Status_401_without_a_token()
    {
        using var client = _app.CreateClient();
        using var response = await client.GetAsync("/api/me/sessions");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Fact]
    public async Task Status_403_for_the_wrong_role()
    {
        using var client = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        using var response = await client.GetAsync("/api/practice/settings/portal/history");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task Status_404_for_an_unknown_id_and_an_unknown_route()
    {
        using var client = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        using var session = await client.DeleteAsync($"/api/me/sessions/{Guid.NewGuid()}");
        await ProblemAssert.IsProblemAsync(session, HttpStatusCode.NotFound, "sessions.not-found");

        using var route = await client.GetAsync("/api/no-such-route");
        await ProblemAssert.IsProblemAsync(route, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Status_409_for_a_conflicting_state()
    {
        using var client = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        using var response = await client.PostAsJsonAsync("/api/me/two-factor/enable", new { code = "123456", currentPassword = DemoData.Password });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, "two-factor.not-set-up");
    }

    [Fact]
    public async Task Status_412_for_a_stale_if_match()
    {
        using var client = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/practice/settings/portal")
        {
            Content = JsonContent.Create(new { portalEnabled = true, patientInvitations = true, patientUpdates = "autoUpdate", noteSharing = false }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", "\"41\"");
        using var response = await client.SendAsync(request);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.PreconditionFailed, "settings.stale");
    }

    [Fact]
    public async Task Status_500_shows_no_exception_text()
    {
        using var client = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        using var response = await client.GetAsync(ThrowingRouteStartupFilter.Route);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.InternalServerError, "server.error");
        var body = problem.GetRawText();
        Assert.DoesNotContain(ThrowingRouteStartupFilter.Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperation", body, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_trace_id_a_client_gets_is_the_one_in_the_error_log()
    {
        using var client = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        using var first = await client.GetAsync(ThrowingRouteStartupFilter.Route);
        using var second = await client.GetAsync(ThrowingRouteStartupFilter.Route);

        var traceIds = new List<string>();
        foreach (var response in new[] { first, second })
        {
            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.InternalServerError, "server.error");
            traceIds.Add(problem.GetProperty("traceId").GetString()!);
        }

        Assert.NotEqual(traceIds[0], traceIds[1]);
        var logged = _logs.Entries
            .Where(e => e.Level == LogLevel.Error && e.Exception?.Message == ThrowingRouteStartupFilter.Secret)
            .Select(e => e.Values["TraceId"]?.ToString() ?? string.Empty)
            .ToList();
        Assert.Equal(traceIds, logged);
        Assert.All(traceIds, id => Assert.Contains(_logs.Entries, e => e.Message.Contains(id, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_client_cannot_choose_the_trace_id_it_will_quote()
    {
        // The server's own request id, not the W3C trace a caller may send (two callers could send the same one).
        const string chosen = "4bf92f3577b34da6a3ce929d0e0e4736";
        using var client = _app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Add("traceparent", $"00-{chosen}-00f067aa0ba902b7-01");
        using var response = await client.SendAsync(request);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "auth.unauthenticated");
        Assert.DoesNotContain(chosen, problem.GetProperty("traceId").GetString()!, StringComparison.Ordinal);
    }

    private sealed class ThrowingRouteStartupFilter : IStartupFilter
    {
        public const string Route = "/test/throws";
        public const string Secret = "connection-string=Server=secret;Password=hunter2";

        // Appended after the Host's pipeline: reached by an authenticated request to a route no endpoint matched.
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((context, nextMiddleware) => context.Request.Path == Route
                ? throw new InvalidOperationException(Secret)
                : nextMiddleware(context));
        };
    }
}
