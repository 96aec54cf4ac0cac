using Portal.Modules.Identity.Contracts;
using Portal.Modules.Notifications.Contracts;
using Portal.Modules.Notifications.Data;
using Portal.Modules.Notifications.Domain;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Shared.Messaging;

namespace Portal.Modules.Notifications.Consumers;

/// <summary>Tells every practitioner of the group that a patient's change waits for approval (<c>profileChangePending</c>).</summary>
internal sealed class PatientChangeRequestedConsumer(NotificationsDbContext db, IIdentityApi identity, TimeProvider clock)
    : IdempotentConsumer<PatientChangeRequested>(db, clock)
{
    protected override async Task HandleAsync(PatientChangeRequested requested, CancellationToken cancellationToken) =>
        await PractitionerNotifications.AddForGroupAsync(db, identity, requested.PracticeGroupId, NotificationKinds.ProfileChangePending, requested.PatientId,
            $"{requested.PatientName} asked to change their {PartName(requested.Part)} ({string.Join(", ", requested.Fields)}); it waits for approval.",
            requested.OccurredAt, cancellationToken);

    internal static string PartName(string part) => part == "healthRecord" ? "health record" : "personal details";
}

/// <summary>Tells every practitioner of the group that a patient's change was applied at once (<c>profileUpdated</c>).</summary>
internal sealed class PatientRecordUpdatedByPatientConsumer(NotificationsDbContext db, IIdentityApi identity, TimeProvider clock)
    : IdempotentConsumer<PatientRecordUpdatedByPatient>(db, clock)
{
    protected override async Task HandleAsync(PatientRecordUpdatedByPatient updated, CancellationToken cancellationToken) =>
        await PractitionerNotifications.AddForGroupAsync(db, identity, updated.PracticeGroupId, NotificationKinds.ProfileUpdated, updated.PatientId,
            $"{updated.PatientName} updated their {PatientChangeRequestedConsumer.PartName(updated.Part)} ({string.Join(", ", updated.Fields)}).",
            updated.OccurredAt, cancellationToken);
}

internal static class PractitionerNotifications
{
    /// <summary>One notification per practitioner of the group.</summary>
    public static async Task AddForGroupAsync(NotificationsDbContext db, IIdentityApi identity, Guid practiceGroupId, string kind, Guid? patientId,
        string summary, DateTimeOffset at, CancellationToken cancellationToken)
    {
        foreach (var practitioner in await identity.GetPractitionersAsync(practiceGroupId, cancellationToken))
        {
            db.Notifications.Add(new Notification
            {
                Id = Guid.CreateVersion7(),
                PracticeGroupId = practiceGroupId,
                RecipientUserId = practitioner.UserId,
                Kind = kind,
                PatientId = patientId,
                Summary = summary,
                CreatedAt = at,
            });
        }
    }
}
