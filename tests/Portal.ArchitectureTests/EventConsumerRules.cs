using System.Reflection;
using Portal.Shared.Messaging;
using Xunit;

namespace Portal.ArchitectureTests;

/// <summary>A consumer learns what happened from its event alone, never by asking the module that published it (issue 14).</summary>
public sealed class EventConsumerRules
{
    [Fact]
    public void A_consumer_depends_on_nothing_of_the_producer_but_its_event()
    {
        var consumers = Solution.Modules.SelectMany(m => m.GetTypes())
            .Where(t => t is { IsAbstract: false, IsInterface: false })
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IIntegrationEventConsumer<>))
                .Select(i => (Consumer: t, Event: i.GetGenericArguments()[0])))
            .ToList();
        Assert.True(consumers.Count >= 10, "no consumers found: the rule would check nothing");

        var callbacks = consumers
            .Where(c => IsAnotherModulesContracts(c.Event.Assembly, c.Consumer.Assembly))
            .Select(c => (c.Consumer, Facades: c.Consumer.GetConstructors().SelectMany(k => k.GetParameters())
                .Select(p => p.ParameterType).Where(p => p.Assembly == c.Event.Assembly).ToList()))
            .Where(c => c.Facades.Count > 0)
            .ToList();

        var unexpected = callbacks.Select(c => $"{c.Consumer.FullName} asks {string.Join(", ", c.Facades.Select(f => f.Name))}").ToList();
        Assert.True(unexpected.Count == 0,
            "A consumer calls back into the module that published its event; put what it needs on the event instead: " + string.Join("; ", unexpected));
    }

    private static bool IsAnotherModulesContracts(Assembly eventAssembly, Assembly consumerAssembly) =>
        Solution.NameOf(eventAssembly).EndsWith(".Contracts", StringComparison.Ordinal)
        && Solution.NameOf(eventAssembly) != Solution.ContractsNameOf(consumerAssembly);
}
