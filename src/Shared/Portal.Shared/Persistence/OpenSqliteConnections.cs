using System.Collections.Concurrent;
using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace Portal.Shared.Persistence;

/// <summary>
/// One module's SQLite file, as connections that stay open between requests (docs/decisions/0015). Opening a
/// Microsoft.Data.Sqlite connection takes its handle pool's lock, runs <c>PRAGMA foreign_keys</c> and (through EF Core)
/// registers SQL functions; closing undoes it. Under load that lock was the largest single cost of a read. A request
/// rents one open connection per module it touches (<see cref="SqliteConnectionLease{TContext}"/>) and gives it back
/// when it ends; nothing read through it is kept, so every request still reads the current rows.
/// </summary>
public sealed class OpenSqliteConnections<TContext>(string connectionString) : IDisposable
    where TContext : DbContext
{
    // Microsoft.Data.Sqlite's own pool is off for these: a connection closed here is really closed, so SQLite itself
    // rolls back whatever it was in the middle of (its pool would keep the handle, transaction and all, for the next one).
    private readonly string _connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();

    // Enough for the requests a 2-4 core server runs at once; more are opened when needed and closed on return.
    private const int MaxIdle = 64;

    private readonly ConcurrentBag<SqliteConnection> _idle = [];
    private bool _disposed;

    public SqliteConnection Rent()
    {
        if (_idle.TryTake(out var idle))
        {
            return idle;
        }

        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    /// <summary>
    /// Keeps the connection for the next request only if it is open and outside any transaction (a request that failed
    /// half-way must not hand its transaction to the next one); otherwise closes it.
    /// </summary>
    public void Return(SqliteConnection connection)
    {
        if (!_disposed
            && connection.State == ConnectionState.Open
            && raw.sqlite3_get_autocommit(connection.Handle) != 0
            && _idle.Count < MaxIdle)
        {
            _idle.Add(connection);
            return;
        }

        connection.Dispose();
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }
}

/// <summary>The open connection a scope (request or job) uses for one module's file; returned when the scope ends.</summary>
public sealed class SqliteConnectionLease<TContext>(OpenSqliteConnections<TContext> connections) : IDisposable
    where TContext : DbContext
{
    public SqliteConnection Connection { get; } = connections.Rent();

    public void Dispose() => connections.Return(Connection);
}
