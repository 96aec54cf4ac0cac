using Microsoft.EntityFrameworkCore;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Notifications.Contracts;
using Portal.Modules.Notifications.Data;
using Portal.Modules.Notifications.Domain;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Shared.Messaging;

namespace Portal.Modules.Notifications.Consumers;

/// <summary>
/// Tells every practitioner of the group that a patient's change waits for approval (<c>profileChangePending</c>).
/// When it replaces the patient's earlier request, a practitioner who has not read that one yet sees it updated
/// (one notification per waiting change, not one per edit); the others get a new one.
/// </summary>
internal sealed class PatientChangeRequestedConsumer(NotificationsDbContext db, IIdentityApi identity, IPatientDirectory patients, TimeProvider clock)
    : IdempotentConsumer<PatientChangeRequested>(db, clock)
{
    protected override async Task HandleAsync(PatientChangeRequested requested, CancellationToken cancellationToken)
    {
        // Relayed late (a retry): the request may be decided, replaced or withdrawn by now, and then there is nothing to announce.
        if (!await patients.IsChangeRequestPendingAsync(requested.PracticeGroupId, requested.ChangeRequestId, cancellationToken))
        {
            return;
        }

        var part = PartName(requested.Part);
        var fields = string.Join(", ", requested.Fields);
        var replaced = requested.Replaces ?? [];
        var unread = await PractitionerNotifications.UnreadAboutAsync(db, requested.PracticeGroupId, replaced, cancellationToken);
        foreach (var notification in unread)
        {
            notification.Update(NotificationKinds.ProfileChangePending,
                $"{requested.PatientName} changed their request about their {part} ({fields}); it waits for approval.", requested.OccurredAt, requested.ChangeRequestId);
        }

        var summary = replaced.Count > 0
            ? $"{requested.PatientName} changed their request about their {part} ({fields}); it waits for approval."
            : $"{requested.PatientName} asked to change their {part} ({fields}); it waits for approval.";
        await PractitionerNotifications.AddForGroupAsync(db, identity, requested.PracticeGroupId, NotificationKinds.ProfileChangePending, requested.PatientId,
            summary, requested.OccurredAt, cancellationToken, requested.ChangeRequestId, except: unread.Select(n => n.RecipientUserId).ToHashSet());
    }

    internal static string PartName(string part) => part == "healthRecord" ? "health record" : "personal details";
}

/// <summary>
/// The patient withdrew their waiting change: unread notifications about it say so instead (<c>profileChangeWithdrawn</c>,
/// nothing new is sent).
/// </summary>
internal sealed class PatientChangeWithdrawnConsumer(NotificationsDbContext db, TimeProvider clock)
    : IdempotentConsumer<PatientChangeWithdrawn>(db, clock)
{
    protected override async Task HandleAsync(PatientChangeWithdrawn withdrawn, CancellationToken cancellationToken)
    {
        var summary = $"{withdrawn.PatientName} withdrew their request about their {PatientChangeRequestedConsumer.PartName(withdrawn.Part)}; nothing waits for approval.";
        foreach (var notification in await PractitionerNotifications.UnreadAboutAsync(db, withdrawn.PracticeGroupId, withdrawn.ChangeRequestIds, cancellationToken))
        {
            notification.Update(NotificationKinds.ProfileChangeWithdrawn, summary, withdrawn.OccurredAt, notification.ChangeRequestId);
        }
    }
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
    /// <summary>One notification per practitioner of the group (but those in <paramref name="except"/>).</summary>
    public static async Task AddForGroupAsync(NotificationsDbContext db, IIdentityApi identity, Guid practiceGroupId, string kind, Guid? patientId,
        string summary, DateTimeOffset at, CancellationToken cancellationToken, Guid? changeRequestId = null, IReadOnlySet<Guid>? except = null)
    {
        foreach (var practitioner in await identity.GetPractitionersAsync(practiceGroupId, cancellationToken))
        {
            if (except?.Contains(practitioner.UserId) != true)
            {
                db.Notifications.Add(Notification.For(practiceGroupId, practitioner.UserId, kind, patientId, summary, at, changeRequestId));
            }
        }
    }

    /// <summary>The group's unread notifications about these change requests (tracked, to be updated).</summary>
    public static async Task<List<Notification>> UnreadAboutAsync(
        NotificationsDbContext db, Guid practiceGroupId, IReadOnlyCollection<Guid> changeRequestIds, CancellationToken cancellationToken) =>
        changeRequestIds.Count == 0
            ? []
            : await db.Notifications
                .Where(n => n.PracticeGroupId == practiceGroupId && n.ReadAt == null
                            && n.ChangeRequestId != null && changeRequestIds.Contains(n.ChangeRequestId.Value))
                .ToListAsync(cancellationToken);
}
