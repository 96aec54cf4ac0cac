using Portal.Modules.Notifications.Contracts;
using Portal.Modules.Notifications.Data;
using Portal.Shared.Messaging;

namespace Portal.Modules.Notifications.Email;

/// <summary>Queues the email another module asked for; the event id is the email's id, so a duplicate queues nothing.</summary>
[InboxName("notifications.queue-requested-email")]
internal sealed class EmailRequestedConsumer(NotificationsDbContext db, EmailOutbox emails, TimeProvider clock)
    : IdempotentConsumer<EmailRequested>(db, clock)
{
    protected override Task HandleAsync(EmailRequested integrationEvent, CancellationToken cancellationToken) =>
        emails.QueueAsync(integrationEvent.EventId, integrationEvent.PracticeGroupId, integrationEvent.To, integrationEvent.Content, cancellationToken);
}
