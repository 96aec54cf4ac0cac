using Portal.Host;
using Portal.Shared.Messaging;
using Xunit;

namespace Portal.ArchitectureTests;

/// <summary>Integration events are stored under stable names (docs/decisions/0010-stable-integration-event-names.md).</summary>
public sealed class IntegrationEventRules
{
    private static readonly Type[] Events = IntegrationEventTypes.EventTypesIn(Solution.Modules.Concat(Solution.Contracts)).ToArray();

    /// <summary><c>Portal.Modules.PatientProfile</c> and <c>Portal.Modules.PatientProfile.Contracts</c> → <c>patient-profile</c>.</summary>
    private static readonly Dictionary<string, string> ModuleNameByAssembly = PortalModules.All
        .SelectMany(m => new[]
        {
            (Solution.NameOf(m.GetType().Assembly), m.Name),
            (Solution.ContractsNameOf(m.GetType().Assembly), m.Name),
        })
        .ToDictionary(pair => pair.Item1, pair => pair.Item2);

    [Fact]
    public void Every_integration_event_declares_a_kebab_case_name_that_starts_with_its_module()
    {
        Assert.True(Events.Length >= 10, "no integration events found: the rule would check nothing");
        Assert.All(Events, type =>
        {
            var name = Portal.Shared.Abstractions.IntegrationEventAttribute.NameOf(type);
            Assert.True(name is not null, $"{type.FullName} declares no [IntegrationEvent(\"<module>.<event>\")] name");
            Assert.True(IntegrationEventTypes.IsWellFormed(name), $"{type.FullName}: '{name}' is not kebab-case '<module>.<event>'");
            var module = ModuleNameByAssembly[Solution.NameOf(type.Assembly)];
            Assert.True(name.StartsWith(module + ".", StringComparison.Ordinal),
                $"{type.FullName}: '{name}' must start with '{module}.', the module that declares it");
        });
    }

    [Fact]
    public void Integration_event_names_are_unique()
    {
        var shared = Events.Where(t => Portal.Shared.Abstractions.IntegrationEventAttribute.NameOf(t) is not null)
            .GroupBy(Portal.Shared.Abstractions.IntegrationEventAttribute.NameOf).Where(g => g.Count() > 1)
            .Select(g => $"'{g.Key}': {string.Join(", ", g.Select(t => t.FullName))}")
            .ToList();
        Assert.True(Events.Length >= 10, "no integration events found: the rule would check nothing");
        Assert.True(shared.Count == 0, "Names used twice: " + string.Join("; ", shared));
    }

    [Fact]
    public void The_hosts_registry_reads_every_integration_event_by_its_name()
    {
        var registry = IntegrationEventTypes.Of(PortalModules.All);

        Assert.Equal(Events.Select(t => t.FullName).Order(), registry.Types.Select(t => t.FullName).Order());
        Assert.All(Events, type => Assert.Same(type, registry.Find(IntegrationEventTypes.NameOf(type))));
    }
}
