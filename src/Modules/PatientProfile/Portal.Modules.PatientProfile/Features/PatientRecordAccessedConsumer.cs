using Portal.Modules.PatientProfile.Contracts;
using Portal.Modules.PatientProfile.Data;
using Portal.Modules.PatientProfile.Domain;
using Portal.Shared.Messaging;

namespace Portal.Modules.PatientProfile.Features;

/// <summary>Another module's read or change of a patient's record (e.g. a note read) joins the patient's access log.</summary>
[InboxName("patient-profile.log-record-access")]
internal sealed class PatientRecordAccessedConsumer(PatientProfileDbContext db, TimeProvider clock) : IdempotentConsumer<PatientRecordAccessed>(db, clock)
{
    protected override Task HandleAsync(PatientRecordAccessed accessed, CancellationToken cancellationToken)
    {
        db.AccessLog.Add(new PatientAccessEntry
        {
            Id = accessed.EventId,   // one entry per event, however often it is delivered
            PatientId = accessed.PatientId,
            PracticeGroupId = accessed.PracticeGroupId,
            ActorUserId = accessed.ActorUserId,
            ActorName = accessed.ActorName,
            Action = accessed.Action,
            Subject = accessed.Subject,
            At = accessed.OccurredAt,
            RemoteAddress = accessed.RemoteAddress,
        });
        return Task.CompletedTask;
    }
}
