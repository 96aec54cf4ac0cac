using System.Net;
using System.Net.Http.Json;
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
    public async Task Outside_development_the_dashboard_is_for_installation_operators_only()
    {
        await using var app = ProductionApp(operators: "owner@bayside.test");
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

        using var operatorClient = await SignedInOwnerAsync(app);
        using var allowed = await operatorClient.GetAsync("/hangfire/recurring");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Contains("outbox-relay", await allowed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // An operator can act on jobs too: triggering a recurring job enqueues it. The dashboard's own script sends the
        // anti-forgery token its page carries (Hangfire checks it on every POST since the Host registers anti-forgery).
        var dashboardPage = await allowed.Content.ReadAsStringAsync();
        using var triggerRequest = new HttpRequestMessage(HttpMethod.Post, "/hangfire/recurring/trigger") { Content = Form(("jobs[]", Jobs.EmailDelivery)) };
        triggerRequest.Headers.Add(Meta(dashboardPage, "csrf-header"), Meta(dashboardPage, "csrf-token"));
        using var trigger = await operatorClient.SendAsync(triggerRequest);
        Assert.True(trigger.IsSuccessStatusCode, $"trigger answered {(int)trigger.StatusCode}: {app.ServerErrors()}");
        Assert.Equal(1, app.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedCount("default"));
    }

    [Fact]
    public async Task A_practice_admin_who_is_not_an_operator_can_neither_see_nor_trigger_delete_or_requeue_jobs()
    {
        await using var app = ProductionApp(operators: null);
        var storage = app.Services.GetRequiredService<JobStorage>();
        // No filters: the automatic retry would move the failed job on to Scheduled.
        var jobs = new BackgroundJobClient(storage, new Hangfire.Common.JobFilterCollection());
        var failedJob = jobs.Create(() => Console.WriteLine("a job"), new Hangfire.States.FailedState(new InvalidOperationException("failed")));
        var enqueuedJob = jobs.Enqueue(() => Console.WriteLine("another job"));
        using var admin = await SignedInOwnerAsync(app);

        var me = (await admin.GetFromJsonAsync<Me>("/api/me", PortalClients.Json))!;
        Assert.Contains("practiceAdmin", me.Roles);
        Assert.DoesNotContain("operator", me.Roles);

        foreach (var page in new[] { "/hangfire", "/hangfire/recurring", "/hangfire/jobs/failed", $"/hangfire/jobs/details/{failedJob}", "/hangfire/stats" })
        {
            using var response = await admin.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"GET {page} answered {(int)response.StatusCode}");
        }

        var attempts = new (string Route, (string, string) Field)[]
        {
            ("/hangfire/recurring/trigger", ("jobs[]", Jobs.EmailDelivery)),
            ("/hangfire/recurring/remove", ("jobs[]", Jobs.EmailDelivery)),
            ("/hangfire/recurring/disable", ("jobs[]", Jobs.EmailDelivery)),
            ("/hangfire/jobs/failed/requeue", ("jobs[]", failedJob)),
            ("/hangfire/jobs/failed/delete", ("jobs[]", failedJob)),
            ("/hangfire/jobs/enqueued/delete", ("jobs[]", enqueuedJob)),
            ($"/hangfire/jobs/actions/requeue/{failedJob}", ("x", "y")),
            ($"/hangfire/jobs/actions/delete/{enqueuedJob}", ("x", "y")),
        };
        foreach (var (route, field) in attempts)
        {
            using var response = await admin.PostAsync(route, Form(field));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"POST {route} answered {(int)response.StatusCode}");
        }

        // Nothing happened: the installation's email job is still there and no job moved.
        using var connection = storage.GetConnection();
        Assert.Contains(connection.GetRecurringJobs(), j => j.Id == Jobs.EmailDelivery);
        var monitoring = storage.GetMonitoringApi();
        Assert.Equal(1, monitoring.FailedCount());
        Assert.Equal(1, monitoring.EnqueuedCount("default"));
    }

    [Fact]
    public async Task An_operator_removed_from_the_configuration_loses_the_dashboard_at_the_next_start()
    {
        using var data = new TestDataDirectory();
        await using (var first = ProductionApp(operators: "OWNER@bayside.test", data.Path))
        {
            using var operatorClient = await SignedInOwnerAsync(first);
            Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync("/hangfire")).StatusCode);
        }

        await using var restarted = ProductionApp(operators: "someone-else@bayside.test", data.Path);
        using var formerOperator = await SignedInOwnerAsync(restarted);
        Assert.Equal(HttpStatusCode.Forbidden, (await formerOperator.GetAsync("/hangfire")).StatusCode);
    }

    [Fact]
    public async Task A_patient_account_cannot_be_made_an_operator()
    {
        using var data = new TestDataDirectory();
        await using (var first = ProductionApp(operators: null, data.Path))
        {
            await using var scope = first.Services.CreateAsyncScope();
            var identity = scope.ServiceProvider.GetRequiredService<IIdentityApi>();
            Assert.True((await identity.CreatePatientAccountAsync(new NewPatientAccount("pat@example.test", "a long patient password", "Pat", "Doe"), default)).IsSuccess);
        }

        await using var restarted = ProductionApp(operators: "pat@example.test", data.Path);
        var failure = Assert.ThrowsAny<Exception>(() => restarted.Services);
        Assert.Contains("pat@example.test, a patient account", failure.ToString(), StringComparison.Ordinal);
    }

    private const string OwnersOwnPassword = "the owner chose this one";

    /// <summary>The first practice admin, signed in with the password they chose at their first sign-in.</summary>
    private static async Task<HttpClient> SignedInOwnerAsync(PortalApp app)
    {
        using var login = await app.PostLoginAsync("owner@bayside.test", OwnersOwnPassword);
        if (login.StatusCode == HttpStatusCode.Unauthorized)
        {
            using var first = await app.SignedInClientAsync("owner@bayside.test", "a strong first password");
            (await first.PostAsJsonAsync("/api/me/password", new { currentPassword = "a strong first password", newPassword = OwnersOwnPassword }))
                .EnsureSuccessStatusCode();
        }

        return await app.SignedInClientAsync("owner@bayside.test", OwnersOwnPassword);
    }

    private static PortalApp ProductionApp(string? operators, string? dataDirectory = null)
    {
        var app = dataDirectory is null ? new PortalApp { Environment = "Production" } : new PortalApp { Environment = "Production", DataDirectory = dataDirectory };
        app.Settings["Bootstrap:PracticeName"] = "Bayside Clinic";
        app.Settings["Bootstrap:AdminEmail"] = "owner@bayside.test";
        app.Settings["Bootstrap:AdminPassword"] = "a strong first password";
        if (operators is not null)
        {
            app.Settings["Operators:Emails"] = operators;
        }

        return app;
    }

    private static string Meta(string html, string name) =>
        System.Text.RegularExpressions.Regex.Match(html, $"<meta name=\"{name}\" content=\"([^\"]+)\"").Groups[1].Value is { Length: > 0 } value
            ? value : throw new InvalidOperationException($"the dashboard page has no {name}");

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    [Fact]
    public async Task In_development_the_dashboard_is_open()
    {
        await using var app = new PortalApp();
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
