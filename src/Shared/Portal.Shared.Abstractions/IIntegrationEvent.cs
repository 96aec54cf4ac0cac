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
