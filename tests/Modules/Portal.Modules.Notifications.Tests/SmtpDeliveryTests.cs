using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Notifications.Contracts;
using Portal.Modules.Notifications.Data;
using Portal.Modules.Notifications.Email;
using Portal.Testing;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using Xunit;

namespace Portal.Modules.Notifications.Tests;

/// <summary>The production sender (MailKit) against a real SMTP server running in the test process.</summary>
public sealed class SmtpDeliveryTests : IAsyncLifetime
{
    private readonly CapturingMessageStore _store = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly int _port = FreePort();
    private Task? _server;
    private PortalApp _app = null!;

    public Task InitializeAsync()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Port(_port).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        _server = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
        _app = new PortalApp
        {
            Settings =
            {
                ["Email:Delivery"] = "Smtp",
                ["Email:From"] = "portal@harbour.test",
                ["Email:FromName"] = "Harbour Health",
                ["Email:Smtp:Host"] = "127.0.0.1",
                ["Email:Smtp:Port"] = _port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Email:Smtp:Security"] = "None",
            },
        };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _stop.CancelAsync();
        if (_server is not null)
        {
            try
            {
                await _server;
            }
            catch (OperationCanceledException)
            {
                // the server stops by cancellation
            }
        }

        _stop.Dispose();
    }

    [Fact]
    public async Task An_email_arrives_with_recipient_subject_plain_text_and_html()
    {
        var id = Guid.CreateVersion7();
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<EmailOutbox>().QueueAsync(id, DemoData.HarbourHealthId, "ava@example.test",
                new EmailContent("You're invited to Harbour Health's patient portal", "Welcome, Ava",
                    ["Harbour Health invites you to manage your appointments and details online."],
                    new EmailAction("Accept your invitation", "http://localhost:5080/invite/abc")), default);
            await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().SaveChangesAsync();
        }

        await _app.RunJobAsync(Jobs.EmailDelivery);

        var message = Assert.Single(_store.Messages);
        Assert.Equal("ava@example.test", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("portal@harbour.test", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal("You're invited to Harbour Health's patient portal", message.Subject);
        Assert.Equal($"{id:N}@portal", message.MessageId);
        Assert.Contains("Accept your invitation: http://localhost:5080/invite/abc", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("href=\"http://localhost:5080/invite/abc\"", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Harbour Health", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_attachment_arrives_with_its_name_type_and_bytes_and_is_not_kept_once_sent()
    {
        var id = Guid.CreateVersion7();
        var calendar = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n"u8.ToArray();
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<EmailOutbox>().QueueAsync(id, DemoData.HarbourHealthId, "ava@example.test",
                new EmailContent("Appointment confirmed", "Your appointment is booked", ["Monday 1 March 2027, 10:00 AEDT"],
                    Attachments: [new EmailAttachment("appointment.ics", "text/calendar; method=PUBLISH; charset=utf-8", calendar)]), default);
            await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().SaveChangesAsync();
        }

        await _app.RunJobAsync(Jobs.EmailDelivery);

        var message = Assert.Single(_store.Messages);
        var attachment = Assert.Single(message.Attachments.OfType<MimePart>());
        Assert.Equal("appointment.ics", attachment.FileName);
        Assert.Equal("text/calendar", attachment.ContentType.MimeType);
        Assert.Equal("PUBLISH", attachment.ContentType.Parameters["method"]);
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);
        Assert.Equal(calendar, content.ToArray());
        Assert.Contains("Monday 1 March 2027, 10:00 AEDT", message.TextBody, StringComparison.Ordinal);

        await using var check = _app.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var sent = db.Emails.Single(e => e.Id == id);
        Assert.Equal(Domain.EmailStatus.Sent, sent.Status);
        Assert.Empty(sent.Attachments);   // forgotten with the bodies
    }

    [Fact]
    public async Task An_unreachable_server_is_a_transient_failure_that_is_retried()
    {
        await using var app = new PortalApp
        {
            Settings =
            {
                ["Email:Delivery"] = "Smtp",
                ["Email:Smtp:Host"] = "127.0.0.1",
                ["Email:Smtp:Port"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Email:Smtp:Security"] = "None",
            },
        };
        var id = Guid.CreateVersion7();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<EmailOutbox>().QueueAsync(id, null, "noah@example.test",
                new EmailContent("Hi", "Hi", ["Line"]), default);
            await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().SaveChangesAsync();
        }

        await app.RunJobAsync(Jobs.EmailDelivery);

        await using var check = app.Services.CreateAsyncScope();
        var email = check.ServiceProvider.GetRequiredService<NotificationsDbContext>().Emails.Single(e => e.Id == id);
        Assert.Equal(Domain.EmailStatus.Pending, email.Status);
        Assert.Equal(1, email.Attempts);
        Assert.True(email.NextAttemptAt > app.Clock.GetUtcNow());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class CapturingMessageStore : MessageStore
    {
        private readonly ConcurrentQueue<MimeMessage> _messages = new();

        public IReadOnlyList<MimeMessage> Messages => [.. _messages];

        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            _messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
