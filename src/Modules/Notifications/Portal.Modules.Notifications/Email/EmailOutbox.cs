using Portal.Modules.Identity.Contracts;
using Portal.Modules.Notifications.Contracts;
using Portal.Modules.Notifications.Data;
using Portal.Modules.Notifications.Domain;

namespace Portal.Modules.Notifications.Email;

/// <summary>Renders an email in the practice's layout and queues it for the delivery job (saved with the caller's changes).</summary>
internal sealed class EmailOutbox(NotificationsDbContext db, IIdentityApi identity, TimeProvider clock)
{
    public async Task QueueAsync(Guid emailId, Guid? practiceGroupId, string to, EmailContent content, CancellationToken cancellationToken)
    {
        var practiceName = practiceGroupId is { } groupId
            ? (await identity.GetPracticeGroupAsync(groupId, cancellationToken))?.Name ?? "Portal"
            : "Portal";
        var (text, html) = EmailTemplate.Render(practiceName, content);
        var now = clock.GetUtcNow();
        var attachments = content.Attachments?.Select(a => EmailFile.From(a.FileName, a.ContentType, a.Content));
        db.Emails.Add(OutgoingEmail.Queue(emailId, practiceGroupId, to, content.Subject, text, html, now, attachments));
    }
}
