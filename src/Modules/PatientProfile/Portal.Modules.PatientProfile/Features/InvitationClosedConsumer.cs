using Microsoft.EntityFrameworkCore;
using Portal.Modules.Invitations.Contracts;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Modules.PatientProfile.Data;
using Portal.Shared.Messaging;

namespace Portal.Modules.PatientProfile.Features;

/// <summary>A revoked or expired invitation puts an invited patient back to <c>notInvited</c>.</summary>
[InboxName("patient-profile.note-invitation-closed")]
internal sealed class InvitationClosedConsumer(PatientProfileDbContext db, TimeProvider clock) : IdempotentConsumer<InvitationClosed>(db, clock)
{
    protected override async Task HandleAsync(InvitationClosed closed, CancellationToken cancellationToken)
    {
        var patient = await db.Patients.SingleOrDefaultAsync(p => p.Id == closed.PatientId && p.PracticeGroupId == closed.PracticeGroupId, cancellationToken);
        patient?.ApplyPortalStatus(PortalStatus.NotInvited, closed.OccurredAt, onlyFrom: PortalStatus.Invited);
    }
}
