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

        var database = DatabaseSettings.From(configuration, environment.ContentRootPath);
        var storage = configuration["Jobs:Storage"] is { Length: > 0 } configured ? configured : database.Provider.ToString();
        services.AddHangfire(hangfire =>
        {
            hangfire.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            switch (storage)
            {
                case "InMemory":
                    hangfire.UseInMemoryStorage();
                    break;
                case nameof(DatabaseProvider.SqlServer):
                    hangfire.UseSqlServerStorage(database.SqlServerConnectionString, new SqlServerStorageOptions
                    {
                        SchemaName = "hangfire",
                        PrepareSchemaIfNecessary = true,
                        QueuePollInterval = TimeSpan.Zero,
                    });
                    break;
                default:
                    Directory.CreateDirectory(database.DataDirectory);
                    hangfire.UseSQLiteStorage(Path.Combine(database.DataDirectory, "hangfire.db"), new SQLiteStorageOptions
                    {
                        QueuePollInterval = TimeSpan.FromSeconds(1),
                    });
                    break;
            }
        });

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

    /// <summary>Schedules (or reschedules) every declared recurring job with its configured cron (<c>Jobs:&lt;id&gt;:Cron</c>).</summary>
    public static void ScheduleRecurringJobs(this WebApplication app)
    {
        var manager = app.Services.GetRequiredService<IRecurringJobManager>();
        foreach (var job in app.Services.GetServices<RecurringJobDefinition>())
        {
            job.Register(manager, job.CronOf(app.Configuration));
        }
    }

    /// <summary>Open in Development; elsewhere practice admins only (a signed-in practiceAdmin; others 401/403).</summary>
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
            dashboard.RequireAuthorization(Policies.PracticeAdmin);
        }
    }
}
