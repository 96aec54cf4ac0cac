using System.Collections.Concurrent;
using System.Reflection;

namespace Portal.Shared.Messaging;

/// <summary>
/// The stable name under which an <see cref="IdempotentConsumer{TEvent}"/> records the events it handled
/// (<c>InboxMessages.Consumer</c>), so that renaming or moving the class never lets a redelivered event be handled twice.
/// Kebab-case <c>&lt;module&gt;.&lt;what-it-does&gt;</c>, the module being the consumer's, e.g.
/// <c>notifications.announce-change-requested</c>. A name is never reused for another consumer
/// (docs/decisions/0010-stable-integration-event-names.md).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class InboxNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    private static readonly ConcurrentDictionary<Type, string> Names = new();

    /// <summary>The name <paramref name="consumerType"/> declares; a consumer without one cannot record what it handled.</summary>
    public static string Of(Type consumerType) => Names.GetOrAdd(consumerType, static type =>
        type.GetCustomAttribute<InboxNameAttribute>(inherit: false)?.Name
        ?? throw new InvalidOperationException(
            $"{type.FullName} declares no inbox name: add [InboxName(\"<module>.<what-it-does>\")] to it (docs/decisions/0010-stable-integration-event-names.md)."));

    /// <summary>
    /// Checks the idempotent consumers of <paramref name="assemblies"/> at start-up: each declares a well-formed name
    /// of its own. Throws naming the first that does not.
    /// </summary>
    public static void CheckConsumersIn(IEnumerable<Assembly> assemblies)
    {
        var byName = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var type in IdempotentConsumersIn(assemblies))
        {
            var name = Of(type);
            if (!IntegrationEventTypes.IsWellFormed(name))
            {
                throw new InvalidOperationException($"{type.FullName}'s inbox name '{name}' is not kebab-case '<module>.<what-it-does>'.");
            }

            if (!byName.TryAdd(name, type))
            {
                throw new InvalidOperationException($"{type.FullName} and {byName[name].FullName} share the inbox name '{name}': each consumer needs its own.");
            }
        }
    }

    /// <summary>The concrete subclasses of <see cref="IdempotentConsumer{TEvent}"/> in <paramref name="assemblies"/>.</summary>
    public static IEnumerable<Type> IdempotentConsumersIn(IEnumerable<Assembly> assemblies) =>
        assemblies.Distinct().SelectMany(a => a.GetTypes()).Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && IsIdempotentConsumer(t));

    private static bool IsIdempotentConsumer(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(IdempotentConsumer<>))
            {
                return true;
            }
        }

        return false;
    }
}
