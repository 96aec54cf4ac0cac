using Portal.Modules.Identity.Contracts;
using Portal.Modules.Invitations.Contracts;
using Portal.Modules.Notifications.Contracts;
using Portal.Modules.Notifications.Data;
using Portal.Shared.Messaging;

namespace Portal.Modules.Notifications.Features;

/// <summary>Tells every practitioner of the group that a patient joined the portal.</summary>
[InboxName("notifications.announce-invitation-accepted")]
internal sealed class InvitationAcceptedConsumer(NotificationsDbContext db, IIdentityApi identity, TimeProvider clock)
    : IdempotentConsumer<InvitationAccepted>(db, clock)
{
    protected override async Task HandleAsync(InvitationAccepted accepted, CancellationToken cancellationToken) =>
        await PractitionerNotifications.AddForGroupAsync(db, identity, accepted.PracticeGroupId, NotificationKind.InvitationAccepted, accepted.PatientId,
            $"{accepted.PatientName} accepted the invitation and now uses the patient portal.", accepted.OccurredAt, cancellationToken);
}
