using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Modules.Notifications.Contracts;
using Portal.Modules.Notifications.Data;
using Portal.Modules.Notifications.Domain;
using Portal.Shared.Jobs;

namespace Portal.Modules.Notifications.Email;

/// <summary>
/// Delivers the email outbox (job <c>email.deliver</c>). Each email is claimed with a lease before it is sent and
/// marked sent right after, so it goes out once as far as the outbox can tell; only a crash between the server
/// accepting it and the mark resends it, with the same Message-ID.
/// </summary>
internal sealed partial class EmailDeliveryJob(
    IServiceScopeFactory scopes, IOptions<EmailSettings> settings, TimeProvider clock, JobStorage storage, ILogger<EmailDeliveryJob> logger)
    : ExclusiveRecurringJob(storage)
{
    public const string Id = "email.deliver";
    private const int BatchSize = 50;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    protected override string JobId => Id;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        // Drain the queue batch by batch, within a bound per run.
        for (var batch = 0; batch < 50 && await DeliverBatchAsync(cancellationToken) == BatchSize; batch++)
        {
        }
    }

    private async Task<int> DeliverBatchAsync(CancellationToken cancellationToken)
    {
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
            var now = clock.GetUtcNow();
            due = await db.Emails.AsNoTracking()
                .Where(e => (e.Status == EmailStatus.Pending && e.NextAttemptAt <= now)
                            || (e.Status == EmailStatus.Sending && e.LeaseUntil < now))
                .OrderBy(e => e.CreatedAt).ThenBy(e => e.Id)
                .Select(e => e.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
        }

        foreach (var emailId in due)
        {
            await DeliverAsync(emailId, cancellationToken);
        }

        return due.Count;
    }

    private async Task DeliverAsync(Guid emailId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var now = clock.GetUtcNow();

        // The claim is one conditional UPDATE: of two runs (or instances) racing, one gets the email.
        var claimed = await db.Emails
            .Where(e => e.Id == emailId
                        && ((e.Status == EmailStatus.Pending && e.NextAttemptAt <= now) || (e.Status == EmailStatus.Sending && e.LeaseUntil < now)))
            .ExecuteUpdateAsync(set => set
                .SetProperty(e => e.Status, EmailStatus.Sending)
                .SetProperty(e => e.LeaseUntil, now + Lease)
                .SetProperty(e => e.Attempts, e => e.Attempts + 1), cancellationToken);
        if (claimed == 0)
        {
            return;
        }

        var email = await db.Emails.SingleAsync(e => e.Id == emailId, cancellationToken);
        try
        {
            await scope.ServiceProvider.GetRequiredService<IEmailSender>()
                .SendAsync(new EmailMessage(email.MessageId, email.To, email.Subject, email.TextBody, email.HtmlBody,
                    email.Attachments.Select(a => new EmailAttachment(a.FileName, a.ContentType, a.Content)).ToList()), cancellationToken);
            email.Sent(clock.GetUtcNow());
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Anything else than the sender's own verdict is treated as transient: recorded, retried, and
            // eventually given up, never left in Sending.
            var permanent = exception is EmailDeliveryException { Permanent: true };
            var error = exception is EmailDeliveryException ? exception.Message : $"Unexpected {exception.GetType().Name} while sending.";
            if (permanent || email.Attempts >= settings.Value.MaxAttempts)
            {
                email.GivenUp(error);
                LogGivenUp(exception, email.Id, email.Attempts);
            }
            else
            {
                email.WillRetry(error, clock.GetUtcNow() + RetryDelay(email.Attempts));
                LogWillRetry(exception, email.Id, email.Attempts);
            }
        }

        // Not cancellable: once the server has the email, the "sent" mark must be saved even during shutdown.
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>1, 2, 4, 8 ... minutes, at most two hours.</summary>
    public static TimeSpan RetryDelay(int attempts) => RetryBackoff.After(attempts, TimeSpan.FromHours(2));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {EmailId} not delivered (attempt {Attempts}); it will be retried")]
    private partial void LogWillRetry(Exception exception, Guid emailId, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Email {EmailId} failed for good after {Attempts} attempt(s)")]
    private partial void LogGivenUp(Exception exception, Guid emailId, int attempts);
}
