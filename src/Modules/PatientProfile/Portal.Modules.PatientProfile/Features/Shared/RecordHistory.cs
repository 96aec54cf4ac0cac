using System.Text.Json.Nodes;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Modules.PatientProfile.Data;
using Portal.Modules.PatientProfile.Domain;
using Portal.Shared.Abstractions;

namespace Portal.Modules.PatientProfile.Features.Shared;

/// <summary>
/// The one way a change is applied to a part of a patient's record, whoever makes it: the part is written, and the
/// change is kept as a version (before and after) and entered in the patient's access log, all saved together.
/// </summary>
internal sealed class RecordHistory(PatientProfileDbContext db, PatientAuditLog audit, ICurrentUser currentUser)
{
    /// <summary>Writes <paramref name="value"/>; a write that changes nothing leaves no version (but is still logged).</summary>
    public void Apply(IRecordPart part, PatientRecord record, JsonObject value, DateTimeOffset now, VersionSource source,
        Guid? changeRequestId = null, Guid? restoredFromVersionId = null)
    {
        var before = part.Read(record);
        part.Write(record, value, now);
        var after = part.Read(record);
        audit.RecordChange(record.Patient, ActionOf(source), AccessLogSubjects.Of(part.Subject));
        if (JsonNode.DeepEquals(before, after))
        {
            return;
        }

        db.RecordVersions.Add(new RecordVersion
        {
            Id = Guid.CreateVersion7(),
            PatientId = record.Patient.Id,
            PracticeGroupId = record.Patient.PracticeGroupId,
            Subject = part.Subject,
            Version = part.VersionOf(record),
            At = now,
            ChangedByUserId = currentUser.UserId,
            ChangedByName = currentUser.Name,
            Source = source,
            ChangeRequestId = changeRequestId,
            RestoredFromVersionId = restoredFromVersionId,
            Before = before.ToJsonString(),
            After = after.ToJsonString(),
        });
    }

    /// <summary>
    /// Saves what <see cref="Apply"/> recorded, with <paramref name="saveHere"/> (PatientProfile's side: versions, access
    /// log, requests, decisions, events). Where another module keeps the part, that save is made first inside a
    /// transaction left open, so a decision or another edit saved meanwhile fails it; then the keeping module commits the
    /// values; then the transaction commits (docs/decisions/0017). <paramref name="keptPartChanged"/>, and nothing saved
    /// on either side, when the keeping module found the part changed meanwhile.
    /// </summary>
    public async Task<Result> SaveAsync(IRecordPart part, IReadOnlyList<PatientRecord> records, DateTimeOffset now,
        Func<CancellationToken, Task<Result>> saveHere, Error keptPartChanged, CancellationToken cancellationToken)
    {
        if (!part.IsKeptElsewhere)
        {
            return await saveHere(cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var saved = await saveHere(cancellationToken);
        if (saved.IsFailure)
        {
            return saved;
        }

        foreach (var record in records)
        {
            if (!await part.CommitKeptAsync(record, now, cancellationToken))
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return keptPartChanged;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return Result.Success();
    }

    private static PatientAccessAction ActionOf(VersionSource source) => source switch
    {
        VersionSource.Approval => PatientAccessAction.ChangeApproved,
        VersionSource.Restore => PatientAccessAction.Restored,
        _ => PatientAccessAction.Updated,
    };
}
