// One read as Portal's hottest one is shaped (an account's linked patient records: an indexed lookup, ordered, two
// columns), repeated on 2 threads for a few seconds, five ways. Prints reads per second and CPU per read.
//
//   dotnet run -c Release --project bench/QueryFloor [seconds, default 5] [threads, default 2]
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

var seconds = args.Length > 0 ? int.Parse(args[0]) : 5;
var threads = args.Length > 1 ? int.Parse(args[1]) : 2;
var directory = Directory.CreateTempSubdirectory("portal-query-floor");
try
{
    // The connection string Portal uses (DatabaseSettings.SqliteConnectionString), on a WAL database like Portal's.
    var connectionString = $"Data Source={Path.Combine(directory.FullName, "links.db")};Foreign Keys=True;Default Timeout=30";
    var userId = Guid.NewGuid();
    Seed(connectionString, userId);

    var efCore = Contexts(connectionString, withoutEfFunctions: false);
    var efCoreWithoutFunctions = Contexts(connectionString, withoutEfFunctions: true);
    // A compiled query belongs to the model it first ran with: one per service provider.
    var compiled = LinkedRecords();
    var compiledWithoutFunctions = LinkedRecords();

    Console.WriteLine($"One read (an account's linked records), {threads} threads, {seconds} s each:");
    await MeasureAsync("EF Core LINQ, pooled context", async () =>
    {
        using var scope = efCore.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LinksContext>();
        await db.Links.AsNoTracking().Where(l => l.UserId == userId).OrderBy(l => l.LinkedAt).Select(l => new { l.PatientId, l.LinkedAt }).ToListAsync();
    });
    await MeasureAsync("EF Core compiled query, pooled context", async () =>
    {
        using var scope = efCore.CreateScope();
        await foreach (var _ in compiled(scope.ServiceProvider.GetRequiredService<LinksContext>(), userId))
        {
        }
    });
    await MeasureAsync("  the same, EF's SQLite functions not registered", async () =>
    {
        using var scope = efCoreWithoutFunctions.CreateScope();
        await foreach (var _ in compiledWithoutFunctions(scope.ServiceProvider.GetRequiredService<LinksContext>(), userId))
        {
        }
    });
    await MeasureAsync("ADO.NET: open, read, close", async () =>
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT PatientId, LinkedAt FROM Links WHERE UserId = $user ORDER BY LinkedAt";
        command.Parameters.AddWithValue("$user", userId.ToString().ToUpperInvariant());
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
        }
    });

    // What a statement cache would save: one connection per thread kept open, its command prepared once and reused.
    var prepared = new ThreadLocal<SqliteCommand>(() =>
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        var command = connection.CreateCommand();
        command.CommandText = "SELECT PatientId, LinkedAt FROM Links WHERE UserId = $user ORDER BY LinkedAt";
        command.Parameters.AddWithValue("$user", userId.ToString().ToUpperInvariant());
        command.Prepare();
        return command;
    }, trackAllValues: true);
    await MeasureAsync("ADO.NET: open connection, prepared statement reused", () =>
    {
        using var reader = prepared.Value!.ExecuteReader();
        while (reader.Read())
        {
        }

        return Task.CompletedTask;
    });
    foreach (var command in prepared.Values)
    {
        command.Connection!.Dispose();
    }
}
finally
{
    SqliteConnection.ClearAllPools();
    directory.Delete(recursive: true);
}

async Task MeasureAsync(string name, Func<Task> read)
{
    for (var i = 0; i < 2_000; i++)
    {
        await read();   // warm-up: JIT, pools, the compiled-query cache
    }

    long count = 0;
    var process = Process.GetCurrentProcess();
    var cpuBefore = process.TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, threads).Select(_ => Task.Run(async () =>
    {
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            await read();
            Interlocked.Increment(ref count);
        }
    })));
    process.Refresh();
    var cpu = process.TotalProcessorTime - cpuBefore;
    Console.WriteLine($"  {name,-50} {count / clock.Elapsed.TotalSeconds,9:N0} reads/s {cpu.TotalMicroseconds / count,7:N1} µs CPU per read");
}

static Func<LinksContext, Guid, IAsyncEnumerable<(Guid PatientId, long LinkedAt)>> LinkedRecords() =>
    EF.CompileAsyncQuery((LinksContext db, Guid user) =>
        db.Links.Where(l => l.UserId == user).OrderBy(l => l.LinkedAt).Select(l => ValueTuple.Create(l.PatientId, l.LinkedAt)));

static ServiceProvider Contexts(string connectionString, bool withoutEfFunctions) =>
    new ServiceCollection().AddDbContextPool<LinksContext>(options =>
    {
        options.UseSqlite(connectionString);
        if (withoutEfFunctions)
        {
            options.ReplaceService<ISqliteRelationalConnection, ConnectionWithoutEfFunctions>()
                .ReplaceService<IRelationalConnection, ConnectionWithoutEfFunctions>();
        }
    }).BuildServiceProvider();

static void Seed(string connectionString, Guid userId)
{
    using var connection = new SqliteConnection(connectionString);
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE Links (Id TEXT PRIMARY KEY, UserId TEXT NOT NULL, PatientId TEXT NOT NULL, LinkedAt INTEGER NOT NULL); CREATE INDEX IX_Links_UserId ON Links (UserId);";
    command.ExecuteNonQuery();
    using var transaction = connection.BeginTransaction();
    command.Transaction = transaction;
    command.CommandText = "INSERT INTO Links VALUES ($id, $user, $patient, $at)";
    for (var i = 0; i < 1_000; i++)
    {
        command.Parameters.Clear();
        command.Parameters.AddWithValue("$id", Guid.NewGuid().ToString().ToUpperInvariant());
        command.Parameters.AddWithValue("$user", (i % 500 == 7 ? userId : Guid.NewGuid()).ToString().ToUpperInvariant());
        command.Parameters.AddWithValue("$patient", Guid.NewGuid().ToString().ToUpperInvariant());
        command.Parameters.AddWithValue("$at", i);
        command.ExecuteNonQuery();
    }

    transaction.Commit();
}

internal sealed class LinkRow
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public Guid PatientId { get; set; }
    public long LinkedAt { get; set; }
}

internal sealed class LinksContext(DbContextOptions<LinksContext> options) : DbContext(options)
{
    public DbSet<LinkRow> Links => Set<LinkRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<LinkRow>().ToTable("Links");
}

/// <summary>EF Core's SQLite connection without its SQL functions (ef_add, ef_compare, regexp, ...), which Microsoft.Data.Sqlite
/// registers on every open and removes on every close. Measured here only; Portal keeps EF Core's connection.</summary>
internal sealed class ConnectionWithoutEfFunctions(
    RelationalConnectionDependencies dependencies, IRawSqlCommandBuilder sql, IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, sql, logger)
{
    protected override System.Data.Common.DbConnection CreateDbConnection() => new SqliteConnection(GetValidatedConnectionString());
}
