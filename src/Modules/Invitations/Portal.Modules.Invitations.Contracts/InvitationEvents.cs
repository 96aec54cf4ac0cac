using Portal.Shared.Abstractions;

namespace Portal.Modules.Invitations.Contracts;

/// <summary>A patient was invited (or invited again) to the portal.</summary>
[IntegrationEvent("invitations.sent")]
public sealed record InvitationSent(Guid EventId, DateTimeOffset OccurredAt, Guid PracticeGroupId, Guid PatientId, Guid InvitationId)
    : IIntegrationEvent;

/// <summary>A patient accepted an invitation: the patient record is now linked to <paramref name="UserId"/>.</summary>
[IntegrationEvent("invitations.accepted")]
public sealed record InvitationAccepted(
    Guid EventId, DateTimeOffset OccurredAt, Guid PracticeGroupId, Guid PatientId, Guid InvitationId, Guid UserId, string PatientName)
    : IIntegrationEvent;

/// <summary>An invitation ended without being accepted: <paramref name="Reason"/> is <see cref="InvitationStatus.Revoked"/> or <see cref="InvitationStatus.Expired"/>.</summary>
[IntegrationEvent("invitations.closed")]
public sealed record InvitationClosed(Guid EventId, DateTimeOffset OccurredAt, Guid PracticeGroupId, Guid PatientId, Guid InvitationId, InvitationStatus Reason)
    : IIntegrationEvent;
