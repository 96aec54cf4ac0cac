using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Shared.Jobs;
using Portal.Shared.Persistence;

namespace Portal.Shared.Messaging;

/// <summary>
/// Deletes relayed outbox messages and old inbox entries (job <c>outbox-cleanup</c>). Event payloads carry
/// patients' details and one-time links, so they are not kept once delivered (<c>Messaging:RetentionDays</c>,
/// default 2). Inbox entries outlive them: a duplicate can only come from an outbox row that still exists.
/// </summary>
public sealed class OutboxCleanupJob(
    IEnumerable<IModuleDatabase> databases, IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, JobStorage storage)
    : ExclusiveRecurringJob(storage)
{
    public const string Id = "outbox-cleanup";

    protected override string JobId => Id;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var retention = TimeSpan.FromDays(configuration.GetValue("Messaging:RetentionDays", 2));
        var processedBefore = clock.GetUtcNow() - retention;
        var inboxBefore = processedBefore - retention;
        foreach (var database in databases)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = database.ContextIn(scope.ServiceProvider);
            await db.Set<OutboxMessage>().Where(m => m.ProcessedAt != null && m.ProcessedAt < processedBefore).ExecuteDeleteAsync(cancellationToken);
            await db.Set<InboxMessage>().Where(m => m.ProcessedAt < inboxBefore).ExecuteDeleteAsync(cancellationToken);
        }
    }
}
