using System.Reflection;
using Xunit;

namespace Portal.ArchitectureTests;

/// <summary>
/// Entities own their state changes: a transition and its rule live in one method of the entity, and slices call it.
/// So no entity in a module's <c>Domain</c> (or <c>ChangeRequests</c>) namespace lets anyone else set its state.
/// </summary>
public sealed class EntityRules
{
    /// <summary>
    /// Entities not yet converted, each still with a public setter (the last test fails once one has none, so the list
    /// only shrinks). <c>PortalUser</c> derives from ASP.NET Core Identity's user, whose setters are Identity's own.
    /// </summary>
    private static readonly string[] NotYetConverted =
    [
        "Portal.Modules.Identity.Domain.PortalUser",
    ];

    [Fact]
    public void Entities_have_no_public_setters_on_their_state()
    {
        var entities = Entities().Where(type => !NotYetConverted.Contains(type.FullName)).ToList();
        Assert.True(entities.Count >= 8, "no entities found: the rule would check nothing");
        var offenders = entities.SelectMany(type => PublicSetters(type).Select(property => $"{type.Name}.{property.Name}")).ToList();
        Assert.True(offenders.Count == 0, "give these a method of their entity instead of a public setter: " + string.Join(", ", offenders));
    }

    [Fact]
    public void The_list_of_entities_not_yet_converted_is_true()
    {
        var entities = Entities().ToDictionary(type => type.FullName!);
        Assert.All(NotYetConverted, name =>
        {
            Assert.True(entities.ContainsKey(name), $"{name} is no longer an entity: take it off the list");
            Assert.True(PublicSetters(entities[name]).Any(), $"{name} has no public setter any more: take it off the list");
        });
    }

    private static IEnumerable<Type> Entities() =>
        Solution.Modules.SelectMany(assembly => assembly.GetTypes())
            .Where(type => type is { IsClass: true, IsAbstract: false } && !type.Name.StartsWith('<')
                           && (type.Namespace?.EndsWith(".Domain", StringComparison.Ordinal) == true
                               || type.Namespace?.EndsWith(".ChangeRequests", StringComparison.Ordinal) == true)
                           && type.GetProperties(BindingFlags.Instance | BindingFlags.Public).Length > 0);

    /// <summary>Public setters that are not init-only (an init-only setter fixes a value when the entity is made).</summary>
    private static IEnumerable<PropertyInfo> PublicSetters(Type type) =>
        type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly)
            .Where(property => property.SetMethod is { IsPublic: true } setter
                               && !setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit"));
}
