using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Notifications.Contracts;
using Portal.Modules.Notifications.Data;
using Portal.Modules.Notifications.Domain;
using Portal.Modules.Notifications.Email;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Notifications.Tests;

/// <summary>The email outbox: each email sent once, transient failures retried with back-off, permanent ones recorded.</summary>
public sealed class EmailDeliveryTests : IAsyncLifetime
{
    private readonly ScriptedEmailSender _sender = new();
    private readonly PortalApp _app;

    public EmailDeliveryTests() =>
        _app = new PortalApp
        {
            ConfigureTestServices = services =>
            {
                services.RemoveAll<IEmailSender>();
                services.AddSingleton<IEmailSender>(_sender);
            },
        };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_queued_email_is_sent_once_with_its_message_id()
    {
        var id = await QueueAsync();

        await _app.RunJobAsync(Jobs.EmailDelivery);
        await _app.RunJobAsync(Jobs.EmailDelivery);

        var sent = Assert.Single(_sender.Sent);
        Assert.Equal($"{id:N}@portal", sent.MessageId);
        Assert.Equal("ava@example.test", sent.To);
        var email = await EmailAsync(id);
        Assert.Equal(EmailStatus.Sent, email.Status);
        Assert.Equal(1, email.Attempts);
    }

    [Fact]
    public async Task A_transient_failure_is_retried_after_a_delay_and_the_email_goes_out_once()
    {
        _sender.FailNext(permanent: false, times: 1);
        var id = await QueueAsync();

        await _app.RunJobAsync(Jobs.EmailDelivery);
        var afterFailure = await EmailAsync(id);
        Assert.Equal(EmailStatus.Pending, afterFailure.Status);
        Assert.Equal(1, afterFailure.Attempts);
        Assert.NotNull(afterFailure.LastError);

        await _app.RunJobAsync(Jobs.EmailDelivery);   // not yet due: the back-off holds it
        Assert.Empty(_sender.Sent);

        _app.Clock.Advance(EmailDeliveryJob.RetryDelay(1));
        await _app.RunJobAsync(Jobs.EmailDelivery);
        await _app.RunJobAsync(Jobs.EmailDelivery);

        Assert.Single(_sender.Sent);
        var sent = await EmailAsync(id);
        Assert.Equal(EmailStatus.Sent, sent.Status);
        Assert.Equal(2, sent.Attempts);
    }

    [Fact]
    public async Task A_permanent_failure_is_recorded_and_never_retried()
    {
        _sender.FailNext(permanent: true, times: 1);
        var id = await QueueAsync();

        await _app.RunJobAsync(Jobs.EmailDelivery);
        _app.Clock.Advance(TimeSpan.FromDays(1));
        await _app.RunJobAsync(Jobs.EmailDelivery);

        Assert.Empty(_sender.Sent);
        var email = await EmailAsync(id);
        Assert.Equal(EmailStatus.Failed, email.Status);
        Assert.Equal(1, email.Attempts);
        Assert.Contains("refused", email.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transient_failures_give_up_after_the_maximum_attempts()
    {
        _sender.FailNext(permanent: false, times: 100);
        var id = await QueueAsync();

        for (var attempt = 1; attempt <= 8; attempt++)
        {
            await _app.RunJobAsync(Jobs.EmailDelivery);
            _app.Clock.Advance(EmailDeliveryJob.RetryDelay(attempt));
        }

        await _app.RunJobAsync(Jobs.EmailDelivery);
        var email = await EmailAsync(id);
        Assert.Equal(EmailStatus.Failed, email.Status);
        Assert.Equal(8, email.Attempts);
    }

    [Fact]
    public async Task An_email_left_in_sending_by_a_crash_is_sent_again_once_its_lease_runs_out()
    {
        var id = await QueueAsync();
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            // The process died after claiming the email, before recording the outcome.
            var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
            var leaseUntil = _app.Clock.GetUtcNow().AddMinutes(5);
            await db.Emails.Where(e => e.Id == id).ExecuteUpdateAsync(set => set
                .SetProperty(e => e.Status, EmailStatus.Sending)
                .SetProperty(e => e.Attempts, 1)
                .SetProperty(e => e.LeaseUntil, leaseUntil));
        }

        await _app.RunJobAsync(Jobs.EmailDelivery);
        Assert.Empty(_sender.Sent);   // the lease still holds: maybe another instance is sending it

        _app.Clock.Advance(TimeSpan.FromMinutes(6));
        await _app.RunJobAsync(Jobs.EmailDelivery);

        Assert.Equal($"{id:N}@portal", Assert.Single(_sender.Sent).MessageId);
        Assert.Equal(EmailStatus.Sent, (await EmailAsync(id)).Status);
    }

    [Fact]
    public async Task A_run_that_finds_the_previous_run_still_going_ends_at_once()
    {
        var id = await QueueAsync();
        using (var connection = _app.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection())
        using (connection.AcquireDistributedLock($"portal:recurring:{Jobs.EmailDelivery}", TimeSpan.FromSeconds(5)))
        {
            await _app.RunJobAsync(Jobs.EmailDelivery);   // another instance holds the run
            Assert.Empty(_sender.Sent);
        }

        await _app.RunJobAsync(Jobs.EmailDelivery);
        Assert.Equal($"{id:N}@portal", Assert.Single(_sender.Sent).MessageId);
    }

    [Fact]
    public async Task The_same_email_request_delivered_twice_queues_one_email()
    {
        var request = new EmailRequested(Guid.NewGuid(), _app.Clock.GetUtcNow(), DemoData.HarbourHealthId, "noah@example.test",
            new EmailContent("Hello", "Hello Noah", ["First line."]));

        for (var delivery = 0; delivery < 2; delivery++)
        {
            await using var scope = _app.Services.CreateAsyncScope();
            var consumer = scope.ServiceProvider.GetRequiredService<Portal.Shared.Messaging.IIntegrationEventConsumer<EmailRequested>>();
            await consumer.ConsumeAsync(request, default);
        }

        await _app.RunJobAsync(Jobs.EmailDelivery);
        var sent = Assert.Single(_sender.Sent);
        Assert.Equal("Hello", sent.Subject);
        Assert.Contains("Harbour Health", sent.TextBody, StringComparison.Ordinal);
    }

    private async Task<Guid> QueueAsync()
    {
        var id = Guid.CreateVersion7();
        await using var scope = _app.Services.CreateAsyncScope();
        var emails = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
        await emails.QueueAsync(id, DemoData.HarbourHealthId, "ava@example.test",
            new EmailContent("Your appointment", "See you soon", ["Your appointment is confirmed."], new EmailAction("View", "http://localhost/a")), default);
        await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().SaveChangesAsync();
        return id;
    }

    private async Task<OutgoingEmail> EmailAsync(Guid id)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().Emails.AsNoTracking().SingleAsync(e => e.Id == id);
    }

    /// <summary>An <see cref="IEmailSender"/> that records what it sends and fails when told to.</summary>
    private sealed class ScriptedEmailSender : IEmailSender
    {
        private readonly object _gate = new();
        private int _failures;
        private bool _permanent;

        public List<EmailMessage> Sent { get; } = [];

        public void FailNext(bool permanent, int times)
        {
            lock (_gate)
            {
                _permanent = permanent;
                _failures = times;
            }
        }

        public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                if (_failures > 0)
                {
                    _failures--;
                    throw new EmailDeliveryException(_permanent ? "The mail server refused the email (550)." : "Connection reset", _permanent);
                }

                Sent.Add(message);
            }

            return Task.CompletedTask;
        }
    }
}
