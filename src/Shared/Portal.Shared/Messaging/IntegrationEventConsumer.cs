using Microsoft.EntityFrameworkCore;
using Portal.Shared.Abstractions;

namespace Portal.Shared.Messaging;

/// <summary>Reacts to another module's integration event (the only way a module changes in response to another).</summary>
public interface IIntegrationEventConsumer<in TEvent>
    where TEvent : IIntegrationEvent
{
    Task ConsumeAsync(TEvent integrationEvent, CancellationToken cancellationToken);
}

/// <summary>
/// A consumer that handles each event once: its changes and the inbox entry that records the event are saved
/// together, so a redelivered event (after a crash, or a retry of a relay) finds the entry and does nothing.
/// Subclasses only track their changes in <paramref name="db"/>; this class saves them. Each declares the stable name
/// its entries are kept under (<see cref="InboxNameAttribute"/>), never its CLR name.
/// </summary>
public abstract class IdempotentConsumer<TEvent>(DbContext db, TimeProvider clock) : IIntegrationEventConsumer<TEvent>
    where TEvent : IIntegrationEvent
{
    public async Task ConsumeAsync(TEvent integrationEvent, CancellationToken cancellationToken)
    {
        var consumer = InboxNameAttribute.Of(GetType());
        if (await db.Set<InboxMessage>().AnyAsync(
                m => m.EventId == integrationEvent.EventId && m.Consumer == consumer, cancellationToken))
        {
            return;
        }

        await HandleAsync(integrationEvent, cancellationToken);
        db.Set<InboxMessage>().Add(new InboxMessage
        {
            EventId = integrationEvent.EventId,
            Consumer = consumer,
            ProcessedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    protected abstract Task HandleAsync(TEvent integrationEvent, CancellationToken cancellationToken);
}
