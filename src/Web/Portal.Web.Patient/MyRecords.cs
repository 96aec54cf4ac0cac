using Portal.Web.Components;
using Portal.Web.Components.Api;

namespace Portal.Web.Patient;

/// <summary>
/// The patient records on this account (one per practice) and the one the patient is looking at. Every portal call
/// names it with <c>?patientId=</c>, so an account with several practices always acts on the one shown.
/// </summary>
public sealed class MyRecords(PortalApi api)
{
    public IReadOnlyList<LinkedRecord> All { get; private set; } = [];
    public LinkedRecord? Current { get; private set; }
    public ApiProblem? Problem { get; private set; }

    public event Action? Changed;

    /// <summary>Loads the account's records; a failed load keeps what was shown (and says so), never switches practice.</summary>
    public async Task LoadAsync()
    {
        var result = await api.GetAsync<IReadOnlyList<LinkedRecord>>("api/portal/profiles");
        Problem = result.Problem;
        if (result.Value is not { } records)
        {
            Changed?.Invoke();
            return;
        }

        All = records;
        Current = All.FirstOrDefault(r => r.PatientId == Current?.PatientId) ?? All.FirstOrDefault();
        Changed?.Invoke();
    }

    public void Select(Guid patientId)
    {
        if (All.FirstOrDefault(r => r.PatientId == patientId) is { } selected && selected != Current)
        {
            Current = selected;
            Changed?.Invoke();
        }
    }

    /// <summary>Forgets everything (sign-out): nothing of the last patient stays in this tab.</summary>
    public void Clear()
    {
        (All, Current, Problem) = ([], null, null);
        Changed?.Invoke();
    }

    /// <summary>A portal route for the current record: <c>api/portal/profile?patientId=…</c>.</summary>
    public string Route(string path) => Current is null ? path : RouteFor(Current.PatientId, path);

    /// <summary>A portal route for one record, whichever is shown now (a save goes to the record it was made on).</summary>
    public static string RouteFor(Guid patientId, string path) =>
        $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}patientId={patientId}";

    /// <summary>How a record is named in the switcher: the practice, and the person when one practice has several.</summary>
    public string LabelOf(LinkedRecord record) =>
        All.Count(r => r.PracticeGroupId == record.PracticeGroupId) > 1 ? $"{record.GivenName} {record.FamilyName} — {record.PracticeName}" : record.PracticeName;
}

public sealed record LinkedRecord(Guid PatientId, Guid PracticeGroupId, string PracticeName, string GivenName, string FamilyName);

public sealed record MyProfile(
    Guid PatientId, string GivenName, string FamilyName, string? PreferredName, DateOnly DateOfBirth, string? Sex, string? Email, string? MobilePhone,
    AddressDetails? Address, EmergencyContactDetails? EmergencyContact, string UpdatePolicy, int Version,
    IReadOnlyList<string>? FieldsNeedingApproval = null)
{
    public PersonDetails Details => new(GivenName, FamilyName, PreferredName, DateOfBirth, Sex, Email, MobilePhone, Address, EmergencyContact);
}

public sealed record MyHealthRecord(
    Guid PatientId, IReadOnlyList<AllergyItem> Allergies, IReadOnlyList<MedicationItem> Medications, IReadOnlyList<ConditionItem> Conditions,
    string UpdatePolicy, int Version)
{
    public HealthRecordLists Lists => new(Allergies, Medications, Conditions);
}

/// <summary>
/// The answer to an edit. Under auto update one edit can be both: <paramref name="AppliedFields"/> applied at once,
/// <paramref name="PendingFields"/> waiting for the practice (fields it always approves, or entries it recorded).
/// </summary>
public sealed record EditOutcome(string Outcome, Guid? ChangeRequestId, IReadOnlyList<string>? AppliedFields = null, IReadOnlyList<string>? PendingFields = null)
{
    public bool PartlyApplied => Outcome == "pendingApproval" && AppliedFields is { Count: > 0 };
}

public sealed record MyChangeRequest(
    Guid Id, string Subject, DateTimeOffset SubmittedAt, DateTimeOffset WaitingSince, string Status, IReadOnlyList<FieldChange> Changes, DateTimeOffset? DecidedAt, string? DecidedBy, string? Reason);

public sealed record AccessLogEntry(DateTimeOffset At, string ActorName, string Action, string Subject);

public sealed record InvitationDetails(string PracticeName, string GivenName, string Email, DateTimeOffset ExpiresAt, bool AccountExists);
