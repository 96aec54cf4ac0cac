using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Portal.Shared.Persistence;

public static class ModuleDatabaseRegistration
{
    /// <summary>
    /// Registers a module's DbContext for the configured provider. <typeparamref name="TContext"/> is what the
    /// module's code uses; <typeparamref name="TSqlite"/> and <typeparamref name="TSqlServer"/> are thin
    /// subclasses that only carry each provider's own migrations. Also registers the start-up migration,
    /// the readiness check, and enlistment in the unit of work.
    /// Contexts are pooled: a request leases one per module it touches and returns it reset. A new context costs
    /// EF Core a scope of its internal services and a fresh connection object (SQLite registers its functions on each);
    /// on <c>GET /api/me</c> that was about half of all memory allocated (docs/decisions/0012).
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext, TSqlite, TSqlServer>(
        this IServiceCollection services, IConfiguration configuration, ModuleDatabaseName name)
        where TContext : DbContext
        where TSqlite : TContext
        where TSqlServer : TContext
    {
        services.TryAddScoped<UnitOfWork>();
        // Read once per container, not on every DbContext a request creates.
        services.TryAddSingleton(sp => DatabaseSettings.From(configuration, sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        var provider = DatabaseSettings.ProviderOf(configuration);
        if (provider == DatabaseProvider.Sqlite)
        {
            // The pooled context is handed an open connection that outlives the request (docs/decisions/0015); its own
            // connection string is only for design-time tools.
            services.AddDbContextPool<TSqlite>((sp, options) => options.UseSqlite(
                sp.GetRequiredService<DatabaseSettings>().SqliteConnectionString(name.SqliteFile)));
            services.AddSingleton(sp => new OpenSqliteConnections<TContext>(
                sp.GetRequiredService<DatabaseSettings>().SqliteConnectionString(name.SqliteFile)));
            services.AddScoped<SqliteConnectionLease<TContext>>();
            services.AddScoped<TContext>(sp =>
            {
                // The lease is resolved first so that the scope disposes it last: the context is back in its pool,
                // done with the connection, before the connection goes back to be rented again.
                var lease = sp.GetRequiredService<SqliteConnectionLease<TContext>>();
                var context = sp.GetRequiredService<TSqlite>();
                context.Database.SetDbConnection(lease.Connection, contextOwnsConnection: false);
                return Enlisted<TContext>(sp, context);
            });
        }
        else
        {
            services.AddDbContextPool<TSqlServer>((sp, options) => options.UseSqlServer(
                sp.GetRequiredService<DatabaseSettings>().SqlServerConnectionString,
                sql => sql.MigrationsHistoryTable("__EFMigrationsHistory", name.Schema)));
            services.AddScoped<TContext>(sp => Enlisted<TContext>(sp, sp.GetRequiredService<TSqlServer>()));
        }

        services.AddSingleton<IModuleDatabase>(new ModuleDatabase<TContext>(name, provider));
        services.AddHealthChecks().AddDbContextCheck<TContext>(name.Schema, tags: ["ready"]);
        return services;
    }

    private static TContext Enlisted<TContext>(IServiceProvider services, TContext context)
        where TContext : DbContext
    {
        services.GetRequiredService<UnitOfWork>().Enlist(context);
        return context;
    }
}

/// <summary>A module's database names: its SQL Server schema and its SQLite file.</summary>
public sealed record ModuleDatabaseName(string Schema, string SqliteFile)
{
    /// <summary>e.g. <c>portal_settings</c> → schema <c>portal_settings</c>, file <c>portal_settings.db</c>.</summary>
    public static ModuleDatabaseName For(string schema) => new(schema, schema + ".db");
}
