using Hangfire;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;
using Portal.Shared.Jobs;
using Portal.Shared.Messaging;
using Portal.Shared.Persistence;

namespace Portal.Host.Infrastructure;

/// <summary>
/// Hangfire: storage beside the modules' data (a SQLite file in the data directory, or the SQL Server database
/// in schema <c>hangfire</c>; <c>Jobs:Storage=InMemory</c> only for tests), the processing server, the recurring
/// jobs the modules declare, and the dashboard at <c>/hangfire</c>.
/// </summary>
internal static class JobsSetup
{
    public static IServiceCollection AddPortalJobs(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton<IntegrationEventDispatcher>();
        services.AddRecurringJob<OutboxRelayJob>(OutboxRelayJob.Id, "*/10 * * * * *");
        services.AddRecurringJob<OutboxCleanupJob>(OutboxCleanupJob.Id, "17 3 * * *");

        var database = DatabaseSettings.From(configuration, environment.ContentRootPath);
        var storage = configuration["Jobs:Storage"] is { Length: > 0 } configured ? configured : database.Provider.ToString();
        // The storage is this Host's own singleton rather than Hangfire's static JobStorage.Current, so several
        // Hosts in one process (the tests) never share job state or locks.
        services.AddSingleton<JobStorage>(_ => storage switch
        {
            "InMemory" => new Hangfire.InMemory.InMemoryStorage(),
            nameof(DatabaseProvider.SqlServer) => new SqlServerStorage(database.SqlServerConnectionString, new SqlServerStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = TimeSpan.Zero,
            }),
            _ => SqliteStorage(database.DataDirectory),
        });
        services.AddHangfire((provider, hangfire) => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(provider.GetRequiredService<JobStorage>()));

        if (configuration.GetValue("Jobs:Server:Enabled", true))
        {
            services.AddHangfireServer(server =>
            {
                server.WorkerCount = configuration.GetValue("Jobs:Server:WorkerCount", 2);
                server.SchedulePollingInterval = TimeSpan.FromSeconds(5);
            });
        }

        return services;
    }

    private static SQLiteStorage SqliteStorage(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        return new SQLiteStorage(Path.Combine(dataDirectory, "hangfire.db"), new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(1) });
    }

    /// <summary>Schedules (or reschedules) every declared recurring job with its configured cron (<c>Jobs:&lt;id&gt;:Cron</c>).</summary>
    public static void ScheduleRecurringJobs(this WebApplication app)
    {
        var manager = app.Services.GetRequiredService<IRecurringJobManager>();
        foreach (var job in app.Services.GetServices<RecurringJobDefinition>())
        {
            job.Register(manager, job.CronOf(app.Configuration));
        }
    }

    /// <summary>
    /// Open in Development; elsewhere installation operators only (role <c>operator</c>, from <c>Operators:Emails</c>):
    /// the jobs are the whole installation's (every practice's email), so a practice admin gets 403 on every page and
    /// on the trigger, delete and requeue routes like anyone else.
    /// </summary>
    public static void MapJobsDashboard(this WebApplication app)
    {
        var dashboard = app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            DashboardTitle = "Portal jobs",
            Authorization = [],        // authorization is the endpoint's, below
            AsyncAuthorization = [],
            DisplayStorageConnectionString = false,
        });
        if (app.Environment.IsDevelopment())
        {
            dashboard.AllowAnonymous().RequireRateLimiting(RateLimitPolicies.AnonymousDocuments);
        }
        else
        {
            dashboard.RequireAuthorization(Policies.Operator);
        }
    }
}
