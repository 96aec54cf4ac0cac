using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Modules.PatientProfile.ChangeRequests;
using Portal.Modules.PatientProfile.Contracts;

namespace Portal.Modules.PatientProfile.Features.Shared;

/// <summary>
/// One field of a change as the API shows it: <c>{field, from, to, entries}</c>. For a list of the health record
/// (allergies, medications, conditions) <c>entries</c> says entry by entry what was added, changed and removed, so
/// nobody has to compare two whole lists; for any other field it is null.
/// </summary>
public sealed record FieldChangeResponse(string Field, JsonNode? From, JsonNode? To, IReadOnlyList<EntryChange>? Entries)
{
    internal static FieldChangeResponse Of(FieldChange change) =>
        new(change.Field, change.From, change.To, EntriesOf(change.Field, change.From, change.To));

    private static IReadOnlyList<EntryChange>? EntriesOf(string field, JsonNode? from, JsonNode? to) => field switch
    {
        "allergies" => Compare<AllergyDto>(from, to),
        "medications" => Compare<MedicationDto>(from, to),
        "conditions" => Compare<ConditionDto>(from, to),
        _ => null,
    };

    private static List<EntryChange> Compare<T>(JsonNode? from, JsonNode? to)
        where T : class, IHealthEntry<T> =>
        HealthEntries.Compare(Read<T>(from), Read<T>(to))
            .Select(pair => new EntryChange(
                pair.Before is null ? EntryChangeKind.Added : pair.After is null ? EntryChangeKind.Removed : EntryChangeKind.Changed,
                Write(pair.Before), Write(pair.After)))
            .ToList();

    private static List<T> Read<T>(JsonNode? list) => list?.Deserialize<List<T>>(HealthRecordPart.Storage) ?? [];

    private static JsonNode? Write<T>(T? entry) => entry is null ? null : JsonSerializer.SerializeToNode(entry, HealthRecordPart.Storage);
}

/// <summary>One entry of a list that a change added (<c>from</c> null), changed or removed (<c>to</c> null).</summary>
public sealed record EntryChange(EntryChangeKind Change, JsonNode? From, JsonNode? To);
