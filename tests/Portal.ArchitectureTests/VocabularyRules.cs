using System.Reflection;
using System.Text.Json.Serialization;
using Portal.Shared.Abstractions;
using Xunit;

namespace Portal.ArchitectureTests;

/// <summary>
/// Contracts own the vocabulary (docs/architecture.md, "Where the vocabulary lives"): the words a client or another
/// module relies on (record parts, notification kinds, statuses, outcomes) are enums in a Contracts assembly, and those
/// that travel in integration events are stored as the API says them, camelCase words, never numbers.
/// </summary>
public sealed class VocabularyRules
{
    /// <summary>Public enums of a module that are not vocabulary: nobody outside the module reads or sends them.</summary>
    private static readonly string[] NotVocabulary =
    [
        "Portal.Modules.Identity.Features.SecurityLogScope",   // which log a query reads, chosen by the route
    ];

    /// <summary>
    /// Enums in events that rows already in outboxes hold as numbers (they travelled before they had a converter): they
    /// carry the converter that writes words and still reads those numbers.
    /// </summary>
    private static readonly string[] StoredAsNumbersBefore =
    [
        "Portal.Modules.PortalSettings.Contracts.PatientUpdatePolicy",
    ];

    [Fact]
    public void A_modules_public_enums_live_in_its_contracts()
    {
        var moduleEnums = Solution.Modules.SelectMany(assembly => assembly.GetTypes()).Where(type => type.IsEnum).ToList();
        Assert.True(moduleEnums.Count >= 3, "no enums found in the modules: the rule would check nothing");
        Assert.True(Solution.Contracts.SelectMany(assembly => assembly.GetTypes()).Count(type => type is { IsEnum: true, IsPublic: true }) >= 8,
            "the Contracts hold fewer vocabulary enums than they did: has the rule lost its assemblies?");

        var offenders = moduleEnums.Where(type => type.IsVisible && !NotVocabulary.Contains(type.FullName)).Select(type => type.FullName).ToList();
        Assert.True(offenders.Count == 0,
            "a public enum of a module is vocabulary that clients or other modules rely on: move it to the module's Contracts: " + string.Join(", ", offenders));
    }

    [Fact]
    public void The_list_of_public_enums_that_are_not_vocabulary_is_true()
    {
        var visible = Solution.Modules.SelectMany(assembly => assembly.GetTypes()).Where(type => type is { IsEnum: true, IsVisible: true })
            .Select(type => type.FullName).ToHashSet();
        Assert.All(NotVocabulary, name => Assert.True(visible.Contains(name), $"{name} is no longer a public enum of a module: take it off the list"));
    }

    [Fact]
    public void Enums_in_integration_events_are_stored_as_camel_case_words()
    {
        var enums = EventEnums().Where(type => !StoredAsNumbersBefore.Contains(type.FullName)).ToList();
        Assert.True(enums.Count >= 4, "no enums found in integration events: the rule would check nothing");

        var offenders = enums.Where(type => !HasCamelCaseConverter(type)).Select(type => type.FullName).ToList();
        Assert.True(offenders.Count == 0,
            "the outbox stores events without an enum converter, so these would be stored as numbers: give each " +
            "[JsonConverter(typeof(CamelCaseEnumConverter<T>))]: " + string.Join(", ", offenders));
    }

    [Fact]
    public void Enums_once_stored_as_numbers_write_words_and_read_the_old_numbers()
    {
        var enums = EventEnums().ToDictionary(type => type.FullName!);
        Assert.All(StoredAsNumbersBefore, name =>
        {
            Assert.True(enums.ContainsKey(name), $"{name} travels in no event any more: take it off the list");
            Assert.True(HasConverter(enums[name], typeof(CamelCaseEnumReadingNumbersConverter<>)),
                $"{name} was stored as numbers: it needs [JsonConverter(typeof(CamelCaseEnumReadingNumbersConverter<T>))]");
        });
    }

    private static bool HasCamelCaseConverter(Type enumType) => HasConverter(enumType, typeof(CamelCaseEnumConverter<>));

    private static bool HasConverter(Type enumType, Type converter) =>
        enumType.GetCustomAttribute<JsonConverterAttribute>()?.ConverterType == converter.MakeGenericType(enumType);

    /// <summary>Every enum an integration event carries, in its own members or those of the records it holds.</summary>
    private static HashSet<Type> EventEnums()
    {
        var events = Solution.Contracts.Concat(Solution.Modules).SelectMany(assembly => assembly.GetTypes())
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IIntegrationEvent).IsAssignableFrom(type))
            .ToList();
        Assert.True(events.Count >= 10, "no integration events found");

        var found = new HashSet<Type>();
        var seen = new HashSet<Type>();
        var queue = new Queue<Type>(events);
        while (queue.Count > 0)
        {
            var type = queue.Dequeue();
            if (!seen.Add(type))
            {
                continue;
            }

            if (Nullable.GetUnderlyingType(type) is { } underlying)
            {
                queue.Enqueue(underlying);
            }
            else if (type.IsEnum)
            {
                found.Add(type);
            }
            else if (type.IsGenericType)
            {
                foreach (var argument in type.GetGenericArguments())
                {
                    queue.Enqueue(argument);
                }
            }
            else if (type.Namespace?.StartsWith("Portal.", StringComparison.Ordinal) == true)
            {
                foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public))
                {
                    queue.Enqueue(property.PropertyType);
                }
            }
        }

        return found;
    }
}
