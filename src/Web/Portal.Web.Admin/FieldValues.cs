using System.Text.Json;

namespace Portal.Web.Admin;

/// <summary>How a change request's fields and values read for a practitioner.</summary>
public static class FieldValues
{
    private static readonly Dictionary<string, string> Labels = new()
    {
        ["givenName"] = "Given name", ["familyName"] = "Family name", ["preferredName"] = "Preferred name", ["dateOfBirth"] = "Date of birth",
        ["sex"] = "Sex", ["email"] = "Email", ["mobilePhone"] = "Mobile phone", ["address"] = "Address", ["emergencyContact"] = "Emergency contact",
        ["allergies"] = "Allergies", ["medications"] = "Medications", ["conditions"] = "Conditions",
    };

    public static string Label(string field) => Labels.TryGetValue(field, out var label) ? label : field;

    /// <summary>The personal-details fields a practice can choose to approve always (in form order).</summary>
    public static readonly string[] ProfileFields =
        ["givenName", "familyName", "preferredName", "dateOfBirth", "sex", "email", "mobilePhone", "address", "emergencyContact"];

    /// <summary>A value as text: objects as their parts, lists one entry per line, nothing as "—".</summary>
    public static string Show(JsonElement? value) => value is not { } v ? "—" : v.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => "—",
        JsonValueKind.String => v.GetString() ?? "—",
        JsonValueKind.Array => v.GetArrayLength() == 0 ? "(none)" : string.Join("; ", v.EnumerateArray().Select(e => Show(e))),
        JsonValueKind.Object => string.Join(", ", v.EnumerateObject().Where(p => p.Value.ValueKind is not JsonValueKind.Null && p.Name != "recordedBy").Select(p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.ToString())),
        _ => v.ToString(),
    };
}
