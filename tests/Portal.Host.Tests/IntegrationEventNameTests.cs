using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Host;
using Portal.Shared.Abstractions;
using Portal.Shared.Messaging;
using Portal.Shared.Persistence;
using Portal.Testing;
using Xunit;

namespace Portal.Host.Tests;

/// <summary>
/// An outbox row names its event by the event's stable name, never by its CLR type: the class can be renamed or moved
/// while rows wait, and a row whose name nothing declares is kept and retried, not dropped
/// (docs/decisions/0010-stable-integration-event-names.md).
/// </summary>
public sealed class IntegrationEventNameTests
{
    /// <summary>The event as it was when the row was stored.</summary>
    [IntegrationEvent("test.parcel-sent")]
    public sealed record ParcelSent(Guid EventId, DateTimeOffset OccurredAt, string Recipient, int Items) : IIntegrationEvent;

    /// <summary>The same event after its class was renamed (the Host that relays the row knows only this one).</summary>
    [IntegrationEvent("test.parcel-sent")]
    public sealed record ParcelDispatched(Guid EventId, DateTimeOffset OccurredAt, string Recipient, int Items) : IIntegrationEvent;

    [Fact]
    public async Task A_stored_row_still_reads_after_its_event_class_is_renamed()
    {
        var received = new Received<ParcelDispatched>();
        await using var app = new PortalApp
        {
            ConfigureTestServices = services =>
            {
                services.AddSingleton(new IntegrationEventTypes(IntegrationEventTypes.Of(PortalModules.All).Types.Append(typeof(ParcelDispatched))));
                services.AddSingleton<IIntegrationEventConsumer<ParcelDispatched>>(received);
            },
        };
        var stored = new ParcelSent(Guid.CreateVersion7(), app.Clock.GetUtcNow(), "Ava Nguyen", 3);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = Database(scope.ServiceProvider);
            db.Publish(stored);
            await db.SaveChangesAsync();
        }

        var row = Assert.Single(await OutboxAsync(app), m => m.Id == stored.EventId);
        Assert.Equal("test.parcel-sent", row.Type);
        Assert.DoesNotContain(nameof(ParcelSent), row.Type + row.Payload, StringComparison.Ordinal);   // no CLR name anywhere in the row

        await app.RunJobAsync(Jobs.OutboxRelay);

        var read = Assert.Single(received.Events);
        Assert.Equal((stored.EventId, stored.OccurredAt, "Ava Nguyen", 3), (read.EventId, read.OccurredAt, read.Recipient, read.Items));
        Assert.NotNull(Assert.Single(await OutboxAsync(app), m => m.Id == stored.EventId).ProcessedAt);
    }

    [Fact]
    public async Task A_row_under_a_name_no_module_declares_is_kept_retried_and_logged()
    {
        var logs = new CapturedLogs();
        await using var app = new PortalApp { ConfigureTestServices = services => services.AddSingleton<ILoggerProvider>(logs) };
        var now = app.Clock.GetUtcNow();
        var unknown = new OutboxMessage("{}") { Id = Guid.CreateVersion7(), Type = "nowhere.something-happened", OccurredAt = now, NextAttemptAt = now };
        // A row stored before decision 0010, under the CLR name: not read any more (Portal is unreleased), and not dropped either.
        var clrNamed = new OutboxMessage("{}")
        {
            Id = Guid.CreateVersion7(),
            Type = "Portal.Modules.PortalSettings.Contracts.PortalSettingsChanged, Portal.Modules.PortalSettings.Contracts",
            OccurredAt = now,
            NextAttemptAt = now,
        };
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = Database(scope.ServiceProvider);
            db.Set<OutboxMessage>().AddRange(unknown, clrNamed);
            await db.SaveChangesAsync();
        }

        await app.RunJobAsync(Jobs.OutboxRelay);

        foreach (var id in new[] { unknown.Id, clrNamed.Id })
        {
            var row = Assert.Single(await OutboxAsync(app), m => m.Id == id);
            Assert.Null(row.ProcessedAt);
            Assert.Equal(1, row.Attempts);
            Assert.Contains("No integration event is named", row.LastError, StringComparison.Ordinal);
            Assert.InRange(row.NextAttemptAt, now + OutboxRelayJob.RetryDelay(1) - TimeSpan.FromMilliseconds(1), now + OutboxRelayJob.RetryDelay(1));   // stored to the millisecond
            Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && Equals(e.Values.GetValueOrDefault("EventId"), id));
        }

        app.Clock.Advance(OutboxRelayJob.RetryDelay(1));
        await app.RunJobAsync(Jobs.OutboxRelay);
        Assert.Equal(2, Assert.Single(await OutboxAsync(app), m => m.Id == unknown.Id).Attempts);   // retried like any failure
    }

    private static async Task<List<OutboxMessage>> OutboxAsync(PortalApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await Database(scope.ServiceProvider).Set<OutboxMessage>().AsNoTracking().ToListAsync();
    }

    private static DbContext Database(IServiceProvider services) =>
        services.GetServices<IModuleDatabase>().Single(d => d.Schema == "portal_settings").ContextIn(services);

    private sealed class Received<TEvent> : IIntegrationEventConsumer<TEvent>
        where TEvent : IIntegrationEvent
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<TEvent> _events = new();

        public IReadOnlyList<TEvent> Events => _events.ToArray();

        public Task ConsumeAsync(TEvent integrationEvent, CancellationToken cancellationToken)
        {
            _events.Enqueue(integrationEvent);
            return Task.CompletedTask;
        }
    }
}
