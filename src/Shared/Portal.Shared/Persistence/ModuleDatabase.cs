using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Shared.Persistence;

/// <summary>One module's database as the Host sees it at start-up: something to migrate.</summary>
public interface IModuleDatabase
{
    string Schema { get; }

    /// <summary>The module's DbContext in the given scope (e.g. for the outbox relay).</summary>
    DbContext ContextIn(IServiceProvider scopedServices);

    Task MigrateAsync(IServiceProvider scopedServices, CancellationToken cancellationToken);
}

internal sealed class ModuleDatabase<TContext>(ModuleDatabaseName name, DatabaseProvider provider) : IModuleDatabase
    where TContext : DbContext
{
    public string Schema => name.Schema;

    public DbContext ContextIn(IServiceProvider scopedServices) => scopedServices.GetRequiredService<TContext>();

    public async Task MigrateAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
    {
        var context = scopedServices.GetRequiredService<TContext>();
        if (provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers and one writer work at once; the mode is stored in the file, so once is enough.
            await context.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
                await context.Database.MigrateAsync(cancellationToken);
            }
            finally
            {
                await context.Database.CloseConnectionAsync();
            }
        }
        else
        {
            await context.Database.MigrateAsync(cancellationToken);
        }
    }
}
