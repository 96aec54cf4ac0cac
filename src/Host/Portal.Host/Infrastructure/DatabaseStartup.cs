using Portal.Shared.Modules;
using Portal.Shared.Persistence;

namespace Portal.Host.Infrastructure;

internal static class DatabaseStartup
{
    /// <summary>
    /// Applies each module's migrations (unless <c>Database:MigrateOnStartup</c> is false), in Development
    /// seeds the documented demo data into an empty database (<c>DemoData:Seed</c>), then runs the modules'
    /// start-up tasks (e.g. the first-run bootstrap, which finds the demo practices and does nothing).
    /// </summary>
    public static async Task PrepareDatabasesAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(settings.DataDirectory);
        }

        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        if (settings.MigrateOnStartup)
        {
            foreach (var database in services.GetServices<IModuleDatabase>())
            {
                await database.MigrateAsync(services, cancellationToken);
            }
        }

        if (app.Environment.IsDevelopment() && app.Configuration.GetValue("DemoData:Seed", true))
        {
            foreach (var seeder in services.GetServices<IDemoDataSeeder>().OrderBy(s => s.Order))
            {
                await seeder.SeedAsync(cancellationToken);
            }
        }

        foreach (var task in services.GetServices<IStartupTask>())
        {
            await task.RunAsync(cancellationToken);
        }
    }
}
