using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Modules.Notifications.Contracts;
using Portal.Modules.Notifications.Data;
using Portal.Modules.Notifications.Domain;
using Portal.Modules.Notifications.Email;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Notifications.Tests;

/// <summary>The email outbox: each email sent once, transient failures retried with back-off, permanent ones recorded.</summary>
/// <remarks>
/// The tests share one Host and its scripted sender: each sends to an address of its own (failures are scripted per
/// address, what was sent is read per address) for a practice of its own, so the job's other emails are not its concern.
/// </remarks>
public sealed class EmailDeliveryTests(EmailDeliveryTests.ScriptedSenderApp app) : IClassFixture<EmailDeliveryTests.ScriptedSenderApp>
{
    private readonly string _to = $"ava.{Guid.NewGuid():N}@example.test";

    private IReadOnlyList<EmailMessage> Sent => app.Sender.SentTo(_to);

    [Fact]
    public async Task A_queued_email_is_sent_once_with_its_message_id()
    {
        var id = await QueueAsync();

        await app.RunJobAsync(Jobs.EmailDelivery);
        await app.RunJobAsync(Jobs.EmailDelivery);

        var sent = Assert.Single(Sent);
        Assert.Equal($"{id:N}@portal", sent.MessageId);
        Assert.Equal(_to, sent.To);
        var email = await EmailAsync(id);
        Assert.Equal(EmailStatus.Sent, email.Status);
        Assert.Equal(1, email.Attempts);
    }

    [Fact]
    public async Task A_transient_failure_is_retried_after_a_delay_and_the_email_goes_out_once()
    {
        app.Sender.FailNext(_to, permanent: false, times: 1);
        var id = await QueueAsync();

        await app.RunJobAsync(Jobs.EmailDelivery);
        var afterFailure = await EmailAsync(id);
        Assert.Equal(EmailStatus.Pending, afterFailure.Status);
        Assert.Equal(1, afterFailure.Attempts);
        Assert.NotNull(afterFailure.LastError);

        await app.RunJobAsync(Jobs.EmailDelivery);   // not yet due: the back-off holds it
        Assert.Empty(Sent);

        app.Clock.Advance(EmailDeliveryJob.RetryDelay(1));
        await app.RunJobAsync(Jobs.EmailDelivery);
        await app.RunJobAsync(Jobs.EmailDelivery);

        Assert.Single(Sent);
        var sent = await EmailAsync(id);
        Assert.Equal(EmailStatus.Sent, sent.Status);
        Assert.Equal(2, sent.Attempts);
    }

    [Fact]
    public async Task A_permanent_failure_is_recorded_and_never_retried()
    {
        app.Sender.FailNext(_to, permanent: true, times: 1);
        var id = await QueueAsync();

        await app.RunJobAsync(Jobs.EmailDelivery);
        app.Clock.Advance(TimeSpan.FromDays(1));
        await app.RunJobAsync(Jobs.EmailDelivery);

        Assert.Empty(Sent);
        var email = await EmailAsync(id);
        Assert.Equal(EmailStatus.Failed, email.Status);
        Assert.Equal(1, email.Attempts);
        Assert.Contains("refused", email.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transient_failures_give_up_after_the_maximum_attempts()
    {
        app.Sender.FailNext(_to, permanent: false, times: 100);
        var id = await QueueAsync();

        for (var attempt = 1; attempt <= 8; attempt++)
        {
            await app.RunJobAsync(Jobs.EmailDelivery);
            app.Clock.Advance(EmailDeliveryJob.RetryDelay(attempt));
        }

        await app.RunJobAsync(Jobs.EmailDelivery);
        var email = await EmailAsync(id);
        Assert.Equal(EmailStatus.Failed, email.Status);
        Assert.Equal(8, email.Attempts);
    }

    [Fact]
    public async Task An_email_left_in_sending_by_a_crash_is_sent_again_once_its_lease_runs_out()
    {
        var id = await QueueAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // The process died after claiming the email, before recording the outcome.
            var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
            var leaseUntil = app.Clock.GetUtcNow().AddMinutes(5);
            await db.Emails.Where(e => e.Id == id).ExecuteUpdateAsync(set => set
                .SetProperty(e => e.Status, EmailStatus.Sending)
                .SetProperty(e => e.Attempts, 1)
                .SetProperty(e => e.LeaseUntil, leaseUntil));
        }

        await app.RunJobAsync(Jobs.EmailDelivery);
        Assert.Empty(Sent);   // the lease still holds: maybe another instance is sending it

        app.Clock.Advance(TimeSpan.FromMinutes(6));
        await app.RunJobAsync(Jobs.EmailDelivery);

        Assert.Equal($"{id:N}@portal", Assert.Single(Sent).MessageId);
        Assert.Equal(EmailStatus.Sent, (await EmailAsync(id)).Status);
    }

    [Fact]
    public async Task A_run_that_finds_the_previous_run_still_going_ends_at_once()
    {
        var id = await QueueAsync();
        using (var connection = app.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection())
        using (connection.AcquireDistributedLock($"portal:recurring:{Jobs.EmailDelivery}", TimeSpan.FromSeconds(5)))
        {
            await app.RunJobAsync(Jobs.EmailDelivery);   // another instance holds the run
            Assert.Empty(Sent);
        }

        await app.RunJobAsync(Jobs.EmailDelivery);
        Assert.Equal($"{id:N}@portal", Assert.Single(Sent).MessageId);
    }

    [Fact]
    public async Task The_same_email_request_delivered_twice_queues_one_email()
    {
        var practice = await app.NewPracticeAsync();
        var request = new EmailRequested(Guid.NewGuid(), app.Clock.GetUtcNow(), practice.Id, _to,
            new EmailContent("Hello", "Hello Noah", ["First line."]));

        for (var delivery = 0; delivery < 2; delivery++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var consumer = scope.ServiceProvider.GetRequiredService<Portal.Shared.Messaging.IIntegrationEventConsumer<EmailRequested>>();
            await consumer.ConsumeAsync(request, default);
        }

        await app.RunJobAsync(Jobs.EmailDelivery);
        var sent = Assert.Single(Sent);
        Assert.Equal("Hello", sent.Subject);
        Assert.Contains(practice.Name, sent.TextBody, StringComparison.Ordinal);
    }

    private async Task<Guid> QueueAsync()
    {
        var practice = await app.NewPracticeAsync();
        var id = Guid.CreateVersion7();
        await using var scope = app.Services.CreateAsyncScope();
        var emails = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
        await emails.QueueAsync(id, practice.Id, _to,
            new EmailContent("Your appointment", "See you soon", ["Your appointment is confirmed."], new EmailAction("View", "http://localhost/a")), default);
        await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().SaveChangesAsync();
        return id;
    }

    private async Task<OutgoingEmail> EmailAsync(Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().Emails.AsNoTracking().SingleAsync(e => e.Id == id);
    }

    /// <summary>The Host of this class's tests, its email sender replaced by a <see cref="ScriptedEmailSender"/>.</summary>
    public sealed class ScriptedSenderApp : PortalApp
    {
        public ScriptedSenderApp() =>
            ConfigureTestServices = services =>
            {
                services.RemoveAll<IEmailSender>();
                services.AddSingleton<IEmailSender>(Sender);
            };

        internal ScriptedEmailSender Sender { get; } = new();
    }

    /// <summary>An <see cref="IEmailSender"/> that records what it sends and fails for an address when told to.</summary>
    internal sealed class ScriptedEmailSender : IEmailSender
    {
        private readonly object _gate = new();
        private readonly Dictionary<string, (int Failures, bool Permanent)> _script = [];
        private readonly List<EmailMessage> _sent = [];

        public IReadOnlyList<EmailMessage> SentTo(string to)
        {
            lock (_gate)
            {
                return _sent.Where(m => m.To == to).ToList();
            }
        }

        public void FailNext(string to, bool permanent, int times)
        {
            lock (_gate)
            {
                _script[to] = (times, permanent);
            }
        }

        public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                if (_script.TryGetValue(message.To, out var script) && script.Failures > 0)
                {
                    _script[message.To] = (script.Failures - 1, script.Permanent);
                    throw new EmailDeliveryException(script.Permanent ? "The mail server refused the email (550)." : "Connection reset", script.Permanent);
                }

                _sent.Add(message);
            }

            return Task.CompletedTask;
        }
    }
}
