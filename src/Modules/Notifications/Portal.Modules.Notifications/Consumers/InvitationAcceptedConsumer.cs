using Portal.Modules.Identity.Contracts;
using Portal.Modules.Invitations.Contracts;
using Portal.Modules.Notifications.Contracts;
using Portal.Modules.Notifications.Data;
using Portal.Modules.Notifications.Domain;
using Portal.Shared.Messaging;

namespace Portal.Modules.Notifications.Consumers;

/// <summary>Tells every practitioner of the group that a patient joined the portal.</summary>
internal sealed class InvitationAcceptedConsumer(NotificationsDbContext db, IIdentityApi identity, TimeProvider clock)
    : IdempotentConsumer<InvitationAccepted>(db, clock)
{
    protected override async Task HandleAsync(InvitationAccepted accepted, CancellationToken cancellationToken)
    {
        foreach (var practitioner in await identity.GetPractitionersAsync(accepted.PracticeGroupId, cancellationToken))
        {
            db.Notifications.Add(new Notification
            {
                Id = Guid.CreateVersion7(),
                PracticeGroupId = accepted.PracticeGroupId,
                RecipientUserId = practitioner.UserId,
                Kind = NotificationKinds.InvitationAccepted,
                PatientId = accepted.PatientId,
                Summary = $"{accepted.PatientName} accepted the invitation and now uses the patient portal.",
                CreatedAt = accepted.OccurredAt,
            });
        }
    }
}
