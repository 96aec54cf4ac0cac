namespace Portal.Shared.Abstractions;

/// <summary>
/// A fact one module publishes for others (writes across modules go only through these).
/// Declared in the producing module's Contracts; <see cref="EventId"/> makes consumers idempotent.
/// </summary>
public interface IIntegrationEvent
{
    Guid EventId { get; }
    DateTimeOffset OccurredAt { get; }
}

/// <summary>
/// An event whose payload may hold a secret (a one-time link to sign in, join or reset a password): the producer's
/// outbox keeps the payload only until the event is delivered, so the secret is stored in clear no longer than needed.
/// </summary>
public interface ISecretBearingEvent : IIntegrationEvent;
