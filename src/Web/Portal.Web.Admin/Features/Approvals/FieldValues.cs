using System.Text.Json;

namespace Portal.Web.Admin.Features.Approvals;

/// <summary>How a change's values read for a practitioner (the fields' names are the server's: <see cref="Shared.RecordTerms"/>).</summary>
public static class FieldValues
{
    /// <summary>A value as text: objects as their parts, lists one entry after another, nothing as "—".</summary>
    public static string Show(JsonElement? value) => value is not { } v ? "—" : v.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => "—",
        JsonValueKind.String => v.GetString() ?? "—",
        JsonValueKind.Array => v.GetArrayLength() == 0 ? "(none)" : string.Join("; ", v.EnumerateArray().Select(e => Show(e))),
        JsonValueKind.Object => string.Join(", ", v.EnumerateObject()
            .Where(p => p.Value.ValueKind is not JsonValueKind.Null && p.Name != "recordedBy")
            .Select(p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.ToString())),
        _ => v.ToString(),
    };
}
