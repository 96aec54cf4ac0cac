using Microsoft.Extensions.Configuration;

namespace Portal.Shared.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>
/// Where the data lives. <c>Database:Provider</c> is <c>Sqlite</c> (embedded default: one file per module
/// under <c>Storage:DataDirectory</c>, WAL mode) or <c>SqlServer</c> (<c>ConnectionStrings:Portal</c>, one
/// schema per module).
/// </summary>
public sealed record DatabaseSettings(
    DatabaseProvider Provider,
    string DataDirectory,
    string? SqlServerConnectionString,
    bool MigrateOnStartup)
{
    public static DatabaseSettings From(IConfiguration configuration, string contentRoot)
    {
        var provider = ProviderOf(configuration);
        var dataDirectory = configuration["Storage:DataDirectory"];
        dataDirectory = string.IsNullOrWhiteSpace(dataDirectory) ? "data" : dataDirectory;
        dataDirectory = Path.GetFullPath(Path.Combine(contentRoot, dataDirectory));

        var sqlServer = configuration.GetConnectionString("Portal");
        if (provider == DatabaseProvider.SqlServer && string.IsNullOrWhiteSpace(sqlServer))
        {
            throw new InvalidOperationException(
                "Database:Provider is SqlServer but ConnectionStrings:Portal is not set.");
        }

        return new DatabaseSettings(
            provider,
            dataDirectory,
            sqlServer,
            configuration.GetValue("Database:MigrateOnStartup", true));
    }

    /// <summary><c>Database:Provider</c>; SQLite when unset.</summary>
    public static DatabaseProvider ProviderOf(IConfiguration configuration) =>
        configuration["Database:Provider"] is { Length: > 0 } text
            ? Enum.Parse<DatabaseProvider>(text, ignoreCase: true)
            : DatabaseProvider.Sqlite;

    /// <summary>Default Timeout: how long a writer waits for the file lock before SQLITE_BUSY (seconds).</summary>
    public string SqliteConnectionString(string fileName) =>
        $"Data Source={Path.Combine(DataDirectory, fileName)};Foreign Keys=True;Default Timeout=30";
}
