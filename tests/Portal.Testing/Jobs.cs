using Microsoft.Extensions.DependencyInjection;
using Portal.Shared.Jobs;

namespace Portal.Testing;

/// <summary>Runs a recurring job now, the way Hangfire's worker would (a scope of its own), without waiting for its schedule.</summary>
public static class Jobs
{
    public const string OutboxRelay = "outbox-relay";
    public const string EmailDelivery = "email.deliver";

    public static async Task RunJobAsync(this PortalApp app, string jobId)
    {
        var definition = app.Services.GetServices<RecurringJobDefinition>().Single(j => j.Id == jobId);
        await using var scope = app.Services.CreateAsyncScope();
        var job = (IRecurringJob)scope.ServiceProvider.GetRequiredService(definition.JobType);
        await job.RunAsync(CancellationToken.None);
    }

    /// <summary>Relays the outboxes, then delivers the email they queued.</summary>
    public static async Task RunMessagingAsync(this PortalApp app)
    {
        await app.RunJobAsync(OutboxRelay);
        await app.RunJobAsync(EmailDelivery);
    }
}
