using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Shared.Jobs;

/// <summary>A job Hangfire runs on a schedule. Implement it through <see cref="ExclusiveRecurringJob"/>.</summary>
public interface IRecurringJob
{
    Task RunAsync(CancellationToken cancellationToken);
}

/// <summary>
/// A recurring job of which one run at a time happens across every Host instance. A run that finds the previous
/// one still going ends at once instead of waiting (a waiting run would hold a worker, and the next scheduled run
/// does the work anyway). A run that fails is retried twice, then shown as failed in the dashboard and logged.
/// </summary>
public abstract class ExclusiveRecurringJob(JobStorage storage) : IRecurringJob
{
    /// <summary>The job's id (<c>module.job</c>), also the name of its lock.</summary>
    protected abstract string JobId { get; }

    [AutomaticRetry(Attempts = 2, DelaysInSeconds = [15, 60])]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var connection = storage.GetConnection();
        IDisposable runLock;
        try
        {
            runLock = connection.AcquireDistributedLock($"portal:recurring:{JobId}", TimeSpan.Zero);
        }
        catch (DistributedLockTimeoutException)
        {
            return;   // the previous run is still working through the same queue
        }

        using (runLock)
        {
            await RunOnceAsync(cancellationToken);
        }
    }

    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);
}

/// <summary>A recurring job a module declares: its id (<c>module.job</c>) and default schedule.</summary>
public sealed record RecurringJobDefinition(string Id, string DefaultCron, Type JobType, Action<IRecurringJobManager, string> Register);

public static class RecurringJobRegistration
{
    /// <summary>Declares a recurring job; the Host schedules it at start-up with <c>Jobs:&lt;id&gt;:Cron</c> or <paramref name="defaultCron"/>.</summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, string id, string defaultCron)
        where TJob : class, IRecurringJob
    {
        services.AddScoped<TJob>();
        services.AddSingleton(new RecurringJobDefinition(id, defaultCron, typeof(TJob), (manager, cron) =>
            manager.AddOrUpdate<TJob>(id, job => job.RunAsync(CancellationToken.None), cron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc })));
        return services;
    }

    public static string CronOf(this RecurringJobDefinition job, IConfiguration configuration) =>
        configuration[$"Jobs:{job.Id}:Cron"] is { Length: > 0 } cron ? cron : job.DefaultCron;
}
