using Microsoft.EntityFrameworkCore;
using Portal.Modules.Invitations.Contracts;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Modules.PatientProfile.Data;
using Portal.Shared.Messaging;

namespace Portal.Modules.PatientProfile.Consumers;

/// <summary>An invited patient shows as <c>invited</c> (unless already active).</summary>
internal sealed class InvitationSentConsumer(PatientProfileDbContext db, TimeProvider clock) : IdempotentConsumer<InvitationSent>(db, clock)
{
    protected override async Task HandleAsync(InvitationSent sent, CancellationToken cancellationToken)
    {
        var patient = await db.Patients.SingleOrDefaultAsync(p => p.Id == sent.PatientId && p.PracticeGroupId == sent.PracticeGroupId, cancellationToken);
        patient?.ApplyPortalStatus(PortalStatus.Invited, sent.OccurredAt);
    }
}

/// <summary>A patient who accepted shows as <c>active</c>.</summary>
internal sealed class InvitationAcceptedConsumer(PatientProfileDbContext db, TimeProvider clock) : IdempotentConsumer<InvitationAccepted>(db, clock)
{
    protected override async Task HandleAsync(InvitationAccepted accepted, CancellationToken cancellationToken)
    {
        var patient = await db.Patients.SingleOrDefaultAsync(p => p.Id == accepted.PatientId && p.PracticeGroupId == accepted.PracticeGroupId, cancellationToken);
        patient?.ApplyPortalStatus(PortalStatus.Active, accepted.OccurredAt);
    }
}

/// <summary>A revoked or expired invitation puts an invited patient back to <c>notInvited</c>.</summary>
internal sealed class InvitationClosedConsumer(PatientProfileDbContext db, TimeProvider clock) : IdempotentConsumer<InvitationClosed>(db, clock)
{
    protected override async Task HandleAsync(InvitationClosed closed, CancellationToken cancellationToken)
    {
        var patient = await db.Patients.SingleOrDefaultAsync(p => p.Id == closed.PatientId && p.PracticeGroupId == closed.PracticeGroupId, cancellationToken);
        patient?.ApplyPortalStatus(PortalStatus.NotInvited, closed.OccurredAt, onlyFrom: PortalStatus.Invited);
    }
}
