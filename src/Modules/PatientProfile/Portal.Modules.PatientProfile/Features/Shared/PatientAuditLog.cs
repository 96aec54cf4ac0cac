using Portal.Modules.PatientProfile.Data;
using Portal.Modules.PatientProfile.Domain;
using Portal.Shared.Abstractions;

namespace Portal.Modules.PatientProfile.Features.Shared;

/// <summary>Records that the current practitioner read or changed a patient's record: who, what, when.</summary>
internal sealed class PatientAuditLog(PatientProfileDbContext db, ICurrentUser currentUser, TimeProvider clock)
{
    /// <summary>A change: the entry is saved with the change itself, by the unit of work.</summary>
    public void RecordChange(Patient patient, PatientAccessAction action) => Add(patient, action);

    /// <summary>A read saves nothing else, so its entry is saved at once; no read goes unrecorded.</summary>
    public async Task RecordReadAsync(Patient patient, CancellationToken cancellationToken)
    {
        Add(patient, PatientAccessAction.Viewed);
        await db.SaveChangesAsync(cancellationToken);
    }

    private void Add(Patient patient, PatientAccessAction action) =>
        db.AccessLog.Add(new PatientAccessEntry
        {
            Id = Guid.CreateVersion7(),
            PatientId = patient.Id,
            PracticeGroupId = patient.PracticeGroupId,
            ActorUserId = currentUser.UserId,
            ActorName = currentUser.Name,
            Action = action,
            At = clock.GetUtcNow(),
        });
}
