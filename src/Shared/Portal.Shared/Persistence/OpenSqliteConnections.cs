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

    // A scope still finishing (a job, a request) may give its connection back after the Host began to stop.
    private static readonly TimeSpan WaitForRentedOnDispose = TimeSpan.FromSeconds(10);

    private readonly ConcurrentBag<SqliteConnection> _idle = [];
    private int _open;
    private volatile bool _disposed;

    public SqliteConnection Rent()
    {
        if (_idle.TryTake(out var idle))
        {
            return idle;
        }

        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Interlocked.Increment(ref _open);
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

        Close(connection);
    }

    /// <summary>
    /// Closes every connection, waiting (a little) for those still rented: when the Host has stopped, each file is closed
    /// and its write-ahead log checkpointed, so a copy or backup taken next is whole.
    /// </summary>
    public void Dispose()
    {
        _disposed = true;
        var waitUntil = DateTime.UtcNow + WaitForRentedOnDispose;
        while (true)
        {
            while (_idle.TryTake(out var connection))
            {
                Close(connection);
            }

            if (Volatile.Read(ref _open) == 0 || DateTime.UtcNow >= waitUntil)
            {
                return;
            }

            Thread.Sleep(20);   // a rented connection is closed by its Return
        }
    }

    private void Close(SqliteConnection connection)
    {
        connection.Dispose();
        Interlocked.Decrement(ref _open);
    }
}

/// <summary>The open connection a scope (request or job) uses for one module's file; returned when the scope ends.</summary>
public sealed class SqliteConnectionLease<TContext>(OpenSqliteConnections<TContext> connections) : IDisposable
    where TContext : DbContext
{
    public SqliteConnection Connection { get; } = connections.Rent();

    public void Dispose() => connections.Return(Connection);
}
