using System.Reflection;

namespace Portal.Shared.Abstractions;

/// <summary>
/// A fact one module publishes for others (writes across modules go only through these).
/// Declared in the producing module's Contracts; <see cref="EventId"/> makes consumers idempotent. Every event
/// type also declares its stable name with <see cref="IntegrationEventAttribute"/>.
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

/// <summary>
/// The stable name an integration event is stored and relayed under, never its CLR name: the class may be renamed
/// or moved and a waiting outbox row still reads. Kebab-case <c>&lt;module&gt;.&lt;event&gt;</c>, the module being
/// the one that declares the event (its <c>IModule.Name</c>), e.g. <c>patient-profile.change-requested</c>. A name is
/// never reused for another meaning (docs/decisions/0010-stable-integration-event-names.md).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class IntegrationEventAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    /// <summary>The name <paramref name="eventType"/> declares, or null when it declares none.</summary>
    public static string? NameOf(Type eventType) => eventType.GetCustomAttribute<IntegrationEventAttribute>(inherit: false)?.Name;
}
