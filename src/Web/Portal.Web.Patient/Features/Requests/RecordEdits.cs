using System.Text.Json;
using Portal.Web.Components.Api;
using Portal.Web.Server.Api;

namespace Portal.Web.Patient.Features.Requests;

/// <summary>How the practice handles a patient's edits (the API's <c>updatePolicy</c>).</summary>
public enum UpdatePolicy
{
    RequireApproval,
    AutoUpdate,
    Disabled,
}

/// <summary>Where a change the patient asked for stands (the API's change-request <c>status</c>).</summary>
public enum ChangeStatus
{
    Pending,
    Approved,
    Rejected,
    Superseded,
    Withdrawn,
}

/// <summary>The parts of a record a change request is about, by the API's names.</summary>
public static class RecordParts
{
    public const string Profile = "profile";
    public const string HealthRecord = "healthRecord";
}

/// <summary>A change the patient asked for, as <c>GET /api/portal/change-requests</c> lists it.</summary>
public sealed record MyChangeRequest(
    Guid Id, string Subject, DateTimeOffset SubmittedAt, DateTimeOffset WaitingSince, ChangeStatus Status, IReadOnlyList<FieldChange> Changes,
    DateTimeOffset? DecidedAt, string? DecidedBy, string? Reason);

/// <summary>What an edit came to, in the page's terms.</summary>
public enum EditResultKind
{
    Applied,
    SentForApproval,
    PartlyApplied,
    Withdrawn,
    NothingChanged,
    Stale,
    Refused,
    Failed,
}

/// <summary>
/// An edit's result. Under auto update one edit can be both: <see cref="AppliedFields"/> applied at once,
/// <see cref="PendingFields"/> waiting for the practice.
/// </summary>
public sealed record EditResult(EditResultKind Kind, ApiProblem? Problem = null, IReadOnlyList<string>? AppliedFields = null, IReadOnlyList<string>? PendingFields = null)
{
    public static readonly EditResult NothingChanged = new(EditResultKind.NothingChanged);

    /// <summary>A PATCH's answer: <c>{outcome, changeRequestId, appliedFields, pendingFields}</c> or a problem.</summary>
    internal static EditResult From(ApiResult<EditAnswer> result) => result switch
    {
        { Problem.Code: "profile.stale" } => new(EditResultKind.Stale, result.Problem),
        { Problem.Code: "profile.updates-disabled" } => new(EditResultKind.Refused, result.Problem),
        { Problem: { } problem } => new(EditResultKind.Failed, problem),
        { Value: { Outcome: "pendingApproval", AppliedFields.Count: > 0 } answer } => new(EditResultKind.PartlyApplied, null, answer.AppliedFields, answer.PendingFields),
        { Value.Outcome: "pendingApproval" } => new(EditResultKind.SentForApproval),
        { Value.Outcome: "withdrawn" } => new(EditResultKind.Withdrawn),
        _ => new(EditResultKind.Applied),
    };
}

/// <summary>The body of a PATCH's answer.</summary>
internal sealed record EditAnswer(string Outcome, Guid? ChangeRequestId, IReadOnlyList<string>? AppliedFields = null, IReadOnlyList<string>? PendingFields = null);

/// <summary>The requests of one record: <c>/api/portal/change-requests</c>, and withdrawing one.</summary>
public sealed class ChangeRequestsClient(PortalWebApi api)
{
    /// <summary>One page of the patient's requests, newest first, optionally of one part of the record.</summary>
    public Task<ApiResult<Page<MyChangeRequest>>> PageAsync(Guid patientId, string? subject, int page, int pageSize) =>
        api.GetAsync<Page<MyChangeRequest>>(
            $"api/portal/change-requests?patientId={patientId}&page={page}&pageSize={pageSize}{(subject is null ? "" : "&subject=" + subject)}");

    /// <summary>The requests of one part still waiting for the practice, oldest first.</summary>
    public async Task<ApiResult<IReadOnlyList<MyChangeRequest>>> PendingAsync(Guid patientId, string subject)
    {
        var result = await api.GetAsync<Page<MyChangeRequest>>($"api/portal/change-requests?patientId={patientId}&status=pending&subject={subject}&pageSize=100");
        var pending = result.Value?.Items.Where(r => r.Status == ChangeStatus.Pending && r.Subject == subject).OrderBy(r => r.SubmittedAt).ToList();
        return new ApiResult<IReadOnlyList<MyChangeRequest>>(pending, result.Problem, result.Status);
    }

    /// <summary>Withdraws the waiting requests: nothing of them applies, the practice no longer sees them.</summary>
    public async Task<EditResult> WithdrawAsync(Guid patientId, IEnumerable<Guid> requestIds)
    {
        foreach (var id in requestIds)
        {
            var result = await api.PostAsync<JsonElement>($"api/portal/change-requests/{id}/withdraw");
            if (result.Problem is { } problem)
            {
                return new EditResult(EditResultKind.Failed, problem);
            }
        }

        return new EditResult(EditResultKind.Withdrawn);
    }
}
