using Microsoft.AspNetCore.Http;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Modules.PatientProfile.Data;
using Portal.Modules.PatientProfile.Domain;
using Portal.Shared.Abstractions;

namespace Portal.Modules.PatientProfile.Features.Shared;

/// <summary>
/// Records that the current practitioner read or changed a patient's record: who, what, when and from where.
/// There is no route that changes or deletes an entry.
/// </summary>
internal sealed class PatientAuditLog(PatientProfileDbContext db, ICurrentUser currentUser, IHttpContextAccessor http, TimeProvider clock)
{
    /// <summary>A change: the entry is saved with the change itself, by the unit of work.</summary>
    public void RecordChange(Patient patient, PatientAccessAction action, AccessLogSubject subject = AccessLogSubject.Profile) =>
        Add(patient.Id, patient.PracticeGroupId, action, subject);

    /// <summary>A read saves nothing else, so its entry is saved at once; no read goes unrecorded.</summary>
    public async Task RecordReadAsync(Guid patientId, Guid practiceGroupId, AccessLogSubject subject, CancellationToken cancellationToken)
    {
        Add(patientId, practiceGroupId, PatientAccessAction.Viewed, subject);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Reads shown in a list (e.g. the approvals queue shows each request's values): one entry per patient.</summary>
    public async Task RecordReadsAsync(IEnumerable<(Guid PatientId, Guid PracticeGroupId)> patients, AccessLogSubject subject, CancellationToken cancellationToken)
    {
        foreach (var (patientId, practiceGroupId) in patients.Distinct())
        {
            Add(patientId, practiceGroupId, PatientAccessAction.Viewed, subject);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private void Add(Guid patientId, Guid practiceGroupId, PatientAccessAction action, AccessLogSubject subject) =>
        db.AccessLog.Add(new PatientAccessEntry
        {
            Id = Guid.CreateVersion7(),
            PatientId = patientId,
            PracticeGroupId = practiceGroupId,
            ActorUserId = currentUser.UserId,
            ActorName = currentUser.Name,
            Action = action,
            Subject = subject,
            At = clock.GetUtcNow(),
            RemoteAddress = Portal.Shared.Http.RemoteAddress.Of(http.HttpContext),
        });
}
