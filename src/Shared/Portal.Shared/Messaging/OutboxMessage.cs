using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Shared.Abstractions;

namespace Portal.Shared.Messaging;

/// <summary>
/// An integration event waiting in its producing module's database to be relayed to the consumers. It is written
/// in the same SaveChanges as the change it describes, so a change and its event exist together or not at all.
/// </summary>
public sealed class OutboxMessage
{
    public OutboxMessage(string payload) => Payload = payload;

    public Guid Id { get; init; }

    /// <summary>The event's stable name (<see cref="IntegrationEventAttribute"/>), e.g. <c>portal-settings.changed</c>; never a CLR type name.</summary>
    public string Type { get; init; } = string.Empty;
    public string Payload { get; private set; } = string.Empty;
    public DateTimeOffset OccurredAt { get; init; }
    public DateTimeOffset? ProcessedAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>Every consumer has the event; the payload of a secret-bearing one is erased (the row stays for the inbox's sake).</summary>
    public void Relayed(IIntegrationEvent relayed, DateTimeOffset now)
    {
        ProcessedAt = now;
        if (relayed is ISecretBearingEvent)
        {
            Payload = ErasedPayload;
        }
    }

    public const string ErasedPayload = "{\"erased\":\"held a one-time secret; erased once delivered\"}";
}

/// <summary>That a consumer has handled an event: a second delivery of the same event is ignored.</summary>
public sealed class InboxMessage
{
    public Guid EventId { get; init; }
    public string Consumer { get; init; } = string.Empty;
    public DateTimeOffset ProcessedAt { get; init; }
}

public static class Outbox
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Queues the event in this module's outbox; it is saved with the module's other changes.</summary>
    public static void Publish(this DbContext db, IIntegrationEvent integrationEvent)
    {
        var type = integrationEvent.GetType();
        db.Set<OutboxMessage>().Add(new OutboxMessage(JsonSerializer.Serialize(integrationEvent, type, Json))
        {
            Id = integrationEvent.EventId,
            Type = IntegrationEventTypes.NameOf(type),
            OccurredAt = integrationEvent.OccurredAt,
            NextAttemptAt = integrationEvent.OccurredAt,
        });
    }

    /// <summary>
    /// The stored event, as the type its name stands for today. A name no loaded module declares (a row from another
    /// version, or one stored under a CLR type name before decision 0010) throws: the relay keeps the row and retries it.
    /// </summary>
    public static IIntegrationEvent Read(OutboxMessage message, IntegrationEventTypes types)
    {
        var type = types.Find(message.Type)
                   ?? throw new InvalidOperationException($"No integration event is named '{message.Type}' (outbox message {message.Id}).");
        return (IIntegrationEvent)(JsonSerializer.Deserialize(message.Payload, type, Json)
                                   ?? throw new InvalidOperationException($"Outbox message {message.Id} has an empty payload."));
    }

    /// <summary>The outbox and inbox tables every module database has.</summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("OutboxMessages");
            outbox.Property(m => m.Type).HasMaxLength(300);
            outbox.Property(m => m.LastError).HasMaxLength(2000);
            outbox.HasIndex(m => new { m.ProcessedAt, m.NextAttemptAt });
        });
        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable("InboxMessages");
            inbox.HasKey(m => new { m.EventId, m.Consumer });
            inbox.Property(m => m.Consumer).HasMaxLength(300);
        });
        return modelBuilder;
    }
}
