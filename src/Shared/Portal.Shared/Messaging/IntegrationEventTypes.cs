using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Portal.Shared.Abstractions;
using Portal.Shared.Modules;

namespace Portal.Shared.Messaging;

/// <summary>
/// The integration events this Host knows, by their stable names (<see cref="IntegrationEventAttribute"/>). Built once
/// at start-up from the modules' assemblies and the Contracts they reference; the outbox stores an event under its
/// name and the relay reads a stored row back through <see cref="Find"/>, so no CLR type name is ever stored.
/// A type without a name, a name that is not <c>&lt;module&gt;.&lt;event&gt;</c> in kebab-case, or two types under
/// one name stop the Host at start-up.
/// </summary>
public sealed partial class IntegrationEventTypes
{
    private readonly Dictionary<string, Type> _byName = new(StringComparer.Ordinal);

    public IntegrationEventTypes(IEnumerable<Type> eventTypes)
    {
        foreach (var type in eventTypes.Distinct())
        {
            var name = NameOf(type);
            if (!IsWellFormed(name))
            {
                throw new InvalidOperationException(
                    $"{type.FullName}'s integration event name '{name}' is not kebab-case '<module>.<event>' (e.g. 'patient-profile.change-requested').");
            }

            if (!_byName.TryAdd(name, type))
            {
                throw new InvalidOperationException(
                    $"{type.FullName} and {_byName[name].FullName} are both named '{name}': each integration event needs a name of its own.");
            }
        }
    }

    /// <summary>Every known event type.</summary>
    public IReadOnlyCollection<Type> Types => _byName.Values;

    /// <summary>The type stored under <paramref name="name"/>, or null for a name no loaded module declares.</summary>
    public Type? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The events declared in the modules' assemblies and in the Contracts assemblies they reference.</summary>
    public static IntegrationEventTypes Of(IEnumerable<IModule> modules)
    {
        var assemblies = modules.Select(m => m.GetType().Assembly).Distinct().ToList();
        var contracts = assemblies
            .SelectMany(a => a.GetReferencedAssemblies())
            .Where(a => a.Name!.EndsWith(".Contracts", StringComparison.Ordinal))
            .DistinctBy(a => a.Name)
            .Select(Assembly.Load);
        return new IntegrationEventTypes(EventTypesIn(assemblies.Concat(contracts)));
    }

    /// <summary>The concrete <see cref="IIntegrationEvent"/> types of <paramref name="assemblies"/>, public or not.</summary>
    public static IEnumerable<Type> EventTypesIn(IEnumerable<Assembly> assemblies) =>
        assemblies.Distinct().SelectMany(a => a.GetTypes())
            .Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false } && typeof(IIntegrationEvent).IsAssignableFrom(t));

    /// <summary>The stable name <paramref name="eventType"/> declares; an event without one cannot be stored.</summary>
    public static string NameOf(Type eventType) =>
        IntegrationEventAttribute.NameOf(eventType)
        ?? throw new InvalidOperationException(
            $"{eventType.FullName} declares no stable name: add [IntegrationEvent(\"<module>.<event>\")] to it (docs/decisions/0010-stable-integration-event-names.md).");

    /// <summary>Kebab-case <c>&lt;module&gt;.&lt;event&gt;</c>: lower-case letters and digits, words joined by single hyphens.</summary>
    public static bool IsWellFormed(string name) => WellFormedName().IsMatch(name);

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*\\.[a-z][a-z0-9]*(-[a-z0-9]+)*\\z", RegexOptions.CultureInvariant)]
    private static partial Regex WellFormedName();
}

public static class IntegrationEventRegistration
{
    /// <summary>
    /// Registers the events of <paramref name="modules"/> by name; a badly named event, or an idempotent consumer without
    /// an inbox name of its own, stops the start-up here.
    /// </summary>
    public static IServiceCollection AddIntegrationEvents(this IServiceCollection services, IEnumerable<IModule> modules)
    {
        var list = modules.ToList();
        InboxNameAttribute.CheckConsumersIn(list.Select(m => m.GetType().Assembly));
        return services.AddSingleton(IntegrationEventTypes.Of(list));
    }
}
