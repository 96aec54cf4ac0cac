using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.Identity.Contracts;
using Xunit;

namespace Portal.Testing;

/// <summary>An email of the development mailbox (<c>GET /api/dev/mailbox</c>), newest first.</summary>
public sealed record MailboxEmail(string To, string Subject, string Body, string HtmlBody, DateTimeOffset SentAt);

/// <summary>Steps many tests take on the way to what they check: a patient with an account, a practice's settings, an invitation link.</summary>
public static partial class PortalScenarios
{
    /// <summary>Links a patient record to the account with this email (created on first use), as an accepted invitation does.</summary>
    public static async Task LinkPatientRecordAsync(this PortalApp app, string email, string password, Guid patientId, Guid practiceGroupId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var identity = scope.ServiceProvider.GetRequiredService<IIdentityApi>();
        var account = await identity.FindAccountByEmailAsync(email, default);
        var userId = account?.UserId ?? (await identity.CreatePatientAccountAsync(new NewPatientAccount(email, password, "Demo", "Patient"), default)).Value;
        Assert.True((await identity.LinkPatientRecordAsync(userId, patientId, practiceGroupId, default)).IsSuccess);
    }

    /// <summary>Saves the practice's portal settings as its signed-in admin would (all four fields, as the API requires).</summary>
    public static async Task PutPortalSettingsAsync(
        this HttpClient admin, string patientUpdates = "requireApproval", bool noteSharing = false, bool portalEnabled = true, bool patientInvitations = true)
    {
        using var response = await admin.PutAsJsonAsync("/api/practice/settings/portal", new { portalEnabled, patientInvitations, patientUpdates, noteSharing });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Makes a practitioner of the admin's practice a practice admin too, as the Staff page does (their next sign-in carries the role).</summary>
    public static async Task MakePracticeAdminAsync(this HttpClient admin, Guid userId)
    {
        using var response = await admin.PutAsJsonAsync($"/api/practice/staff/{userId}/roles", new { practiceAdmin = true });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Runs the jobs, then reads the newest invitation link sent to <paramref name="email"/> from the development mailbox.</summary>
    public static async Task<string> LatestInvitationTokenAsync(this PortalApp app, string email)
    {
        await app.RunMessagingAsync();
        using var client = app.CreateClient();
        var mailbox = await client.GetFromJsonAsync<List<MailboxEmail>>($"/api/dev/mailbox?to={Uri.EscapeDataString(email)}", PortalClients.Json);
        Assert.True(mailbox is { Count: > 0 }, $"no email to {email}");
        var match = InviteLink().Match(mailbox[0].Body);
        Assert.True(match.Success, "the email has no invitation link");
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"/invite/([A-Za-z0-9_-]+)")]
    private static partial Regex InviteLink();
}
