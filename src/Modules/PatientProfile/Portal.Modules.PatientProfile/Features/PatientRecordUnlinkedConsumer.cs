using Microsoft.EntityFrameworkCore;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.PatientProfile.Data;
using Portal.Shared.Messaging;

namespace Portal.Modules.PatientProfile.Features;

/// <summary>A patient whose portal access was removed shows as <c>notInvited</c> again, so the practice can invite them anew.</summary>
[InboxName("patient-profile.note-record-unlinked")]
internal sealed class PatientRecordUnlinkedConsumer(PatientProfileDbContext db, TimeProvider clock) : IdempotentConsumer<PatientRecordUnlinked>(db, clock)
{
    protected override async Task HandleAsync(PatientRecordUnlinked unlinked, CancellationToken cancellationToken)
    {
        var patient = await db.Patients.SingleOrDefaultAsync(p => p.Id == unlinked.PatientId && p.PracticeGroupId == unlinked.PracticeGroupId, cancellationToken);
        patient?.EndPortalAccess(unlinked.OccurredAt);
    }
}
