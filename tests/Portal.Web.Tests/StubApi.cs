using System.Net;
using System.Text;
using System.Text.Json;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Web.Components;
using Portal.Web.Components.Api;

namespace Portal.Web.Tests;

/// <summary>The REST API as a component test sees it: canned answers per "METHOD path", and the requests sent.</summary>
internal sealed class StubApi : HttpMessageHandler
{
    private readonly Dictionary<string, Func<HttpRequestMessage, HttpResponseMessage>> _routes = [];

    /// <summary>What the app sent, in order; <c>Route</c> is the method and path (what the stubs answer by), <c>Query</c> the rest.</summary>
    public List<(string Route, string? Body, string? IfMatch, string? BearerToken, string Query)> Requests { get; } = [];

    public StubApi On(string route, HttpStatusCode status, object? body, string? etag = null)
    {
        _routes[route] = _ =>
        {
            var response = new HttpResponseMessage(status)
            {
                Content = new StringContent(body is null ? "" : JsonSerializer.Serialize(body, PortalApi.Json), Encoding.UTF8,
                    (int)status >= 400 ? "application/problem+json" : "application/json"),
            };
            if (etag is not null)
            {
                response.Headers.ETag = new System.Net.Http.Headers.EntityTagHeaderValue(etag);
            }

            return response;
        };
        return this;
    }

    public static object Problem(int status, string code, string detail, object? errors = null, object? fields = null) =>
        new { status, code, detail, errors, fields };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var route = $"{request.Method} {request.RequestUri!.AbsolutePath}";
        Requests.Add((route, request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken),
            request.Headers.TryGetValues("If-Match", out var values) ? values.Single() : null, request.Headers.Authorization?.Parameter, request.RequestUri.Query));
        return _routes.TryGetValue(route, out var answer)
            ? answer(request)
            : new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("""{"code":"not-found","detail":"No stub."}""") };
    }

    /// <summary>The record's vocabulary as the server answers it: its labels, from where the server has them.</summary>
    public static readonly object RecordFieldsAnswer = new
    {
        parts = new[] { (PatientProfileFields.ProfilePart, PatientProfileFields.Profile), (PatientProfileFields.HealthRecordPart, PatientProfileFields.HealthRecord) }
            .Select(p => new { p.Item1.Name, p.Item1.Label, p.Item1.Heading, fields = p.Item2 }),
    };

    /// <summary>A bUnit context with the app's services on this stub, signed in with <paramref name="roles"/>.</summary>
    public async Task<BunitContext> SignedInContextAsync(params string[] roles)
    {
        var context = Context(roles);
        await context.Services.GetRequiredService<AuthSession>().SignInAsync("dr.lee@harbour.test", "x", null);
        return context;
    }

    /// <summary>A bUnit context with the app's services on this stub; sign-in answers for an account with <paramref name="roles"/>.</summary>
    public BunitContext Context(params string[] roles)
    {
        var kind = roles.Contains("patient") ? "patient" : "practitioner";
        On("POST /api/auth/login", HttpStatusCode.OK, new { tokenType = "Bearer", accessToken = "access", expiresIn = 900, refreshToken = "refresh" });
        On("GET /api/me", HttpStatusCode.OK, new
        {
            userId = Guid.NewGuid(), email = "dr.lee@harbour.test", name = "Sam Lee", kind, practiceGroupId = Guid.NewGuid(),
            practiceName = "Harbour Health", roles, patientIds = Array.Empty<Guid>(), twoFactorEnabled = false,
        });
        if (!_routes.ContainsKey("GET /api/record-fields"))
        {
            On("GET /api/record-fields", HttpStatusCode.OK, RecordFieldsAnswer);
        }

        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        var http = new HttpClient(this) { BaseAddress = new Uri("http://portal.test/") };
        context.Services.AddSingleton(http);
        context.Services.AddSingleton<AuthSession>();
        context.Services.AddSingleton<PortalApi>();
        context.Services.AddSingleton<PasswordResets>();
        context.Services.AddSingleton<RecordFields>();
        context.Services.AddSingleton(TimeProvider.System);
        return context;
    }
}
