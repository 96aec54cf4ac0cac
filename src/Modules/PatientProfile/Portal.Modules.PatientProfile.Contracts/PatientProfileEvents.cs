using System.Text.Json.Serialization;
using Portal.Shared.Abstractions;

namespace Portal.Modules.PatientProfile.Contracts;

/// <summary>
/// A patient changed part of their record through the portal and the practice's policy applied it at once
/// (<c>autoUpdate</c>). <see cref="Part"/> says which part; <see cref="Fields"/> names the
/// changed fields, never their values.
/// </summary>
[IntegrationEvent("patient-profile.record-updated-by-patient")]
public sealed record PatientRecordUpdatedByPatient(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PatientId,
    Guid PracticeGroupId,
    string PatientName,
    RecordPart Part,
    IReadOnlyList<string> Fields) : IIntegrationEvent;

/// <summary>
/// A patient asked for a change that waits for a practitioner's approval (<c>requireApproval</c>). When it carries on
/// the patient's earlier pending requests for the same part, <see cref="Replaces"/> names them (they are closed).
/// </summary>
[IntegrationEvent("patient-profile.change-requested")]
public sealed record PatientChangeRequested(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid ChangeRequestId,
    Guid PatientId,
    Guid PracticeGroupId,
    string PatientName,
    RecordPart Part,
    IReadOnlyList<string> Fields,
    IReadOnlyList<Guid>? Replaces = null) : IIntegrationEvent;

/// <summary>A patient set the fields of their pending requests back to today's values: nothing waits for approval.</summary>
[IntegrationEvent("patient-profile.change-withdrawn")]
public sealed record PatientChangeWithdrawn(
    Guid EventId,
    DateTimeOffset OccurredAt,
    IReadOnlyList<Guid> ChangeRequestIds,
    Guid PatientId,
    Guid PracticeGroupId,
    string PatientName,
    RecordPart Part) : IIntegrationEvent;

/// <summary>
/// A practitioner decided a patient's change request: <see cref="Decision"/> says whether it was applied. It names the
/// request's fields (never their values) and who decided, so that what the practice was told about the request can
/// say how it ended without asking PatientProfile.
/// </summary>
[IntegrationEvent("patient-profile.change-decided")]
public sealed record PatientChangeDecided(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid ChangeRequestId,
    Guid PatientId,
    Guid PracticeGroupId,
    string PatientName,
    RecordPart Part,
    IReadOnlyList<string> Fields,
    ChangeDecision Decision,
    Guid DecidedByUserId,
    string DecidedByName) : IIntegrationEvent;

/// <summary>How a practitioner decided a patient's change request (stored by name in the events; rows stored as <c>Approved</c> still read).</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<ChangeDecision>))]
public enum ChangeDecision
{
    Approved,
    Rejected,
}

/// <summary>
/// A practitioner read or changed something of a patient's record kept by another module (e.g. a clinical note).
/// PatientProfile adds it to the patient's access log, which the patient reads at <c>GET /api/portal/access-log</c>.
/// <see cref="Action"/> says what was done (e.g. <c>viewed</c>) and <see cref="Subject"/> to what (e.g. <c>notes</c>).
/// </summary>
[IntegrationEvent("patient-profile.record-accessed")]
public sealed record PatientRecordAccessed(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PatientId,
    Guid PracticeGroupId,
    Guid ActorUserId,
    string ActorName,
    PatientAccessAction Action,
    AccessLogSubject Subject,
    string? RemoteAddress) : IIntegrationEvent;
