using System.Text.Json;
using Portal.Web.Admin.Features.Shared;
using Portal.Web.Components.Api;
using Portal.Web.Server.Api;

namespace Portal.Web.Admin.Features.Approvals;

/// <summary>What deciding a change request came to.</summary>
public enum DecisionOutcome
{
    Approved,
    Rejected,
    /// <summary>A field changed since the patient asked: nothing applied; approving with force overwrites it.</summary>
    Conflict,
    /// <summary>Someone else decided it first.</summary>
    AlreadyDecided,
    /// <summary>The patient replaced it with a newer request (in the queue).</summary>
    Superseded,
    /// <summary>The patient withdrew it.</summary>
    Withdrawn,
    Refused,
}

/// <summary>A field that changed since the patient asked, and what the record says now.</summary>
public sealed record ConflictingField(string Field, JsonElement? Now);

public sealed record DecisionAnswer(DecisionOutcome Outcome, ApiProblem? Problem, IReadOnlyList<ConflictingField> Conflicts)
{
    /// <summary>Whether the request is no longer waiting (decided here or elsewhere, replaced or withdrawn).</summary>
    public bool LeftTheQueue => Outcome is not (DecisionOutcome.Conflict or DecisionOutcome.Refused);
}

/// <summary>
/// The approvals queue: <c>GET /api/practice/change-requests?status=pending</c>, <c>POST …/{id}/approve</c> (<c>{force}</c>)
/// and <c>POST …/{id}/reject</c> (<c>{reason}</c>). The server decides and merges; this client only says what it answered.
/// </summary>
public sealed class ApprovalsClient(PortalWebApi api)
{
    public const int PageSize = 20;

    public Task<ApiResult<Page<ChangeRequest>>> PendingAsync(int page) =>
        api.GetAsync<Page<ChangeRequest>>($"api/practice/change-requests?status=pending&page={Math.Max(1, page)}&pageSize={PageSize}");

    public async Task<DecisionAnswer> ApproveAsync(ChangeRequest request, bool force)
    {
        var result = await api.PostAsync<ChangeRequest>($"api/practice/change-requests/{request.Id}/approve", new { force });
        if (result.Problem is { Code: "change-requests.conflict" } conflict)
        {
            return new DecisionAnswer(DecisionOutcome.Conflict, conflict, await ConflictsAsync(request, FieldsOf(conflict)));
        }

        return Answer(result, DecisionOutcome.Approved);
    }

    public async Task<DecisionAnswer> RejectAsync(Guid requestId, string reason) =>
        Answer(await api.PostAsync<ChangeRequest>($"api/practice/change-requests/{requestId}/reject", new { reason }), DecisionOutcome.Rejected);

    private static DecisionAnswer Answer(ApiResult<ChangeRequest> result, DecisionOutcome success) => result.Problem switch
    {
        null => new DecisionAnswer(success, null, []),
        { Code: "change-requests.already-decided" } p => new DecisionAnswer(DecisionOutcome.AlreadyDecided, p, []),
        { Code: "change-requests.superseded" } p => new DecisionAnswer(DecisionOutcome.Superseded, p, []),
        { Code: "change-requests.withdrawn" } p => new DecisionAnswer(DecisionOutcome.Withdrawn, p, []),
        var p => new DecisionAnswer(DecisionOutcome.Refused, p, []),
    };

    /// <summary>The fields the 409 names (its <c>fields</c> member).</summary>
    private static IReadOnlyList<string> FieldsOf(ApiProblem conflict) =>
        conflict.Extension is { } body && body.TryGetProperty("fields", out var fields) && fields.ValueKind == JsonValueKind.Array
            ? fields.EnumerateArray().Select(f => f.GetString()).OfType<string>().ToList()
            : [];

    /// <summary>What the record says today for each conflicting field (read, not merged: the server applies).</summary>
    private async Task<IReadOnlyList<ConflictingField>> ConflictsAsync(ChangeRequest request, IReadOnlyList<string> fields)
    {
        var current = await api.GetAsync<JsonElement>(request.Subject switch
        {
            RecordPart.HealthRecord => $"api/practice/patients/{request.PatientId}/health-record",
            RecordPart.Funding => $"api/practice/patients/{request.PatientId}/funding",
            _ => $"api/practice/patients/{request.PatientId}",
        });
        return fields.Select(field => new ConflictingField(field,
                current.IsSuccess && current.Value.ValueKind == JsonValueKind.Object && current.Value.TryGetProperty(field, out var now) ? now.Clone() : null))
            .ToList();
    }
}

/// <summary>A patient's change waiting for the practice, with each field before and after.</summary>
public sealed record ChangeRequest(
    Guid Id, Guid PatientId, string PatientName, RecordPart Subject, DateTimeOffset SubmittedAt, DateTimeOffset WaitingSince, IReadOnlyList<FieldChange> Changes)
{
    /// <summary>The part's name in the server's vocabulary (<c>profile</c>, <c>healthRecord</c>, <c>funding</c>).</summary>
    public string SubjectName => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(Subject.ToString());
}

/// <summary>What happened to one entry of a list (the API's entry <c>change</c>).</summary>
public enum EntryKind
{
    Added,
    Changed,
    Removed,
}
