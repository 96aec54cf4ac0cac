using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Invitations.Tests;

/// <summary>What the tests do again and again: invite, accept (the link comes from <see cref="PortalScenarios.LatestInvitationTokenAsync"/>).</summary>
internal static class InvitationDriver
{
    public static async Task<HttpResponseMessage> InviteAsync(this HttpClient practitioner, Guid patientId, object? body = null) =>
        await practitioner.PostAsJsonAsync($"/api/practice/patients/{patientId}/invitations", body ?? new { });

    public static async Task<HttpResponseMessage> AcceptAsync(this HttpClient client, string token, string? password) =>
        await client.PostAsJsonAsync($"/api/invitations/{token}/accept", new { password });

    public static async Task<int> MailboxCountAsync(this PortalApp app, string? subjectPrefix = null)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "notifications.db")};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM DevelopmentMailbox WHERE Subject LIKE $prefix";
        command.Parameters.AddWithValue("$prefix", (subjectPrefix ?? string.Empty) + "%");
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>How many emails went to <paramref name="to"/> (subject starting with <paramref name="subjectPrefix"/>): a test's own address, whatever other tests sent.</summary>
    public static async Task<int> MailboxCountToAsync(this PortalApp app, string to, string? subjectPrefix = null)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "notifications.db")};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM DevelopmentMailbox WHERE \"To\" = $to AND Subject LIKE $prefix";
        command.Parameters.AddWithValue("$to", to);
        command.Parameters.AddWithValue("$prefix", (subjectPrefix ?? string.Empty) + "%");
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
