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
            Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody(),
        };
        mime.From.Add(new MailboxAddress(settings.FromName, settings.From));
        mime.To.Add(MailboxAddress.Parse(message.To));

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
        catch (SmtpCommandException exception) when ((int)exception.StatusCode >= 500)
        {
            // 5xx: the server refuses this message for good (unknown mailbox, rejected content).
            throw new EmailDeliveryException($"The mail server refused the email ({(int)exception.StatusCode}).", permanent: true, exception);
        }
        catch (Exception exception) when (exception is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException
                                              or ServiceNotAuthenticatedException or AuthenticationException or SocketException or IOException
                                              or TimeoutException)
        {
            throw new EmailDeliveryException($"The mail server could not take the email now ({exception.GetType().Name}).", permanent: false, exception);
        }
    }
}
