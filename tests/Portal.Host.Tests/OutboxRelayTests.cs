using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.PortalSettings.Contracts;
using Portal.Shared.Messaging;
using Portal.Shared.Persistence;
using Portal.Testing;
using Xunit;

namespace Portal.Host.Tests;

/// <summary>Integration events: saved with the change, relayed later, consumed once, never lost.</summary>
public sealed class OutboxRelayTests
{
    [Fact]
    public async Task The_event_is_saved_with_the_change_and_a_refused_change_saves_none()
    {
        await using var app = new PortalApp();
        using var admin = await app.SignedInClientAsync(DemoData.HarbourAdminEmail);

        await admin.PutPortalSettingsAsync("autoUpdate");
        using var stale = new HttpRequestMessage(HttpMethod.Put, "/api/practice/settings/portal")
        {
            Content = JsonContent.Create(new { portalEnabled = true, patientInvitations = true, patientUpdates = "disabled", noteSharing = false }),
        };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"0\"");
        using var refused = await admin.SendAsync(stale);
        Assert.Equal(System.Net.HttpStatusCode.PreconditionFailed, refused.StatusCode);

        var messages = await OutboxAsync(app, "portal_settings");
        var message = Assert.Single(messages);
        Assert.Null(message.ProcessedAt);
        Assert.Equal("portal-settings.changed", message.Type);   // its stable name, not its CLR name
    }

    [Fact]
    public async Task An_event_saved_before_the_process_died_is_delivered_after_the_restart()
    {
        using var data = new TestDataDirectory();
        await using (var beforeCrash = new PortalApp { DataDirectory = data.Path })
        {
            using var admin = await beforeCrash.SignedInClientAsync(DemoData.HarbourAdminEmail);
            await admin.MakePracticeAdminAsync(DemoData.DrLeeId);   // the admin to tell (nobody is told of their own change)
            await admin.PutPortalSettingsAsync("autoUpdate");
            // The process stops here: the change and its event are saved, the relay never ran.
        }

        await using var afterRestart = new PortalApp { DataDirectory = data.Path };
        await afterRestart.RunJobAsync(Jobs.OutboxRelay);

        using var client = await afterRestart.SignedInClientAsync(DemoData.DrLeeEmail);
        var notifications = await client.GetFromJsonAsync<Page<object>>("/api/practice/notifications", PortalClients.Json);
        Assert.Equal(1, notifications!.Total);
        Assert.NotNull(Assert.Single(await OutboxAsync(afterRestart, "portal_settings")).ProcessedAt);
    }

    [Fact]
    public async Task A_redelivered_event_is_ignored_by_consumers_that_already_handled_it()
    {
        await using var app = new PortalApp();
        using var admin = await app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        await admin.MakePracticeAdminAsync(DemoData.DrLeeId);
        await admin.PutPortalSettingsAsync("autoUpdate");
        await app.RunMessagingAsync();

        // The relay delivered, then died before marking the message processed: it will deliver again.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = Database(scope.ServiceProvider, "portal_settings");
            await db.Set<OutboxMessage>().ExecuteUpdateAsync(set => set.SetProperty(m => m.ProcessedAt, (DateTimeOffset?)null));
        }

        await app.RunMessagingAsync();

        using var drLee = await app.SignedInClientAsync(DemoData.DrLeeEmail);
        Assert.Equal(1, (await drLee.GetFromJsonAsync<Page<object>>("/api/practice/notifications", PortalClients.Json))!.Total);
        using var anonymous = app.CreateClient();
        Assert.Equal(1, (await (await anonymous.GetAsync($"/api/dev/mailbox?to={DemoData.HarbourAdminEmail}")).JsonAsync()).GetArrayLength());
        Assert.NotNull(Assert.Single(await OutboxAsync(app, "portal_settings")).ProcessedAt);
    }

    [Fact]
    public async Task A_failing_consumer_leaves_the_event_for_a_later_retry_and_the_others_see_it_once()
    {
        var flaky = new FlakyConsumer(failures: 1);
        await using var app = new PortalApp
        {
            ConfigureTestServices = services => services.AddSingleton<IIntegrationEventConsumer<PortalSettingsChanged>>(flaky),
        };
        using var admin = await app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        await admin.MakePracticeAdminAsync(DemoData.DrLeeId);
        await admin.PutPortalSettingsAsync("autoUpdate");

        await app.RunJobAsync(Jobs.OutboxRelay);
        var failed = Assert.Single(await OutboxAsync(app, "portal_settings"));
        Assert.Null(failed.ProcessedAt);
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("InvalidOperationException", failed.LastError, StringComparison.Ordinal);

        await app.RunJobAsync(Jobs.OutboxRelay);           // not due yet
        Assert.Equal(1, flaky.Calls);

        app.Clock.Advance(OutboxRelayJob.RetryDelay(1));
        await app.RunJobAsync(Jobs.OutboxRelay);

        Assert.Equal(2, flaky.Calls);
        Assert.NotNull(Assert.Single(await OutboxAsync(app, "portal_settings")).ProcessedAt);
        using var drLee = await app.SignedInClientAsync(DemoData.DrLeeEmail);
        Assert.Equal(1, (await drLee.GetFromJsonAsync<Page<object>>("/api/practice/notifications", PortalClients.Json))!.Total);
    }

    [Fact]
    public async Task Relayed_messages_are_deleted_after_the_retention_and_pending_ones_never()
    {
        await using var app = new PortalApp();
        using var admin = await app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        await admin.PutPortalSettingsAsync("autoUpdate");
        await app.RunJobAsync(Jobs.OutboxRelay);
        await admin.PutPortalSettingsAsync("disabled");   // saved, not relayed yet

        app.Clock.Advance(TimeSpan.FromDays(3));
        await app.RunJobAsync("outbox-cleanup");

        var left = Assert.Single(await OutboxAsync(app, "portal_settings"));
        Assert.Null(left.ProcessedAt);
    }

    private static async Task<List<OutboxMessage>> OutboxAsync(PortalApp app, string schema)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await Database(scope.ServiceProvider, schema).Set<OutboxMessage>().AsNoTracking().ToListAsync();
    }

    private static DbContext Database(IServiceProvider services, string schema) =>
        services.GetServices<IModuleDatabase>().Single(d => d.Schema == schema).ContextIn(services);

    private sealed class FlakyConsumer(int failures) : IIntegrationEventConsumer<PortalSettingsChanged>
    {
        private int _calls;

        public int Calls => _calls;

        public Task ConsumeAsync(PortalSettingsChanged integrationEvent, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _calls) <= failures
                ? throw new InvalidOperationException("The consumer's database is down.")
                : Task.CompletedTask;
    }
}
