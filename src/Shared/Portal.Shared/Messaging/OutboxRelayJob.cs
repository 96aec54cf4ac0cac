using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Shared.Jobs;
using Portal.Shared.Persistence;

namespace Portal.Shared.Messaging;

/// <summary>
/// Relays every module's outbox to the consumers (job <c>outbox-relay</c>). A message is marked processed only
/// after every consumer has handled it; if the process dies in between, the next run delivers it again and the
/// consumers' inboxes drop the duplicate. A failing message is retried later with a growing delay.
/// </summary>
public sealed partial class OutboxRelayJob(
    IEnumerable<IModuleDatabase> databases,
    IServiceScopeFactory scopes,
    IntegrationEventDispatcher dispatcher,
    IntegrationEventTypes eventTypes,
    TimeProvider clock,
    JobStorage storage,
    ILogger<OutboxRelayJob> logger) : ExclusiveRecurringJob(storage)
{
    public const string Id = "outbox-relay";
    private const int BatchSize = 100;

    protected override string JobId => Id;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        foreach (var database in databases)
        {
            // Drain the outbox batch by batch (a bulk send can queue thousands), within a bound per run.
            for (var batch = 0; batch < MaxBatchesPerRun && await RelayBatchAsync(database, cancellationToken) == BatchSize; batch++)
            {
            }
        }
    }

    private const int MaxBatchesPerRun = 50;

    private async Task<int> RelayBatchAsync(IModuleDatabase database, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = database.ContextIn(scope.ServiceProvider);
        var now = clock.GetUtcNow();
        var batch = await db.Set<OutboxMessage>()
            .Where(m => m.ProcessedAt == null && m.NextAttemptAt <= now)
            .OrderBy(m => m.OccurredAt).ThenBy(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        foreach (var message in batch)
        {
            try
            {
                var relayed = Outbox.Read(message, eventTypes);
                await dispatcher.DispatchAsync(relayed, cancellationToken);
                message.Relayed(relayed, clock.GetUtcNow());
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                message.Attempts++;
                var error = $"{exception.GetType().Name}: {exception.Message}";
                message.LastError = error.Length > 2000 ? error[..2000] : error;
                message.NextAttemptAt = clock.GetUtcNow() + RetryDelay(message.Attempts);
                LogRelayFailed(exception, message.Id, message.Type, database.Schema, message.Attempts);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return batch.Count;
    }

    /// <summary>1, 2, 4 ... minutes, at most an hour.</summary>
    public static TimeSpan RetryDelay(int attempts) => RetryBackoff.After(attempts, TimeSpan.FromHours(1));

    [LoggerMessage(Level = LogLevel.Error, Message = "Relaying event {EventId} ({Type}) of {Module} failed, attempt {Attempts}; it will be retried")]
    private partial void LogRelayFailed(Exception exception, Guid eventId, string type, string module, int attempts);
}
