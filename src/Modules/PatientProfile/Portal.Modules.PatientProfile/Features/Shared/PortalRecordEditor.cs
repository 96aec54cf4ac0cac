using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Modules.PatientProfile.Data;
using Portal.Modules.PortalSettings.Contracts;
using Portal.Shared.Abstractions;
using Portal.Shared.ChangeRequests;
using Portal.Shared.Messaging;

namespace Portal.Modules.PatientProfile.Features.Shared;

/// <summary>What a patient's edit of their record leads to; 200 when applied, 202 when pending approval.</summary>
public interface IPortalEdit
{
    EditOutcome Outcome { get; }
    Guid? ChangeRequestId { get; }
}

public enum EditOutcome
{
    Applied,
    PendingApproval,
    Refused,

    /// <summary>The edit set the fields of the patient's pending request back to today's values: nothing waits any more.</summary>
    Withdrawn,
}

/// <summary>What became of a patient's edit of one record: <c>{patientId, outcome, changeRequestId?, code?}</c>.</summary>
public sealed record RecordEditResult(Guid PatientId, EditOutcome Outcome, Guid? ChangeRequestId = null, string? Code = null, string? Message = null);

/// <summary>
/// A patient's edit of part of their record, under the policy each record's practice has at this moment:
/// <c>autoUpdate</c> applies it and tells the practice, <c>requireApproval</c> stores a change request with each
/// field's before and after and tells the practitioners, <c>disabled</c> refuses it. An invalid patch changes no
/// record; an edit that changes nothing is "applied" without a request or a notification. Under approval a patient
/// has at most one pending request per part of the record: a new edit replaces it with one that carries both.
/// </summary>
internal sealed class PortalRecordEditor(PatientProfileDbContext db, PortalPatientSelector selector, ICurrentUser currentUser, TimeProvider clock)
{
    public static readonly Error UpdatesDisabled =
        Error.Forbidden("profile.updates-disabled", "Your practice does not accept changes online. Please contact the practice.");

    public static readonly Error Stale = Error.PreconditionFailed("profile.stale",
        "Your record changed since you opened it (If-Match). Reload it, then make your change again.");

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
            var requireApproval = target.Settings.PatientUpdates == PatientUpdatePolicy.RequireApproval;
            var pending = requireApproval ? await PendingRequestsAsync(target, part, cancellationToken) : [];
            var record = await PatientRecord.LoadAsync(db, target.PracticeGroupId, target.PatientId, cancellationToken);
            if (record is null)
            {
                return PortalPatientSelector.NotFound;
            }

            if (expectedVersion is { } expected && part.VersionOf(record) != expected)
            {
                return Stale;
            }

            // Under approval the edit goes on top of what the patient already asked for: one request carries all of it.
            var current = part.Read(record);
            var merged = part.Merge(pending.Aggregate(current, (asked, request) => request.AppliedTo(asked)), patch);
            if (merged.IsFailure)
            {
                return merged.Error!;   // nothing is saved: the unit of work commits only a success
            }

            var changes = ChangeRequest.Carry(current, merged.Value, pending, patch.Select(field => field.Key).ToList());
            if (pending.Count == 1 && pending[0].AsksFor(changes))
            {
                results.Add(new RecordEditResult(target.PatientId, EditOutcome.PendingApproval, pending[0].Id));   // asked again, nothing new
                continue;
            }

            if (changes.Count == 0)
            {
                pending.ForEach(request => request.Withdraw(now));
                if (pending.Count > 0)
                {
                    db.Publish(new PatientChangeWithdrawn(
                        Guid.CreateVersion7(), now, pending.Select(r => r.Id).ToList(), target.PatientId, target.PracticeGroupId, record.PatientName, part.Subject));
                }

                results.Add(new RecordEditResult(target.PatientId, pending.Count > 0 ? EditOutcome.Withdrawn : EditOutcome.Applied));   // the record already is as asked
                continue;
            }

            var fields = changes.Select(c => c.Field).ToList();
            if (!requireApproval)
            {
                part.Write(record, merged.Value, now);
                db.Publish(new PatientRecordUpdatedByPatient(
                    Guid.CreateVersion7(), now, target.PatientId, target.PracticeGroupId, record.PatientName, part.Subject, fields));
                results.Add(new RecordEditResult(target.PatientId, EditOutcome.Applied));
            }
            else
            {
                var request = ChangeRequest.Submit(target.PracticeGroupId, target.PatientId, part.Subject, changes, currentUser.UserId, now, replacing: pending);
                db.ChangeRequests.Add(request);
                db.Publish(new PatientChangeRequested(Guid.CreateVersion7(), now, request.Id, target.PatientId, target.PracticeGroupId,
                    record.PatientName, part.Subject, fields, Replaces: pending.Select(r => r.Id).ToList()));
                results.Add(new RecordEditResult(target.PatientId, EditOutcome.PendingApproval, request.Id));
            }
        }

        return results;
    }

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
