using Microsoft.EntityFrameworkCore;
using Portal.Modules.Invitations.Contracts;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Modules.PatientProfile.Data;
using Portal.Shared.Messaging;

namespace Portal.Modules.PatientProfile.Features;

/// <summary>An invited patient shows as <c>invited</c> (unless already active).</summary>
[InboxName("patient-profile.note-invitation-sent")]
internal sealed class InvitationSentConsumer(PatientProfileDbContext db, TimeProvider clock) : IdempotentConsumer<InvitationSent>(db, clock)
{
    protected override async Task HandleAsync(InvitationSent sent, CancellationToken cancellationToken)
    {
        var patient = await db.Patients.SingleOrDefaultAsync(p => p.Id == sent.PatientId && p.PracticeGroupId == sent.PracticeGroupId, cancellationToken);
        patient?.ApplyPortalStatus(PortalStatus.Invited, sent.OccurredAt);
    }
}
