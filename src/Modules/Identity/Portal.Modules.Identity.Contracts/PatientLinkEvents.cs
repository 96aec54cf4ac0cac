using Portal.Shared.Abstractions;

namespace Portal.Modules.Identity.Contracts;

/// <summary>
/// A practitioner ended a patient account's access to a patient record: the record is no longer linked to
/// <paramref name="UserId"/>, and may be invited to the portal again.
/// </summary>
[IntegrationEvent("identity.patient-record-unlinked")]
public sealed record PatientRecordUnlinked(
    Guid EventId, DateTimeOffset OccurredAt, Guid PracticeGroupId, Guid PatientId, Guid UserId, Guid UnlinkedByUserId) : IIntegrationEvent;
