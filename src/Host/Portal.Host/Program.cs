using System.Text.Json;
using System.Text.Json.Serialization;
using Carter;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Json;
using Portal.Host;
using Portal.Host.Infrastructure;
using Portal.Shared.Abstractions;
using Portal.Shared.Behaviors;
using Portal.Shared.Http;
using Portal.Shared.Messaging;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
if (StartupSafety.RefusesToStart(builder))
{
    return 1;
}

var services = builder.Services;

foreach (var module in PortalModules.All)
{
    module.AddServices(services, builder.Configuration);
}

services.AddIntegrationEvents(PortalModules.All);

services.AddMediator((MediatorOptions options) =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.PipelineBehaviors =
    [
        typeof(LoggingBehavior<,>),
        typeof(ValidationBehavior<,>),
        typeof(UnitOfWorkBehavior<,>),
    ];
});
services.AddValidatorsFromAssemblies(PortalModules.All.Select(m => m.GetType().Assembly), includeInternalTypes: true);
services.AddCarter(configurator: carter => carter.WithEmptyValidators());

services.Configure<JsonOptions>(options =>
{
    var json = options.SerializerOptions;
    json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
    json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
    // A field the API does not know is refused, not silently ignored (a typo must not lose an edit).
    json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
});
services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

services.AddPortalProblemDetails();
services.AddPortalForwardedHeaders(builder.Configuration);
services.AddPortalHttps(builder.Configuration, builder.Environment);
services.AddPortalAuthorization();
services.AddPortalRateLimiting(builder.Configuration);
services.AddPortalOpenApi();
services.AddPortalJobs(builder.Configuration, builder.Environment);
services.AddWebApps(builder.Environment);
services.AddHealthChecks();
services.AddHttpContextAccessor();
services.AddScoped<ICurrentUser, HttpContextCurrentUser>();
services.AddSingleton(TimeProvider.System);

var app = builder.Build();

await app.PrepareDatabasesAsync();
app.ScheduleRecurringJobs();

app.UsePortalForwardedHeaders();
app.UsePortalHttps();
app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseNotFoundForMissingFiles();
app.UseAuthentication();
app.UseActiveSessionCheck();
app.UsePasswordChangeGate();
app.UseRateLimiter();
app.UseAuthorization();
app.UseJsonRequestScreening();
app.UseAntiforgery();

// The API reference tells anyone every route and field: on by default only in Development.
var apiReference = app.Configuration.GetValue("Api:Reference:Enabled", app.Environment.IsDevelopment());
if (apiReference)
{
    app.MapOpenApi().AllowAnonymous().RequireRateLimiting(RateLimitPolicies.AnonymousDocuments);
    app.MapScalarApiReference(options => options.WithTitle("Portal API")).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.AnonymousDocuments);
}

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymousRateLimited();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") })
    .AllowAnonymousRateLimited();
app.MapJobsDashboard();
app.MapCarter();
app.MapWebApps();

app.Lifetime.ApplicationStarted.Register(() =>
{
    var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
    foreach (var address in addresses)
    {
        app.Logger.LogInformation(
            "Portal is running at {Address} — readiness {Address}/health/ready, API reference {Reference}",
            address, address, apiReference ? address + "/scalar" : "off (Api:Reference:Enabled)");
    }

    if (app.Environment.IsDevelopment())
    {
        app.Logger.LogInformation(
            "Demo sign-in: admin@harbour.test, dr.lee@harbour.test or admin@summit.test with password Portal-Demo-2026!");
    }
});

await app.RunAsync();
return 0;
