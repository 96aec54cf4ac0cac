using Portal.Host;
using Portal.Shared.Abstractions;
using Portal.Shared.Messaging;
using Xunit;

namespace Portal.ArchitectureTests;

/// <summary>
/// Idempotent consumers record what they handled under stable names, not CLR names, so that renaming or moving one
/// never lets a redelivered event be handled twice (docs/decisions/0010-stable-integration-event-names.md).
/// </summary>
public sealed class InboxNameRules
{
    private static readonly Type[] Consumers = InboxNameAttribute.IdempotentConsumersIn(Solution.Modules).ToArray();

    private static readonly Dictionary<string, string> ModuleNameByAssembly =
        PortalModules.All.ToDictionary(m => Solution.NameOf(m.GetType().Assembly), m => m.Name);

    [Fact]
    public void Every_idempotent_consumer_declares_a_unique_kebab_case_inbox_name_that_starts_with_its_module()
    {
        Assert.True(Consumers.Length >= 10, "no idempotent consumers found: the rule would check nothing");
        Assert.All(Consumers, type =>
        {
            var name = InboxNameAttribute.Of(type);
            Assert.True(IntegrationEventTypes.IsWellFormed(name), $"{type.FullName}: '{name}' is not kebab-case '<module>.<what-it-does>'");
            var module = ModuleNameByAssembly[Solution.NameOf(type.Assembly)];
            Assert.True(name.StartsWith(module + ".", StringComparison.Ordinal), $"{type.FullName}: '{name}' must start with '{module}.'");
        });
        var shared = Consumers.GroupBy(InboxNameAttribute.Of).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(shared.Count == 0, "Inbox names used twice: " + string.Join(", ", shared));
        InboxNameAttribute.CheckConsumersIn(Solution.Modules);
    }

    [Fact]
    public void The_start_up_check_refuses_a_consumer_without_an_inbox_name()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => InboxNameAttribute.CheckConsumersIn([typeof(InboxNameRules).Assembly]));
        Assert.Contains(nameof(UnnamedConsumer), failure.Message, StringComparison.Ordinal);
    }

    private sealed record SomethingHappened(Guid EventId, DateTimeOffset OccurredAt) : IIntegrationEvent;

    private sealed class UnnamedConsumer() : IdempotentConsumer<SomethingHappened>(null!, TimeProvider.System)
    {
        protected override Task HandleAsync(SomethingHappened integrationEvent, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
