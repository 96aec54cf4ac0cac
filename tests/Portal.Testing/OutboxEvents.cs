using System.Text.Json;
using Microsoft.Data.Sqlite;
using Portal.Shared.Messaging;

namespace Portal.Testing;

/// <summary>
/// The integration events a module has written to its outbox, read from its SQLite database: what a module published
/// is checked where it was published, whichever module (if any) consumes it.
/// </summary>
public static class OutboxEvents
{
    /// <summary>The payloads of the events of type <typeparamref name="TEvent"/> (stored under its stable name) in <paramref name="module"/>'s outbox (e.g. <c>invitations</c>), oldest first.</summary>
    public static async Task<IReadOnlyList<TEvent>> PublishedAsync<TEvent>(this PortalApp app, string module)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, module + ".db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Payload FROM OutboxMessages WHERE Type = $name ORDER BY OccurredAt";
        command.Parameters.AddWithValue("$name", IntegrationEventTypes.NameOf(typeof(TEvent)));
        var events = new List<TEvent>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            events.Add(JsonSerializer.Deserialize<TEvent>(reader.GetString(0), PortalClients.Json)!);
        }

        return events;
    }
}
