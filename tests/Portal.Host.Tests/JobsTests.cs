using System.Net;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.Identity.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Host.Tests;

public sealed class JobsTests
{
    [Fact]
    public async Task The_recurring_jobs_are_registered_at_start_up_with_their_configured_schedules()
    {
        await using var app = new PortalApp { Settings = { ["Jobs:email.deliver:Cron"] = "*/5 * * * *" } };
        using var client = app.CreateClient();

        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs().ToDictionary(j => j.Id, j => j.Cron);

        Assert.Equal("*/10 * * * * *", jobs[Jobs.OutboxRelay]);
        Assert.Equal("*/5 * * * *", jobs[Jobs.EmailDelivery]);
    }

    [Fact]
    public async Task Outside_development_the_dashboard_is_for_practice_admins_only()
    {
        await using var app = new PortalApp
        {
            Environment = "Production",
            Settings =
            {
                ["Bootstrap:PracticeName"] = "Bayside Clinic",
                ["Bootstrap:AdminEmail"] = "owner@bayside.test",
                ["Bootstrap:AdminPassword"] = "a strong first password",
            },
        };
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var identity = scope.ServiceProvider.GetRequiredService<IIdentityApi>();
            Assert.True((await identity.CreatePatientAccountAsync(new NewPatientAccount("pat@example.test", "a long patient password", "Pat", "Doe"), default)).IsSuccess);
        }

        using var anonymous = app.CreateClient();
        using var unauthenticated = await anonymous.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);

        using var patient = await app.SignedInClientAsync("pat@example.test", "a long patient password");
        using var forbidden = await patient.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        using var admin = await app.SignedInClientAsync("owner@bayside.test", "a strong first password");
        using var allowed = await admin.GetAsync("/hangfire/recurring");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Contains("outbox-relay", await allowed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_development_the_dashboard_is_open()
    {
        await using var app = new PortalApp();
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
