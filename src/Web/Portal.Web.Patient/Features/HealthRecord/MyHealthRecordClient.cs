using System.Text.Json;
using Portal.Web.Components;
using Portal.Web.Components.Api;
using Portal.Web.Server.Api;
using Portal.Web.Patient.Features.Requests;

namespace Portal.Web.Patient.Features.HealthRecord;

/// <summary>The patient's allergies, medications and conditions: <c>GET/PATCH /api/portal/health-record</c>.</summary>
public sealed class MyHealthRecordClient(PortalWebApi api)
{
    public Task<ApiResult<MyHealthRecord>> GetAsync(Guid patientId) => api.GetAsync<MyHealthRecord>($"api/portal/health-record?patientId={patientId}");

    /// <summary>Sends the lists that differ from what the form started from (each list is replaced whole).</summary>
    public async Task<EditResult> SaveAsync(Guid patientId, int version, HealthRecordLists shown, HealthRecordLists typed)
    {
        var changes = FormChanges.Between(shown, typed);
        if (changes.Count == 0)
        {
            return EditResult.NothingChanged;
        }

        return EditResult.From(await api.SendAsync<EditAnswer>(HttpMethod.Patch, $"api/portal/health-record?patientId={patientId}", changes, $"\"{version}\""));
    }
}

/// <summary><c>GET /api/portal/health-record</c>.</summary>
public sealed record MyHealthRecord(
    Guid PatientId, IReadOnlyList<AllergyItem> Allergies, IReadOnlyList<MedicationItem> Medications, IReadOnlyList<ConditionItem> Conditions,
    UpdatePolicy UpdatePolicy, int Version)
{
    /// <summary>
    /// The lists as the patient last asked for them: a list with a change still waiting is the list that change asks
    /// for (as the API lists the request), so the next edit builds on it; the others as recorded.
    /// </summary>
    public HealthRecordLists AskedIn(IReadOnlyList<MyChangeRequest> pending)
    {
        var asked = pending.SelectMany(r => r.Changes).GroupBy(c => c.Field).ToDictionary(g => g.Key, g => g.Last().To);
        return new HealthRecordLists(
            Asked(asked, "allergies", Allergies), Asked(asked, "medications", Medications), Asked(asked, "conditions", Conditions));
    }

    private static IReadOnlyList<T> Asked<T>(Dictionary<string, JsonElement?> asked, string field, IReadOnlyList<T> recorded) =>
        asked.TryGetValue(field, out var to) && to is { ValueKind: JsonValueKind.Array } list
            ? list.Deserialize<List<T>>(ApiJson.Options) ?? [] : recorded;
}

/// <summary>Who recorded an entry of the health record (the API's <c>recordedBy</c>).</summary>
public static class RecordedByWhom
{
    /// <summary>Whether the practice recorded the entry (changing or removing it always waits for the practice).</summary>
    public static bool Practice(string? recordedBy) => string.Equals(recordedBy, "practice", StringComparison.Ordinal);
}
