using Microsoft.EntityFrameworkCore;
using Portal.Modules.Invitations.Contracts;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Modules.PatientProfile.Data;
using Portal.Shared.Messaging;

namespace Portal.Modules.PatientProfile.Features;

/// <summary>A patient who accepted shows as <c>active</c>.</summary>
[InboxName("patient-profile.link-accepted-invitation")]
internal sealed class InvitationAcceptedConsumer(PatientProfileDbContext db, TimeProvider clock) : IdempotentConsumer<InvitationAccepted>(db, clock)
{
    protected override async Task HandleAsync(InvitationAccepted accepted, CancellationToken cancellationToken)
    {
        var patient = await db.Patients.SingleOrDefaultAsync(p => p.Id == accepted.PatientId && p.PracticeGroupId == accepted.PracticeGroupId, cancellationToken);
        patient?.ApplyPortalStatus(PortalStatus.Active, accepted.OccurredAt);
    }
}
