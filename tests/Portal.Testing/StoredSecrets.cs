using Microsoft.Data.Sqlite;

namespace Portal.Testing;

/// <summary>Looks through every table of every database of a test app for a secret kept in clear.</summary>
public static class StoredSecrets
{
    /// <summary>Each place (<c>database.table.column</c>) whose text contains <paramref name="secret"/>; empty when it is stored nowhere.</summary>
    public static async Task<IReadOnlyList<string>> PlacesHoldingAsync(this PortalApp app, string secret)
    {
        var places = new List<string>();
        foreach (var file in Directory.EnumerateFiles(app.DataDirectory, "*.db"))
        {
            await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            foreach (var (table, column) in await TextColumnsAsync(connection))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE instr(CAST(\"{column}\" AS TEXT), $secret) > 0";
                command.Parameters.AddWithValue("$secret", secret);
                if ((long)(await command.ExecuteScalarAsync())! > 0)
                {
                    places.Add($"{Path.GetFileNameWithoutExtension(file)}.{table}.{column}");
                }
            }
        }

        return places;
    }

    private static async Task<List<(string Table, string Column)>> TextColumnsAsync(SqliteConnection connection)
    {
        var columns = new List<(string, string)>();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
            WHERE m.type = 'table' AND (p.type = 'TEXT' OR p.type = '')
            """;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add((reader.GetString(0), reader.GetString(1)));
        }

        return columns;
    }
}
