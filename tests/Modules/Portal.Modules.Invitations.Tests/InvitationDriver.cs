using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Invitations.Tests;

/// <summary>What the tests do again and again: invite, read the link from the development mailbox, accept.</summary>
internal static partial class InvitationDriver
{
    public static async Task<HttpResponseMessage> InviteAsync(this HttpClient practitioner, Guid patientId, object? body = null) =>
        await practitioner.PostAsJsonAsync($"/api/practice/patients/{patientId}/invitations", body ?? new { });

    /// <summary>Runs the jobs, then reads the newest invitation link sent to <paramref name="email"/>.</summary>
    public static async Task<string> LatestInvitationTokenAsync(this PortalApp app, string email)
    {
        await app.RunMessagingAsync();
        using var client = app.CreateClient();
        var mailbox = await (await client.GetAsync($"/api/dev/mailbox?to={Uri.EscapeDataString(email)}")).JsonAsync();
        Assert.True(mailbox.GetArrayLength() > 0, $"no email to {email}");
        var match = InviteLink().Match(mailbox[0].GetProperty("body").GetString()!);
        Assert.True(match.Success, "the email has no invitation link");
        return match.Groups[1].Value;
    }

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

    [GeneratedRegex(@"/invite/([A-Za-z0-9_-]+)")]
    private static partial Regex InviteLink();
}
