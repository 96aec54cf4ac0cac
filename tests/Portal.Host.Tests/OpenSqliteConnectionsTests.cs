using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Shared.Persistence;
using Portal.Testing;
using Xunit;

namespace Portal.Host.Tests;

/// <summary>
/// A module's SQLite connections stay open between requests (docs/decisions/0015): reused, never handed on inside a
/// transaction, closed with the Host; and since they are not EF Core's own connections, no model may need the SQL
/// functions EF Core registers on those (its decimal arithmetic).
/// </summary>
public sealed class OpenSqliteConnectionsTests(PortalApp app) : IClassFixture<PortalApp>, IDisposable
{
    private sealed class AnyContext(DbContextOptions options) : DbContext(options);

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"portal-open-connections-{Guid.NewGuid():N}.db");

    private string ConnectionString => $"Data Source={_file};Foreign Keys=True";

    [Fact]
    public void A_returned_connection_is_rented_again_still_open()
    {
        using var connections = new OpenSqliteConnections<AnyContext>(ConnectionString);
        var first = connections.Rent();
        connections.Return(first);

        var second = connections.Rent();

        Assert.Same(first, second);
        Assert.Equal(ConnectionState.Open, second.State);
        connections.Return(second);
    }

    [Fact]
    public void A_connection_returned_inside_a_transaction_is_closed_not_handed_on()
    {
        using var connections = new OpenSqliteConnections<AnyContext>(ConnectionString);
        var failed = connections.Rent();
        using (var command = failed.CreateCommand())
        {
            command.CommandText = "CREATE TABLE IF NOT EXISTS t (x INTEGER); BEGIN; INSERT INTO t VALUES (1);";
            command.ExecuteNonQuery();
        }

        connections.Return(failed);
        var next = connections.Rent();

        Assert.NotSame(failed, next);
        Assert.Equal(ConnectionState.Closed, failed.State);
        using var count = next.CreateCommand();
        count.CommandText = "SELECT count(*) FROM t";
        Assert.Equal(0L, count.ExecuteScalar());   // the half-done insert was rolled back with the connection
        connections.Return(next);
    }

    [Fact]
    public async Task Closing_the_pool_closes_the_idle_connections_and_waits_for_a_rented_one_to_come_back()
    {
        var connections = new OpenSqliteConnections<AnyContext>(ConnectionString);
        var idle = connections.Rent();
        var busy = connections.Rent();
        connections.Return(idle);
        var stillWorking = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(300));
            Assert.Equal(ConnectionState.Open, busy.State);   // not closed under the scope still using it
            connections.Return(busy);
        });

        connections.Dispose();   // when the Host stops: every file closed before, say, a copy of the data directory

        Assert.True(stillWorking.IsCompleted);
        await stillWorking;
        Assert.Equal(ConnectionState.Closed, idle.State);
        Assert.Equal(ConnectionState.Closed, busy.State);
    }

    [Fact]
    public async Task Every_module_context_reads_through_an_open_connection_and_needs_none_of_EF_Cores_SQLite_functions()
    {
        await using var scope = app.Services.CreateAsyncScope();
        foreach (var database in scope.ServiceProvider.GetServices<IModuleDatabase>())
        {
            var context = database.ContextIn(scope.ServiceProvider);
            Assert.Equal(ConnectionState.Open, context.Database.GetDbConnection().State);
            // EF Core's ef_add, ef_compare, ... (decimal arithmetic on SQLite) live on its own connections only.
            var decimals = context.Model.GetEntityTypes().SelectMany(e => e.GetProperties())
                .Where(p => Nullable.GetUnderlyingType(p.ClrType) == typeof(decimal) || p.ClrType == typeof(decimal))
                .Select(p => $"{p.DeclaringType.DisplayName()}.{p.Name}");
            Assert.Empty(decimals);
        }
    }

    public void Dispose() => File.Delete(_file);
}
