using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Portal.Testing;
using Xunit;

namespace Portal.Host.Tests;

public sealed class MediatorTests : IClassFixture<PortalApp>
{
    private readonly PortalApp _app;

    public MediatorTests(PortalApp app) => _app = app;

    /// <summary>
    /// The source generator silently skips a handler it cannot see; this finds every command and query of every
    /// module and checks that the Host's container resolves a handler for it.
    /// </summary>
    [Fact]
    public void Every_command_and_query_has_a_registered_handler()
    {
        var messageTypes = PortalModules.All
            .SelectMany(m => new[] { m.GetType().Assembly }.Concat(ContractsOf(m.GetType().Assembly)))
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsAbstract: false, IsInterface: false })
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(ICommand<>) || i.GetGenericTypeDefinition() == typeof(IQuery<>)))
                .Select(i => (Message: t, Interface: i)))
            .ToList();
        Assert.True(messageTypes.Count >= 10, $"expected the modules' commands and queries, found {messageTypes.Count}");

        using var scope = _app.Services.CreateScope();
        var missing = messageTypes
            .Where(m =>
            {
                var handlerType = (m.Interface.GetGenericTypeDefinition() == typeof(ICommand<>) ? typeof(ICommandHandler<,>) : typeof(IQueryHandler<,>))
                    .MakeGenericType(m.Message, m.Interface.GetGenericArguments()[0]);
                return scope.ServiceProvider.GetService(handlerType) is null;
            })
            .Select(m => m.Message.FullName)
            .ToList();

        Assert.Empty(missing);
    }

    private static IEnumerable<System.Reflection.Assembly> ContractsOf(System.Reflection.Assembly module) =>
        module.GetReferencedAssemblies()
            .Where(a => a.Name!.EndsWith(".Contracts", StringComparison.Ordinal))
            .Select(System.Reflection.Assembly.Load);
}
