using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Portal.Shared.Persistence;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build a module's SQLite context without starting the Host.
/// A module declares <c>class X : SqliteDesignTimeFactory&lt;SqliteXDbContext&gt;;</c> in its Data folder.
/// </summary>
public abstract class SqliteDesignTimeFactory<TContext> : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args) =>
        Create<TContext>(new DbContextOptionsBuilder<TContext>().UseSqlite("Data Source=design-time.db").Options);

    internal static T Create<T>(DbContextOptions<T> options)
        where T : DbContext =>
        (T)Activator.CreateInstance(typeof(T), options)!;
}

/// <summary>The SQL Server twin of <see cref="SqliteDesignTimeFactory{TContext}"/>; no server is contacted.</summary>
public abstract class SqlServerDesignTimeFactory<TContext> : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args) =>
        SqliteDesignTimeFactory<TContext>.Create(new DbContextOptionsBuilder<TContext>()
            .UseSqlServer("Server=design-time;Database=Portal;Trusted_Connection=True")
            .Options);
}
