using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Portal.Modules.Notifications.Email;

/// <summary>Production delivery: SMTP through MailKit, with the host, port, TLS mode and credentials of <c>Email:Smtp</c>.</summary>
internal sealed class SmtpEmailSender(IOptions<EmailSettings> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var mime = new MimeMessage
        {
            MessageId = message.MessageId,
            Subject = message.Subject,
            Body = BodyOf(message),
        };
        mime.From.Add(new MailboxAddress(settings.FromName, settings.From));
        if (!MailboxAddress.TryParse(message.To, out var recipient))
        {
            throw new EmailDeliveryException("The recipient's address is not a valid email address.", permanent: true);
        }

        mime.To.Add(recipient);

        using var client = new SmtpClient { Timeout = settings.Smtp.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(settings.Smtp.Host, settings.Smtp.Port, Enum.Parse<SecureSocketOptions>(settings.Smtp.Security, ignoreCase: true), cancellationToken);
            if (!string.IsNullOrEmpty(settings.Smtp.Username))
            {
                await client.AuthenticateAsync(settings.Smtp.Username, settings.Smtp.Password ?? string.Empty, cancellationToken);
            }

            await client.SendAsync(mime, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (SmtpCommandException exception) when (exception.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted
                                                     && (int)exception.StatusCode >= 500)
        {
            // This recipient or this message is refused for good. Other refusals (authentication, relaying, the
            // sender) are the configuration's fault and stay retryable, so fixing it delivers the queue.
            throw new EmailDeliveryException($"The mail server refused the email ({(int)exception.StatusCode}).", permanent: true, exception);
        }
        catch (Exception exception) when (exception is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException
                                              or ServiceNotAuthenticatedException or AuthenticationException or SocketException or IOException
                                              or TimeoutException or SslHandshakeException or ArgumentException)
        {
            throw new EmailDeliveryException($"The mail server could not take the email now ({exception.GetType().Name}).", permanent: false, exception);
        }
    }

    /// <summary>The text and HTML alternatives, and the attachments (e.g. <c>text/calendar</c> with its <c>method</c> parameter) as given.</summary>
    private static MimeEntity BodyOf(EmailMessage message)
    {
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        foreach (var attachment in message.Attachments ?? [])
        {
            if (!ContentType.TryParse(attachment.ContentType, out var contentType))
            {
                contentType = new ContentType("application", "octet-stream");
            }

            body.Attachments.Add(attachment.FileName, attachment.Content, contentType);
        }

        return body.ToMessageBody();
    }
}
