using System.Reflection;
using Carter;
using FluentValidation;
using Mediator;
using NetArchTest.Rules;
using Xunit;

namespace Portal.ArchitectureTests;

/// <summary>The rules on types (docs/architecture.md, "Rules between modules"). Each asserts the set it checks is not empty, so it can fail.</summary>
public sealed class TypeRules
{
    private static readonly Type[] HandlerInterfaces =
    [
        typeof(ICommandHandler<,>), typeof(ICommandHandler<>), typeof(IQueryHandler<,>),
        typeof(IRequestHandler<,>), typeof(IRequestHandler<>), typeof(INotificationHandler<>),
    ];

    [Fact]
    public void Handlers_are_internal_sealed_and_named_handler()
    {
        var handlers = Types.InAssemblies(Solution.Modules)
            .That().ImplementInterface(typeof(ICommandHandler<,>))
            .Or().ImplementInterface(typeof(IQueryHandler<,>))
            .Or().ImplementInterface(typeof(ICommandHandler<>))
            .Or().ImplementInterface(typeof(INotificationHandler<>));
        Assert.True(handlers.GetTypes().Count() >= 10, "no handlers found: the rule would check nothing");

        AssertHolds(handlers.Should().NotBePublic().And().BeSealed().And().HaveNameEndingWith("Handler").GetResult());
    }

    [Fact]
    public void Only_handlers_are_named_handler()
    {
        var named = Types.InAssemblies(Solution.Modules).That().HaveNameEndingWith("Handler").GetTypes().ToList();
        Assert.NotEmpty(named);
        Assert.All(named, type => Assert.True(
            type.GetInterfaces().Any(i => i.IsGenericType && HandlerInterfaces.Contains(i.GetGenericTypeDefinition())),
            $"{type.FullName} is named like a handler but handles nothing"));
    }

    [Fact]
    public void Validators_are_named_validator()
    {
        var validators = Types.InAssemblies(Solution.Modules).That().Inherit(typeof(AbstractValidator<>));
        Assert.NotEmpty(validators.GetTypes());
        AssertHolds(validators.Should().HaveNameEndingWith("Validator").And().BeSealed().GetResult());
    }

    [Fact]
    public void Endpoint_classes_implement_carter_module_are_named_endpoint_and_take_no_constructor_arguments()
    {
        var endpoints = Types.InAssemblies(Solution.Modules).That().ImplementInterface(typeof(ICarterModule)).GetTypes().ToList();
        Assert.True(endpoints.Count >= 5, "no endpoint classes found");
        Assert.All(endpoints, type =>
        {
            Assert.True(type.Name.EndsWith("Endpoint", StringComparison.Ordinal) || type.Name.EndsWith("Endpoints", StringComparison.Ordinal), type.FullName);
            Assert.True(type.IsPublic && type.IsSealed, $"{type.FullName}: Carter 10 maps only public endpoint classes");
            Assert.All(type.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic),
                ctor => Assert.Empty(ctor.GetParameters()));
        });

        var namedLikeEndpoints = Types.InAssemblies(Solution.Modules).That().HaveNameEndingWith("Endpoint").Or().HaveNameEndingWith("Endpoints");
        AssertHolds(namedLikeEndpoints.Should().ImplementInterface(typeof(ICarterModule)).GetResult());
    }

    [Fact]
    public void A_module_depends_on_no_type_of_another_module_only_on_its_contracts()
    {
        Assert.True(Solution.Modules.Length >= 2);
        foreach (var module in Solution.Modules)
        {
            var othersTypes = Solution.Modules.Where(m => m != module)
                .SelectMany(m => m.GetTypes())
                .Where(t => t.Namespace is not null && !t.Name.StartsWith('<'))
                .Select(t => t.FullName!)
                .ToArray();
            Assert.NotEmpty(othersTypes);

            AssertHolds(Types.InAssembly(module).Should().NotHaveDependencyOnAny(othersTypes).GetResult());
        }
    }

    [Fact]
    public void Contracts_types_depend_on_no_ef_aspnet_or_module_internals()
    {
        Assert.NotEmpty(Solution.Contracts);
        var moduleTypes = Solution.Modules.SelectMany(m => m.GetTypes()).Where(t => t.Namespace is not null).Select(t => t.FullName!).ToArray();
        var result = Types.InAssemblies(Solution.Contracts)
            .Should().NotHaveDependencyOnAny(["Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", .. moduleTypes])
            .GetResult();
        AssertHolds(result);
    }

    [Fact]
    public void Db_contexts_and_domain_types_are_not_public()
    {
        var internalsOnly = Types.InAssemblies(Solution.Modules)
            .That().Inherit(typeof(Microsoft.EntityFrameworkCore.DbContext))
            .Or().ResideInNamespaceEndingWith(".Domain")
            .Or().ResideInNamespaceEndingWith(".Api");
        Assert.NotEmpty(internalsOnly.GetTypes());
        AssertHolds(internalsOnly.Should().NotBePublic().GetResult());
    }

    [Fact]
    public void Event_consumers_are_internal_sealed_and_named_consumer()
    {
        var consumers = Solution.Modules.SelectMany(m => m.GetTypes())
            .Where(t => t is { IsAbstract: false, IsInterface: false } && t.GetInterfaces().Any(i =>
                i.IsGenericType && i.GetGenericTypeDefinition() == typeof(Portal.Shared.Messaging.IIntegrationEventConsumer<>)))
            .ToList();
        Assert.NotEmpty(consumers);
        Assert.All(consumers, type =>
        {
            Assert.True(type.Name.EndsWith("Consumer", StringComparison.Ordinal), type.FullName);
            Assert.True(type is { IsPublic: false, IsSealed: true }, $"{type.FullName} must be internal sealed");
        });
    }

    [Fact]
    public void Every_recurring_job_never_runs_twice_at_once()
    {
        var jobs = Solution.Modules.Append(Solution.Shared).SelectMany(a => a.GetTypes())
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(Portal.Shared.Jobs.IRecurringJob).IsAssignableFrom(t))
            .ToList();
        Assert.True(jobs.Count >= 2, "no recurring jobs found");
        Assert.All(jobs, type => Assert.True(type.IsSubclassOf(typeof(Portal.Shared.Jobs.ExclusiveRecurringJob)),
            $"{type.FullName} must derive from ExclusiveRecurringJob (one run at a time across instances)"));
    }

    private static void AssertHolds(TestResult result) =>
        Assert.True(result.IsSuccessful, "Broken by: " + string.Join(", ", result.FailingTypeNames ?? []));
}
