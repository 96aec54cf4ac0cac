using System.Text.Json.Nodes;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Modules.PatientProfile.Data;
using Portal.Modules.PatientProfile.Features.Shared;
using Portal.Shared.Abstractions;

namespace Portal.Modules.PatientProfile.Api;

/// <summary>
/// Changes to a part of the record another module keeps, made through the same editor, history and access log as
/// the parts kept here. Called from the keeping module's command: its unit of work saves PatientProfile's side.
/// </summary>
internal sealed class PatientRecordEdits(
    PatientProfileDbContext db, PortalRecordEditor editor, RecordParts parts, RecordHistory history, ICurrentUser currentUser, TimeProvider clock)
    : IPatientRecordEdits
{
    public async Task<Result<RecordPartEdit>> EditMineAsync(RecordPart part, Guid? patientId, JsonObject patch, int? expectedVersion, CancellationToken cancellationToken)
    {
        var edit = await editor.EditOneAsync(parts.Of(part), patientId, patch, expectedVersion, cancellationToken);
        if (edit.IsFailure)
        {
            return edit.Error!;
        }

        var (result, patient) = edit.Value;
        return new RecordPartEdit(result.PatientId, patient.PracticeGroupId, result.Outcome, result.ChangeRequestId)
        {
            AppliedFields = result.AppliedFields,
            PendingFields = result.PendingFields,
        };
    }

    public async Task<Result<int>> ChangeAsPracticeAsync(RecordPart part, Guid patientId, JsonObject patch, int? expectedVersion, CancellationToken cancellationToken)
    {
        var record = await PatientRecord.LoadAsync(db, currentUser.StaffPracticeGroupId, patientId, cancellationToken);
        if (record is null)
        {
            return PatientRecordErrors.NotFound;
        }

        var kept = parts.Of(part);
        await kept.LoadAsync(record, cancellationToken);
        if (expectedVersion is { } expected && kept.VersionOf(record) != expected)
        {
            return PracticeRecordSave.Stale;
        }

        var merged = kept.Merge(kept.Read(record), patch);
        if (merged.IsFailure)
        {
            return merged.Error!;
        }

        var now = clock.GetUtcNow();
        history.Apply(kept, record, merged.Value, now, VersionSource.PracticeEdit);
        var saved = await history.SaveAsync(kept, [record], now, ct => PracticeRecordSave.SaveAsync(db, ct), PracticeRecordSave.Stale, cancellationToken);
        return saved.IsFailure ? saved.Error! : kept.VersionOf(record);
    }
}
