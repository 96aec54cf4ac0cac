using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Modules.PortalSettings.Contracts;

/// <summary>
/// A set of record field names (e.g. <c>givenName</c>, <c>dateOfBirth</c>), compared by value and kept in one canonical
/// order, so two snapshots with the same fields are equal. On the wire it is a JSON array of names.
/// </summary>
[JsonConverter(typeof(FieldListJsonConverter))]
public sealed record FieldList
{
    /// <summary>Given and family name, date of birth and sex: who the record is about.</summary>
    public static readonly FieldList DefaultAlwaysApprove = Of(["givenName", "familyName", "dateOfBirth", "sex"]);

    public static readonly FieldList Empty = Of([]);

    private FieldList(string canonical) => Canonical = canonical;

    /// <summary>The names, sorted and comma-separated: how the set is stored.</summary>
    public string Canonical { get; }

    public IReadOnlyList<string> Names => Canonical.Length == 0 ? [] : Canonical.Split(',');

    public bool Contains(string field) => Names.Contains(field, StringComparer.Ordinal);

    public static FieldList Of(IEnumerable<string> names) =>
        new(string.Join(',', names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)));

    public static FieldList Parse(string canonical) => Of(canonical.Split(',', StringSplitOptions.RemoveEmptyEntries));

    public override string ToString() => Canonical;
}

internal sealed class FieldListJsonConverter : JsonConverter<FieldList>
{
    public override FieldList Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        FieldList.Of((JsonSerializer.Deserialize<List<string?>>(ref reader, options) ?? []).OfType<string>());

    public override void Write(Utf8JsonWriter writer, FieldList value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.Names, options);
}
