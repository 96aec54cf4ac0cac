using Portal.Web.Components;
using Portal.Web.Components.Api;
using Portal.Web.Server.Api;

namespace Portal.Web.Admin.Features.PatientDetail;

/// <summary>What saving a patient's details came to.</summary>
public enum SaveOutcome
{
    Saved,
    /// <summary>Someone else saved the patient since the form was opened: nothing was saved.</summary>
    Stale,
    Refused,
}

public sealed record SaveAnswer(SaveOutcome Outcome, Patient? Patient, ApiProblem? Problem);

/// <summary>
/// One patient's record as the practice sees it: <c>GET</c>/<c>PUT /api/practice/patients/{id}</c> (the version guards
/// the edit) and <c>GET …/access-log</c>.
/// </summary>
public sealed class PatientRecordClient(PortalWebApi api)
{
    public Task<ApiResult<Patient>> GetAsync(Guid patientId) => api.GetAsync<Patient>($"api/practice/patients/{patientId}");

    public async Task<SaveAnswer> SaveDetailsAsync(Guid patientId, PatientFormModel details, int version)
    {
        var result = await api.SendAsync<Patient>(HttpMethod.Put, $"api/practice/patients/{patientId}", details.ToBody(version));
        return result.Problem switch
        {
            null => new SaveAnswer(SaveOutcome.Saved, result.Value, null),
            { Code: "patients.stale" } problem => new SaveAnswer(SaveOutcome.Stale, null, problem),
            var problem => new SaveAnswer(SaveOutcome.Refused, null, problem),
        };
    }

    public Task<ApiResult<HealthRecord>> HealthRecordAsync(Guid patientId) =>
        api.GetAsync<HealthRecord>($"api/practice/patients/{patientId}/health-record");

    public async Task<SaveAnswer> SaveHealthRecordAsync(Guid patientId, HealthRecordLists lists, int version)
    {
        var result = await api.SendAsync<HealthRecord>(HttpMethod.Put, $"api/practice/patients/{patientId}/health-record",
            new { allergies = lists.Allergies, medications = lists.Medications, conditions = lists.Conditions, version });
        return result.Problem switch
        {
            null => new SaveAnswer(SaveOutcome.Saved, null, null),
            { Code: "patients.stale" } problem => new SaveAnswer(SaveOutcome.Stale, null, problem),
            var problem => new SaveAnswer(SaveOutcome.Refused, null, problem),
        };
    }

    public Task<ApiResult<Page<AccessLogEntry>>> AccessLogAsync(Guid patientId, int page, int pageSize) =>
        api.GetAsync<Page<AccessLogEntry>>($"api/practice/patients/{patientId}/access-log?page={page}&pageSize={pageSize}");
}

public sealed record Patient(
    Guid Id, string GivenName, string FamilyName, string? PreferredName, DateOnly DateOfBirth, string? Sex, string? Email, string? MobilePhone,
    AddressDetails? Address, EmergencyContactDetails? EmergencyContact, Patients.PortalStatus PortalStatus, int Version)
{
    public PersonDetails Details => new(GivenName, FamilyName, PreferredName, DateOfBirth, Sex, Email, MobilePhone, Address, EmergencyContact);
}

public sealed record AccessLogEntry(DateTimeOffset At, string ActorName, string Action, string Subject);

public sealed record HealthRecord(Guid PatientId, IReadOnlyList<AllergyItem> Allergies, IReadOnlyList<MedicationItem> Medications, IReadOnlyList<ConditionItem> Conditions, int Version)
{
    public HealthRecordLists Lists => new(Allergies, Medications, Conditions);
}

/// <summary>Who recorded an entry of the health record (the API's <c>recordedBy</c>).</summary>
public static class RecordedByWhom
{
    public static bool Patient(string? recordedBy) => string.Equals(recordedBy, "patient", StringComparison.Ordinal);
}
