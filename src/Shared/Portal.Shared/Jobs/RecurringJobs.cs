using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Shared.Jobs;

/// <summary>
/// A job Hangfire runs on a schedule. Implementations mark <see cref="RunAsync"/> with
/// <c>[DisableConcurrentExecution]</c> so that, across every Host instance, one run at a time happens.
/// </summary>
public interface IRecurringJob
{
    Task RunAsync(CancellationToken cancellationToken);
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
