using Microsoft.Data.Sqlite;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

namespace Portal.Shared.Persistence;

/// <summary>Whether a failed save broke a unique index (the database's answer to a check-then-insert race).</summary>
public static class UniqueViolation
{
    public static bool Is(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,   // UNIQUE, PRIMARY KEY
        SqlException sqlServer => sqlServer.Number is 2601 or 2627,
        _ => false,
    };
}
