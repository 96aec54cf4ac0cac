using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.PatientProfile.ChangeRequests;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Modules.PatientProfile.Data;
using Portal.Modules.PatientProfile.Domain;
using Portal.Modules.PortalSettings.Contracts;
using Portal.Shared.Abstractions;
using Portal.Shared.Messaging;

namespace Portal.Modules.PatientProfile.Features.Shared;

/// <summary>What a patient's edit of their record leads to; 200 when applied, 202 when pending approval.</summary>
public interface IPortalEdit
{
    EditOutcome Outcome { get; }
    Guid? ChangeRequestId { get; }
    IReadOnlyList<string> AppliedFields { get; }
    IReadOnlyList<string> PendingFields { get; }
}

/// <summary>
/// What became of a patient's edit of one record: <c>{patientId, outcome, changeRequestId?, code?, appliedFields, pendingFields}</c>.
/// Under auto update one edit can do both: the fields the practice always approves wait, the others apply.
/// </summary>
public sealed record RecordEditResult(Guid PatientId, EditOutcome Outcome, Guid? ChangeRequestId = null, string? Code = null, string? Message = null)
{
    public IReadOnlyList<string> AppliedFields { get; init; } = [];
    public IReadOnlyList<string> PendingFields { get; init; } = [];
}

/// <summary>
/// A patient's edit of part of their record, under the policy each record's practice has at this moment:
/// <c>autoUpdate</c> applies it and tells the practice, <c>requireApproval</c> stores a change request with each
/// field's before and after and tells the practitioners, <c>disabled</c> refuses it. Even under <c>autoUpdate</c> the
/// fields on the practice's "always approve" list, and changes to health-record entries the practice recorded, wait
/// for approval while the rest applies. An invalid patch changes no record; an edit that changes nothing is "applied"
/// without a request or a notification. A patient has at most one pending request per part of the record: a new
/// edit replaces it with one that carries both.
/// </summary>
internal sealed class PortalRecordEditor(
    PatientProfileDbContext db, PortalPatientSelector selector, RecordHistory history, ICurrentUser currentUser, TimeProvider clock)
{
    public static readonly Error UpdatesDisabled =
        Error.Forbidden("profile.updates-disabled", "Your practice does not accept changes online. Please contact the practice.");

    public static readonly Error Stale = Error.PreconditionFailed("profile.stale",
        "Your record changed since you opened it (If-Match). Reload it, then make your change again.");

    public static readonly Error ChangedMeanwhile = Error.PreconditionFailed("profile.stale",
        "Your record changed while your change was being saved. Reload it, then make your change again.");

    /// <summary>
    /// One record (the <c>patientId</c> selection rule): a refusal is the answer's error. With
    /// <paramref name="expectedVersion"/> (<c>If-Match</c>) the edit is made only on the version the patient saw.
    /// </summary>
    public async Task<Result<(RecordEditResult Result, PortalPatientContext Patient)>> EditOneAsync(
        IRecordPart part, Guid? patientId, JsonObject patch, int? expectedVersion, CancellationToken cancellationToken)
    {
        var selected = await selector.SelectAsync(patientId, cancellationToken);
        if (selected.IsFailure)
        {
            return selected.Error!;
        }

        var results = await EditAsync(part, [selected.Value], patch, expectedVersion, cancellationToken);
        if (results.IsFailure)
        {
            return results.Error!;
        }

        var result = results.Value[0];
        return result.Outcome == EditOutcome.Refused ? UpdatesDisabled : (result, selected.Value);
    }

    /// <summary>Several records at once: each under its own practice's policy, the outcome per record.</summary>
    public async Task<Result<IReadOnlyList<RecordEditResult>>> EditManyAsync(IRecordPart part, IReadOnlyCollection<Guid> patientIds, JsonObject patch, CancellationToken cancellationToken)
    {
        var selected = await selector.SelectManyAsync(patientIds, cancellationToken);
        return selected.IsFailure ? selected.Error! : await EditAsync(part, selected.Value, patch, expectedVersion: null, cancellationToken);
    }

    private async Task<Result<IReadOnlyList<RecordEditResult>>> EditAsync(
        IRecordPart part, IReadOnlyList<PortalPatientContext> targets, JsonObject patch, int? expectedVersion, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var results = new List<RecordEditResult>();
        var keptElsewhere = new List<PatientRecord>();
        foreach (var target in targets)
        {
            if (!target.Settings.PortalEnabled)
            {
                results.Add(Refused(target, PortalPatientSelector.PortalDisabled));
                continue;
            }

            if (target.Settings.PatientUpdates == PatientUpdatePolicy.Disabled)
            {
                results.Add(Refused(target, UpdatesDisabled));
                continue;
            }

            // The pending requests are read before the record: a decision saved in between then fails this save
            // (the request's status is its concurrency token) instead of leaving "from" values that are out of date.
            var pending = await PendingRequestsAsync(target, part, cancellationToken);
            var record = await PatientRecord.LoadAsync(db, target.PracticeGroupId, target.PatientId, cancellationToken);
            if (record is null)
            {
                return PortalPatientSelector.NotFound;
            }

            await part.LoadAsync(record, cancellationToken);
            if (expectedVersion is { } expected && part.VersionOf(record) != expected)
            {
                return Stale;
            }

            var current = part.Read(record);
            var edited = patch.Select(field => field.Key).ToList();
            var proposal = target.Settings.PatientUpdates == PatientUpdatePolicy.RequireApproval
                ? ProposeForApproval(part, current, pending, patch)
                : ProposeUnderAutoUpdate(part, current, pending, patch, target.Settings);
            if (proposal.IsFailure)
            {
                return proposal.Error!;   // nothing is saved: the unit of work commits only a success
            }

            var (applicable, proposed) = proposal.Value;
            var applied = FieldsOf(current, applicable).Where(field => !JsonNode.DeepEquals(current[field], applicable[field])).ToList();
            if (applied.Count > 0)
            {
                history.Apply(part, record, applicable, now, VersionSource.PatientEdit);
                if (part.IsKeptElsewhere)
                {
                    keptElsewhere.Add(record);
                }

                db.Publish(new PatientRecordUpdatedByPatient(
                    Guid.CreateVersion7(), now, target.PatientId, target.PracticeGroupId, record.PatientName, part.Subject, applied));
                applicable = part.Read(record);
            }

            if (proposed is null)
            {
                // Applied at once; nothing of this edit waits, and what already waited is left as it was.
                results.Add(new RecordEditResult(target.PatientId, EditOutcome.Applied) { AppliedFields = applied });
                continue;
            }

            var waiting = ChangeRequest.Carry(applicable, proposed, pending, edited);
            var waitingFields = waiting.Select(c => c.Field).ToList();
            if (pending.Count == 1 && pending[0].AsksFor(waiting))
            {
                // Asked again: nothing new waits.
                results.Add(new RecordEditResult(target.PatientId, EditOutcome.PendingApproval, pending[0].Id) { AppliedFields = applied, PendingFields = waitingFields });
                continue;
            }

            if (waiting.Count == 0)
            {
                pending.ForEach(request => request.Withdraw(now));   // all pending: each withdrawal succeeds
                if (pending.Count > 0)
                {
                    db.Publish(new PatientChangeWithdrawn(
                        Guid.CreateVersion7(), now, pending.Select(r => r.Id).ToList(), target.PatientId, target.PracticeGroupId, record.PatientName, part.Subject));
                }

                // Nothing waits: the record now is as asked (or already was).
                var outcome = pending.Count > 0 && applied.Count == 0 ? EditOutcome.Withdrawn : EditOutcome.Applied;
                results.Add(new RecordEditResult(target.PatientId, outcome) { AppliedFields = applied });
                continue;
            }

            var request = ChangeRequest.Submit(target.PracticeGroupId, target.PatientId, part.Subject, waiting, currentUser.UserId, now, replacing: pending);
            db.ChangeRequests.Add(request);
            db.Publish(new PatientChangeRequested(Guid.CreateVersion7(), now, request.Id, target.PatientId, target.PracticeGroupId,
                record.PatientName, part.Subject, waitingFields, Replaces: pending.Select(r => r.Id).ToList()));
            results.Add(new RecordEditResult(target.PatientId, EditOutcome.PendingApproval, request.Id) { AppliedFields = applied, PendingFields = waitingFields });
        }

        if (keptElsewhere.Count == 0)
        {
            return results;   // the unit of work saves PatientProfile's side
        }

        var saved = await history.SaveAsync(part, keptElsewhere, now, ct => PracticeRecordSave.SaveAsync(db, ct, ChangedMeanwhile), ChangedMeanwhile, cancellationToken);
        return saved.IsFailure ? saved.Error! : results;
    }

    /// <summary>
    /// Under approval nothing applies now (<c>Applicable</c> is the record as it is); the edit goes on top of what the
    /// patient already asked for, so one request carries all of it.
    /// </summary>
    private static Result<(JsonObject Applicable, JsonObject? Proposed)> ProposeForApproval(
        IRecordPart part, JsonObject current, IReadOnlyList<ChangeRequest> pending, JsonObject patch)
    {
        var merged = part.Merge(pending.Aggregate(current, (asked, request) => request.AppliedTo(asked)), patch);
        return merged.IsFailure ? merged.Error! : (current, merged.Value);
    }

    /// <summary>
    /// Under auto update the edit applies at once, except the fields (or health-record entries) the practice always
    /// approves. Those wait, together with what the patient already asked for (the patient's latest word on a field
    /// wins). <c>Proposed</c> is null when nothing of the edit waits and it touches nothing that already waits: the
    /// pending requests are then left as they are.
    /// </summary>
    private static Result<(JsonObject Applicable, JsonObject? Proposed)> ProposeUnderAutoUpdate(
        IRecordPart part, JsonObject current, IReadOnlyList<ChangeRequest> pending, JsonObject patch, PortalSettingsSnapshot settings)
    {
        var merged = part.Merge(current, patch);
        if (merged.IsFailure)
        {
            return merged.Error!;
        }

        var applicable = part.ApplicableAtOnce(current, merged.Value, settings);
        var waitsNow = FieldsOf(applicable, merged.Value).Where(field => !JsonNode.DeepEquals(applicable[field], merged.Value[field])).ToList();
        var touchesPending = pending.Any(request => request.Changes.Any(change => patch.ContainsKey(change.Field)));
        if (waitsNow.Count == 0 && !touchesPending)
        {
            return (applicable, (JsonObject?)null);
        }

        var proposed = applicable.DeepClone().AsObject();
        foreach (var change in pending.SelectMany(request => request.Changes).Where(change => !patch.ContainsKey(change.Field)))
        {
            proposed[change.Field] = change.To?.DeepClone();
        }

        foreach (var field in waitsNow)
        {
            proposed[field] = merged.Value[field]?.DeepClone();
        }

        return (applicable, proposed);
    }

    /// <summary>
    /// The fields either value has: a part kept elsewhere leaves out what the patient has not given (funding schemes),
    /// so a field can be new on one side (given) or missing on the other (removed).
    /// </summary>
    private static IEnumerable<string> FieldsOf(JsonObject one, JsonObject other) =>
        one.Select(field => field.Key).Union(other.Select(field => field.Key), StringComparer.Ordinal);

    /// <summary>The patient's undecided requests for this part of the record, oldest first (tracked: a new edit replaces them).</summary>
    private Task<List<ChangeRequest>> PendingRequestsAsync(PortalPatientContext target, IRecordPart part, CancellationToken cancellationToken) =>
        db.ChangeRequests
            .Where(r => r.PatientId == target.PatientId && r.PracticeGroupId == target.PracticeGroupId
                        && r.Subject == part.Subject && r.Status == ChangeRequestStatus.Pending)
            .OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);

    private static RecordEditResult Refused(PortalPatientContext target, Error reason) =>
        new(target.PatientId, EditOutcome.Refused, Code: reason.Code, Message: reason.Message);
}
