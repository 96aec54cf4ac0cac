using System.Text.Json.Nodes;
using Portal.Shared.Abstractions;

namespace Portal.Modules.PatientProfile.Contracts;

/// <summary>
/// A part of a patient's record that another module keeps (Funding keeps the funding details), so that patients'
/// edits of it join PatientProfile's change requests: the same policy, the same always-approve list, the same queue,
/// carried, conflict-checked and decided by the same code (docs/decisions/0011). The keeping module owns the data and
/// its validation; PatientProfile never references it, it finds the keeper registered for <see cref="Subject"/>.
/// </summary>
public interface IRecordPartKeeper
{
    RecordPart Subject { get; }

    /// <summary>The part as JSON fields (each field named as in <see cref="PatientProfileFields"/>), and its version; version 0 and no fields when nothing is kept yet.</summary>
    Task<KeptRecordPart> ReadAsync(Guid practiceGroupId, Guid patientId, CancellationToken cancellationToken);

    /// <summary>
    /// The part's full new value: <paramref name="current"/> with the fields of <paramref name="patch"/>, validated and
    /// normalised. Only the patched fields are judged. A field outside the part is refused, not ignored.
    /// </summary>
    Result<JsonObject> Merge(JsonObject current, JsonObject patch);

    /// <summary>
    /// Stores <see cref="KeptRecordPartWrite.Value"/>, committed in the keeper's own database before PatientProfile saves
    /// the decision or edit that caused it. Idempotent: writing the value the part already holds changes nothing, so a
    /// decision retried after a crash between the two databases applies nothing twice. False, and nothing written, when
    /// the part's version is no longer <see cref="KeptRecordPartWrite.ExpectedVersion"/> (someone changed it meanwhile).
    /// </summary>
    Task<bool> WriteAsync(KeptRecordPartWrite write, CancellationToken cancellationToken);
}

public sealed record KeptRecordPart(JsonObject Value, int Version);

public sealed record KeptRecordPartWrite(Guid PracticeGroupId, Guid PatientId, JsonObject Value, int ExpectedVersion, DateTimeOffset At);

/// <summary>
/// How a module that keeps a part of the record (<see cref="IRecordPartKeeper"/>) has it changed: through PatientProfile,
/// which applies the practice's policy to a patient's edit, and versions and audits every change.
/// </summary>
public interface IPatientRecordEdits
{
    /// <summary>
    /// A patient's edit of <paramref name="part"/> of the record the portal rule selects (<paramref name="patientId"/>):
    /// applied, sent for approval, or refused (403 <c>profile.updates-disabled</c>), exactly as a profile edit.
    /// With <paramref name="expectedVersion"/> (<c>If-Match</c>) it is made only on that version (412 <c>profile.stale</c>).
    /// </summary>
    Task<Result<RecordPartEdit>> EditMineAsync(RecordPart part, Guid? patientId, JsonObject patch, int? expectedVersion, CancellationToken cancellationToken);

    /// <summary>
    /// A practitioner's change of <paramref name="part"/> of a patient of their own practice, applied at once, versioned
    /// and in the patient's access log. 404 <c>patients.not-found</c> for another practice's patient; 409
    /// <c>patients.stale</c> when <paramref name="expectedVersion"/> is not the part's version or it changed while saving. Answers the part's new version.
    /// </summary>
    Task<Result<int>> ChangeAsPracticeAsync(RecordPart part, Guid patientId, JsonObject patch, int? expectedVersion, CancellationToken cancellationToken);
}

/// <summary>What became of a patient's edit of a part another module keeps.</summary>
public sealed record RecordPartEdit(Guid PatientId, Guid PracticeGroupId, EditOutcome Outcome, Guid? ChangeRequestId)
{
    public IReadOnlyList<string> AppliedFields { get; init; } = [];
    public IReadOnlyList<string> PendingFields { get; init; } = [];
}
