using Portal.Modules.Notifications.Contracts;

namespace Portal.Modules.Notifications.Email;

/// <summary>One rendered email, ready to go, with the files it carries.</summary>
internal sealed record EmailMessage(string MessageId, string To, string Subject, string TextBody, string HtmlBody, IReadOnlyList<EmailAttachment>? Attachments = null);

/// <summary>Sends one email now. Only the delivery job calls it; requests never send email.</summary>
internal interface IEmailSender
{
    /// <summary>Throws <see cref="EmailDeliveryException"/> when the email was not accepted.</summary>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

/// <summary>Delivery failed; <see cref="Permanent"/> when trying again cannot help (e.g. the mailbox does not exist).</summary>
internal sealed class EmailDeliveryException(string message, bool permanent, Exception? inner = null) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
}
