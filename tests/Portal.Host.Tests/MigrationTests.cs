using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Xunit;

namespace Portal.Host.Tests;

/// <summary>
/// Each module has a SQLite and a SQL Server DbContext carrying that provider's migrations. The model must
/// match the migrations (no forgotten <c>migrations add</c>), and the SQL Server script — the production
/// path, which cannot run here — must at least parse as T-SQL. While Portal is unreleased each context has exactly
/// one migration, <c>Initial</c> (docs/decisions: "One Initial migration per module while unreleased"); from the
/// first release on, migrations are only added and <see cref="AssertOneInitialMigration"/> becomes a non-empty check.
/// </summary>
public sealed class MigrationTests
{
    public static TheoryData<string> SqliteContexts() => new(ContextNames("Sqlite"));

    public static TheoryData<string> SqlServerContexts() => new(ContextNames("SqlServer"));

    [Theory]
    [MemberData(nameof(SqliteContexts))]
    public void Sqlite_model_has_no_pending_changes_and_its_migrations_apply(string contextName)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var context = Create(contextName, options => options.UseSqlite(connection));

        Assert.False(context.Database.HasPendingModelChanges(), $"{contextName}: the model has changes that no migration holds; {RegenerateInitial}");
        AssertOneInitialMigration(context, contextName);
        context.Database.Migrate();
        Assert.Empty(context.Database.GetPendingMigrations());
    }

    [Theory]
    [MemberData(nameof(SqlServerContexts))]
    public void SqlServer_model_has_no_pending_changes_and_its_script_parses_as_tsql(string contextName)
    {
        using var context = Create(contextName, options => options.UseSqlServer("Server=unused;Database=Portal;Trusted_Connection=True"));

        Assert.False(context.Database.HasPendingModelChanges(), $"{contextName}: the model has changes that no migration holds; {RegenerateInitial}");
        AssertOneInitialMigration(context, contextName);
        var script = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains("CREATE TABLE", script, StringComparison.Ordinal);

        var parser = new TSql170Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        parser.Parse(reader, out var errors);

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"line {e.Line}: {e.Message}")));
    }

    [Fact]
    public void Every_module_context_has_both_providers()
    {
        var sqlite = ContextNames("Sqlite").Select(n => n.Replace("Sqlite", string.Empty, StringComparison.Ordinal)).ToHashSet();
        var sqlServer = ContextNames("SqlServer").Select(n => n.Replace("SqlServer", string.Empty, StringComparison.Ordinal)).ToHashSet();
        Assert.True(sqlite.Count >= 2);
        Assert.Equal(sqlite.Order(), sqlServer.Order());
    }

    private const string RegenerateInitial =
        "regenerate the module's Initial migration for both providers with "
        + "rm -r src/Modules/<Module>/Portal.Modules.<Module>/Data/Migrations && scripts/add-migration.sh <Module> Initial";

    private static void AssertOneInitialMigration(DbContext context, string contextName)
    {
        var migrations = context.Database.GetMigrations().ToList();
        Assert.True(
            migrations is [var only] && only.EndsWith("_Initial", StringComparison.Ordinal),
            $"{contextName} has [{string.Join(", ", migrations)}]; while Portal is unreleased a module has one Initial migration per provider; {RegenerateInitial}");
    }

    private static List<string> ContextNames(string provider) =>
        ModuleContexts()
            .Where(t => t.Name.StartsWith(provider, StringComparison.Ordinal)
                        && !(provider == "Sqlite" && t.Name.StartsWith("SqlServer", StringComparison.Ordinal)))
            .Select(t => t.FullName!)
            .ToList();

    private static IEnumerable<Type> ModuleContexts() =>
        PortalModules.All.Select(m => m.GetType().Assembly)
            .SelectMany(a => a.GetTypes())
            .Where(t => typeof(DbContext).IsAssignableFrom(t) && t is { IsAbstract: false }
                        && (t.Name.StartsWith("Sqlite", StringComparison.Ordinal) || t.Name.StartsWith("SqlServer", StringComparison.Ordinal)));

    private static DbContext Create(string contextName, Action<DbContextOptionsBuilder> configure)
    {
        var type = ModuleContexts().Single(t => t.FullName == contextName);
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(type))!;
        configure(builder);
        return (DbContext)Activator.CreateInstance(type, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, null, [builder.Options], null)!;
    }
}
