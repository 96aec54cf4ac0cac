using System.Text.Json.Nodes;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Shared.Abstractions;

namespace Portal.Modules.PatientProfile.ChangeRequests;

/// <summary>
/// A patient's proposed change to part of their record (<see cref="Subject"/>, e.g. <c>profile</c>), waiting for a
/// practitioner of the practice to approve or reject it. PatientProfile owns every change request of a patient's
/// record, whichever module keeps the part: each part is described as JSON fields, so the comparison, the carry, the
/// conflict check and the decision rules are written once, here (docs/decisions/0011-change-requests-owned-by-patient-profile.md).
/// </summary>
internal sealed class ChangeRequest
{
    public Guid Id { get; init; }
    public Guid PracticeGroupId { get; init; }
    public Guid PatientId { get; init; }
    public RecordPart Subject { get; init; }
    public Guid SubmittedBy { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }

    /// <summary>
    /// When the patient first asked for what this request carries: <see cref="SubmittedAt"/>, or earlier when it
    /// replaced older requests. The queue and the reminders go by it, so editing a wish never sends it to the back.
    /// </summary>
    public DateTimeOffset WaitingSince { get; init; }

    /// <summary>Each changed field with its value when the request was made and the value asked for.</summary>
    public IReadOnlyList<FieldChange> Changes { get; init; } = [];

    /// <summary>Also the concurrency token: of two decisions made at once, one finds the request no longer pending.</summary>
    public ChangeRequestStatus Status { get; private set; } = ChangeRequestStatus.Pending;

    public Guid? DecidedBy { get; private set; }
    public string? DecidedByName { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? Reason { get; private set; }

    /// <summary>Approved although some fields had changed since the request (the practitioner chose "apply anyway").</summary>
    public bool Forced { get; private set; }

    /// <summary>A new request; <paramref name="replacing"/> are the patient's pending requests it carries on (see <see cref="Carry"/>).</summary>
    public static ChangeRequest Submit(Guid practiceGroupId, Guid patientId, RecordPart subject, IReadOnlyList<FieldChange> changes,
        Guid submittedBy, DateTimeOffset now, IReadOnlyList<ChangeRequest>? replacing = null)
    {
        var request = new ChangeRequest
        {
            Id = Guid.CreateVersion7(),
            PracticeGroupId = practiceGroupId,
            PatientId = patientId,
            Subject = subject,
            Changes = changes,
            SubmittedBy = submittedBy,
            SubmittedAt = now,
            WaitingSince = replacing is { Count: > 0 } ? replacing.Min(r => r.WaitingSince) : now,
        };
        foreach (var replaced in replacing ?? [])
        {
            replaced.Close(ChangeRequestStatus.Superseded, now);
        }

        return request;
    }

    /// <summary>
    /// What a patient asks for when they edit again while <paramref name="pending"/> requests (oldest first) wait:
    /// the pending wishes with <paramref name="proposed"/> on top, each field compared with <paramref name="current"/>.
    /// A field the new edit did not touch keeps the "from" the patient first saw, so a change the practice made since
    /// is still a named conflict at approval; a field whose wish is today's value drops out. With nothing pending, it is
    /// simply the edited fields whose value changes.
    /// </summary>
    public static IReadOnlyList<FieldChange> Carry(
        JsonObject current, JsonObject proposed, IReadOnlyList<ChangeRequest> pending, IReadOnlyCollection<string> editedFields)
    {
        var firstSeen = new Dictionary<string, JsonNode?>();
        foreach (var change in pending.SelectMany(r => r.Changes))
        {
            firstSeen.TryAdd(change.Field, change.From);
        }

        return firstSeen.Keys.Concat(editedFields)
            .Distinct()
            .Where(field => !JsonNode.DeepEquals(current[field], proposed[field]))
            .Select(field => new FieldChange(field,
                (editedFields.Contains(field) ? current[field] : firstSeen[field])?.DeepClone(),
                proposed[field]?.DeepClone()))
            .ToList();
    }

    /// <summary>
    /// The fields whose current value is no longer the one the patient saw when they asked for the change. A field that
    /// already holds the value asked for is not one: approving changes nothing there (the practice made the same change,
    /// or a decision interrupted after the part's own module applied it is made again).
    /// </summary>
    public IReadOnlyList<string> FieldsChangedSince(JsonObject current) =>
        Changes.Where(change => !JsonNode.DeepEquals(current[change.Field], change.From) && !JsonNode.DeepEquals(current[change.Field], change.To))
            .Select(change => change.Field).ToList();

    /// <summary>
    /// Approves the request and answers the record's new value: <paramref name="current"/> with the requested values.
    /// Fails with <c>change-requests.conflict</c> (naming the fields) when a field changed since the request, unless
    /// <paramref name="force"/>; with <c>change-requests.already-decided</c> when it is no longer pending.
    /// </summary>
    public Result<JsonObject> Approve(JsonObject current, bool force, Guid practitionerId, string practitionerName, DateTimeOffset now)
    {
        if (Status != ChangeRequestStatus.Pending)
        {
            return ChangeRequestErrors.NotPending(Status);
        }

        var changedSince = FieldsChangedSince(current);
        if (changedSince.Count > 0 && !force)
        {
            return ChangeRequestErrors.Conflict(changedSince);
        }

        var updated = AppliedTo(current);
        Decide(ChangeRequestStatus.Approved, practitionerId, practitionerName, now, reason: null);
        Forced = changedSince.Count > 0;
        return updated;
    }

    /// <summary>A copy of <paramref name="record"/> with the values this request asks for.</summary>
    public JsonObject AppliedTo(JsonObject record)
    {
        var updated = record.DeepClone().AsObject();
        foreach (var change in Changes)
        {
            updated[change.Field] = change.To?.DeepClone();
        }

        return updated;
    }

    /// <summary>True when this request asks for exactly <paramref name="changes"/> (same fields, same before and after).</summary>
    public bool AsksFor(IReadOnlyList<FieldChange> changes) =>
        changes.Count == Changes.Count
        && changes.All(change => Changes.Any(mine => mine.Field == change.Field
                                                     && JsonNode.DeepEquals(mine.From, change.From) && JsonNode.DeepEquals(mine.To, change.To)));

    /// <summary>
    /// The patient no longer wants it (they withdrew it, or set every field back to today's value): nothing is left to
    /// decide. Only a pending request can be withdrawn.
    /// </summary>
    public Result Withdraw(DateTimeOffset now)
    {
        if (Status != ChangeRequestStatus.Pending)
        {
            return ChangeRequestErrors.NotPending(Status);
        }

        Close(ChangeRequestStatus.Withdrawn, now);
        return Result.Success();
    }

    private void Close(ChangeRequestStatus status, DateTimeOffset now)
    {
        if (Status == ChangeRequestStatus.Pending)
        {
            Status = status;
            DecidedAt = now;
        }
    }

    public Result Reject(string reason, Guid practitionerId, string practitionerName, DateTimeOffset now)
    {
        if (Status != ChangeRequestStatus.Pending)
        {
            return ChangeRequestErrors.NotPending(Status);
        }

        Decide(ChangeRequestStatus.Rejected, practitionerId, practitionerName, now, reason);
        return Result.Success();
    }

    private void Decide(ChangeRequestStatus status, Guid practitionerId, string practitionerName, DateTimeOffset now, string? reason)
    {
        Status = status;
        DecidedBy = practitionerId;
        DecidedByName = practitionerName;
        DecidedAt = now;
        Reason = reason;
    }
}

internal static class ChangeRequestErrors
{
    public const string ConflictCode = "change-requests.conflict";
    public const string AlreadyDecidedCode = "change-requests.already-decided";
    public const string SupersededCode = "change-requests.superseded";

    public static readonly Error NotFound =
        Error.NotFound("change-requests.not-found", "No such change request in your practice.");

    public static readonly Error AlreadyDecided =
        Error.Conflict(AlreadyDecidedCode, "This change request has already been approved or rejected.");

    public static readonly Error Superseded =
        Error.Conflict(SupersededCode, "The patient replaced this change request with a newer one, which is in the approvals queue.");

    public static readonly Error Withdrawn =
        Error.Conflict("change-requests.withdrawn", "The patient withdrew this change request: their record stays as it is.");

    /// <summary>Why a request that is no longer pending cannot be decided.</summary>
    public static Error NotPending(ChangeRequestStatus status) => status switch
    {
        ChangeRequestStatus.Superseded => Superseded,
        ChangeRequestStatus.Withdrawn => Withdrawn,
        _ => AlreadyDecided,
    };

    public static Error Conflict(IReadOnlyList<string> fields) =>
        Error.Conflict(ConflictCode,
            $"The record changed since the patient asked for this change ({string.Join(", ", fields)}). Approve with force to apply it anyway.")
        with { Extensions = new Dictionary<string, object?> { ["fields"] = fields } };
}
