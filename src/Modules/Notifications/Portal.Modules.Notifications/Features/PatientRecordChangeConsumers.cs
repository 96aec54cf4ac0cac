using Microsoft.EntityFrameworkCore;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Notifications.Contracts;
using Portal.Modules.Notifications.Data;
using Portal.Modules.Notifications.Domain;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Shared.Messaging;

namespace Portal.Modules.Notifications.Features;

/// <summary>
/// Tells every practitioner of the group that a patient's change waits for approval (<c>profileChangePending</c>).
/// A patient has one waiting change per part of their record, so a practitioner has one notification about it: while
/// unread, a newer request (or a new one after a withdrawal) updates it instead of adding another.
/// </summary>
[InboxName("notifications.announce-change-requested")]
internal sealed class PatientChangeRequestedConsumer(NotificationsDbContext db, IIdentityApi identity, TimeProvider clock)
    : IdempotentConsumer<PatientChangeRequested>(db, clock)
{
    protected override async Task HandleAsync(PatientChangeRequested requested, CancellationToken cancellationToken)
    {
        await ClosedChangeRequests.RecordAsync(db, requested.Replaces ?? [], requested.OccurredAt, cancellationToken);

        // Relayed late (a retry): the request was decided, replaced or withdrawn meanwhile, and then there is nothing to announce.
        if (await ClosedChangeRequests.IsClosedAsync(db, requested.ChangeRequestId, cancellationToken))
        {
            return;
        }

        var asked = requested.Replaces is { Count: > 0 } ? "changed their request about" : "asked to change";
        var summary = $"{requested.PatientName} {asked} their {PatientProfileFields.LabelOf(requested.Part)} ({PatientProfileFields.LabelsOf(requested.Fields)}); it waits for approval.";
        var unread = await PractitionerNotifications.UnreadAboutAsync(db, requested.PracticeGroupId, requested.PatientId, requested.Part, cancellationToken);
        foreach (var notification in unread)
        {
            notification.Update(NotificationKind.ProfileChangePending, summary, requested.OccurredAt);
        }

        await PractitionerNotifications.AddForGroupAsync(db, identity, requested.PracticeGroupId, NotificationKind.ProfileChangePending, requested.PatientId,
            summary, requested.OccurredAt, cancellationToken, requested.Part, except: unread.Select(n => n.RecipientUserId).ToHashSet());
    }
}

/// <summary>
/// The patient withdrew their waiting change: unread notifications about it say so instead (<c>profileChangeWithdrawn</c>,
/// nothing new is sent), except those that already tell of a newer request (relayed first, after a retry of this one).
/// </summary>
[InboxName("notifications.announce-change-withdrawn")]
internal sealed class PatientChangeWithdrawnConsumer(NotificationsDbContext db, TimeProvider clock)
    : IdempotentConsumer<PatientChangeWithdrawn>(db, clock)
{
    protected override async Task HandleAsync(PatientChangeWithdrawn withdrawn, CancellationToken cancellationToken)
    {
        await ClosedChangeRequests.RecordAsync(db, withdrawn.ChangeRequestIds, withdrawn.OccurredAt, cancellationToken);
        var summary = $"{withdrawn.PatientName} withdrew their request about their {PatientProfileFields.LabelOf(withdrawn.Part)}; nothing waits for approval.";
        var unread = await PractitionerNotifications.UnreadAboutAsync(db, withdrawn.PracticeGroupId, withdrawn.PatientId, withdrawn.Part, cancellationToken);
        foreach (var notification in unread.Where(n => n.CreatedAt <= withdrawn.OccurredAt))
        {
            notification.Update(NotificationKind.ProfileChangeWithdrawn, summary, withdrawn.OccurredAt);
        }
    }
}

/// <summary>
/// A practitioner decided a patient's waiting change: what the practitioners were told about it (read or not) now says
/// how it ended and who decided (<c>profileChangeApproved</c>, <c>profileChangeRejected</c>), where it stays in their
/// list; nothing new is sent. A notification about a later request (updated after this decision) is left alone.
/// </summary>
[InboxName("notifications.announce-change-decided")]
internal sealed class PatientChangeDecidedConsumer(NotificationsDbContext db, TimeProvider clock)
    : IdempotentConsumer<PatientChangeDecided>(db, clock)
{
    protected override async Task HandleAsync(PatientChangeDecided decided, CancellationToken cancellationToken)
    {
        await ClosedChangeRequests.RecordAsync(db, [decided.ChangeRequestId], decided.OccurredAt, cancellationToken);
        var (kind, outcome) = decided.Decision == ChangeDecision.Approved
            ? (NotificationKind.ProfileChangeApproved, "approved")
            : (NotificationKind.ProfileChangeRejected, "rejected");
        var change = $"{decided.PatientName}'s change to their {PatientProfileFields.LabelOf(decided.Part)} ({PatientProfileFields.LabelsOf(decided.Fields)})";
        var notifications = await db.Notifications
            .Where(n => n.PracticeGroupId == decided.PracticeGroupId && n.PatientId == decided.PatientId && n.RecordPart == decided.Part
                        && n.Kind == NotificationKind.ProfileChangePending && n.CreatedAt <= decided.OccurredAt)
            .ToListAsync(cancellationToken);
        foreach (var notification in notifications)
        {
            var by = notification.RecipientUserId == decided.DecidedByUserId ? "you" : decided.DecidedByName;
            notification.Conclude(kind, $"{change} was {outcome} by {by}.");
        }
    }
}

/// <summary>Tells every practitioner of the group that a patient's change was applied at once (<c>profileUpdated</c>).</summary>
[InboxName("notifications.announce-record-updated-by-patient")]
internal sealed class PatientRecordUpdatedByPatientConsumer(NotificationsDbContext db, IIdentityApi identity, TimeProvider clock)
    : IdempotentConsumer<PatientRecordUpdatedByPatient>(db, clock)
{
    protected override async Task HandleAsync(PatientRecordUpdatedByPatient updated, CancellationToken cancellationToken) =>
        await PractitionerNotifications.AddForGroupAsync(db, identity, updated.PracticeGroupId, NotificationKind.ProfileUpdated, updated.PatientId,
            $"{updated.PatientName} updated their {PatientProfileFields.LabelOf(updated.Part)} ({PatientProfileFields.LabelsOf(updated.Fields)}).",
            updated.OccurredAt, cancellationToken);
}

/// <summary>The change requests this module has learnt no longer wait (<see cref="ClosedChangeRequest"/>).</summary>
internal static class ClosedChangeRequests
{
    public static async Task RecordAsync(NotificationsDbContext db, IReadOnlyCollection<Guid> changeRequestIds, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (changeRequestIds.Count == 0)
        {
            return;
        }

        var known = await db.ClosedChangeRequests.Where(c => changeRequestIds.Contains(c.ChangeRequestId)).Select(c => c.ChangeRequestId)
            .ToListAsync(cancellationToken);
        db.ClosedChangeRequests.AddRange(changeRequestIds.Distinct().Except(known).Select(id => ClosedChangeRequest.At(id, at)));
    }

    public static Task<bool> IsClosedAsync(NotificationsDbContext db, Guid changeRequestId, CancellationToken cancellationToken) =>
        db.ClosedChangeRequests.AnyAsync(c => c.ChangeRequestId == changeRequestId, cancellationToken);
}

internal static class PractitionerNotifications
{
    /// <summary>One notification per practitioner of the group (but those in <paramref name="except"/>).</summary>
    public static async Task AddForGroupAsync(NotificationsDbContext db, IIdentityApi identity, Guid practiceGroupId, NotificationKind kind, Guid? patientId,
        string summary, DateTimeOffset at, CancellationToken cancellationToken, RecordPart? recordPart = null, IReadOnlySet<Guid>? except = null)
    {
        foreach (var practitioner in await identity.GetPractitionersAsync(practiceGroupId, cancellationToken))
        {
            if (except?.Contains(practitioner.UserId) != true)
            {
                db.Notifications.Add(Notification.For(practiceGroupId, practitioner.UserId, kind, patientId, summary, at, recordPart));
            }
        }
    }

    /// <summary>The group's unread notifications about a patient's waiting change to one part of their record (tracked, to be updated).</summary>
    public static Task<List<Notification>> UnreadAboutAsync(
        NotificationsDbContext db, Guid practiceGroupId, Guid patientId, RecordPart recordPart, CancellationToken cancellationToken) =>
        db.Notifications
            .Where(n => n.PracticeGroupId == practiceGroupId && n.PatientId == patientId && n.RecordPart == recordPart && n.ReadAt == null
                        && (n.Kind == NotificationKind.ProfileChangePending || n.Kind == NotificationKind.ProfileChangeWithdrawn))
            .ToListAsync(cancellationToken);
}
