using Microsoft.EntityFrameworkCore;
using Portal.Modules.Notifications.Data;
using Portal.Modules.Notifications.Domain;

namespace Portal.Modules.Notifications.Email;

/// <summary>
/// Development delivery: the email lands in a mailbox table instead of leaving the machine, readable through
/// <c>GET /api/dev/mailbox</c>. A real implementation of <see cref="IEmailSender"/>, named for what it is.
/// </summary>
internal sealed class DevelopmentMailboxEmailSender(NotificationsDbContext db, TimeProvider clock) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        // Like a real mail server, the mailbox drops a message id it already has (a resend after a crash).
        if (await db.DevelopmentMailbox.AnyAsync(m => m.MessageId == message.MessageId, cancellationToken))
        {
            return;
        }

        db.DevelopmentMailbox.Add(new DevelopmentMailboxEntry
        {
            Id = Guid.CreateVersion7(),
            MessageId = message.MessageId,
            To = message.To,
            Subject = message.Subject,
            TextBody = message.TextBody,
            HtmlBody = message.HtmlBody,
            SentAt = clock.GetUtcNow(),
            Attachments = message.Attachments?.Select(a => EmailFile.From(a.FileName, a.ContentType, a.Content)).ToList() ?? [],
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
