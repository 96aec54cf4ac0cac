using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Portal.Shared.Abstractions;

namespace Portal.Shared.Messaging;

/// <summary>Hands an event to every consumer of its type, each in a scope of its own (one consumer's failure spoils no other's work).</summary>
public sealed class IntegrationEventDispatcher(IServiceScopeFactory scopes)
{
    public async Task DispatchAsync(IIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var consumerType = typeof(IIntegrationEventConsumer<>).MakeGenericType(integrationEvent.GetType());
        var method = consumerType.GetMethod(nameof(IIntegrationEventConsumer<IIntegrationEvent>.ConsumeAsync))!;

        int count;
        await using (var probe = scopes.CreateAsyncScope())
        {
            count = probe.ServiceProvider.GetServices(consumerType).Count();
        }

        for (var index = 0; index < count; index++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var consumer = scope.ServiceProvider.GetServices(consumerType).ElementAt(index)!;
            await (Task)method.Invoke(consumer, BindingFlags.DoNotWrapExceptions, null, [integrationEvent, cancellationToken], null)!;
        }
    }
}
