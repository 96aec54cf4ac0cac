using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Testing;
using Xunit;
using static Portal.Modules.Funding.Tests.FundingApi;

namespace Portal.Modules.Funding.Tests;

/// <summary>A Host that keeps every log line, at every level, for the test to read.</summary>
public sealed class LoggedPortalApp : PortalApp
{
    public LoggedPortalApp()
    {
        Settings["Logging:LogLevel:Default"] = "Trace";
        Settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace";
        ConfigureTestServices = services => services.AddSingleton<ILoggerProvider>(Logs);
    }

    public CapturedLogs Logs { get; } = new();
}

/// <summary>
/// FundingView identifiers never reach the logs, email bodies or notifications: a person who needs to recognise a card
/// reads its last digits. Every flow that touches them runs here with every log line kept.
/// </summary>
public sealed class FundingPrivacyTests(LoggedPortalApp app) : IClassFixture<LoggedPortalApp>
{
    private static readonly string[] Identifiers = ["2123456701", "8003608166690503", "NX123456", "430012345", "3950386862", "87654321"];

    private sealed record Notification(string Kind, string Summary);

    [Fact]
    public async Task No_identifier_is_in_a_log_line_an_email_or_a_notification()
    {
        var practice = await app.NewPracticeAsync();
        await practice.SetAlwaysApproveAsync("medicare");
        var record = await practice.AddPatientAsync();
        using var ava = await practice.SignedInPatientAsync(record);
        using var drLee = await app.SignedInPractitionerAsync(practice);

        // Everything a patient and the practice do with funding details: applied, waiting, approved, invalid, the practice's edit and read, the expiry notice.
        var card = new { number = "2123456701", irn = 1, validTo = app.Clock.GetUtcNow().ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) };
        var waiting = await (await ava.PutAsJsonAsync("/api/portal/funding/medicare", card)).ReadAsync<Pending>(HttpStatusCode.Accepted);
        await (await ava.PutAsJsonAsync("/api/portal/funding/ihi", new { ihi = "8003608166690503" })).ReadAsync<Applied>(HttpStatusCode.OK);
        await (await ava.PutAsJsonAsync("/api/portal/funding/ndis", new { number = "430012345", planManagement = "self" })).ReadAsync<Applied>(HttpStatusCode.OK);
        await (await ava.PutAsJsonAsync("/api/portal/funding/privateHealth", new { fund = "nib", membershipNumber = "87654321" })).ReadAsync<Applied>(HttpStatusCode.OK);
        await ProblemAssert.IsProblemAsync(await ava.PutAsJsonAsync("/api/portal/funding/dva", new { fileNumber = "NX123456Z9", cardColour = "gold" }),
            HttpStatusCode.BadRequest, "funding.invalid-dva-file-number");
        using (var approved = await drLee.PostAsync($"/api/practice/change-requests/{waiting.ChangeRequestId}/approve", null))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        }

        await (await drLee.PutAsJsonAsync($"/api/practice/patients/{record.Id}/funding",
            new { dva = new { fileNumber = "NX123456", cardColour = "gold" } })).ReadAsync<FundingView>(HttpStatusCode.OK);
        await drLee.FundingOfAsync(record.Id);
        await app.RunJobAsync("funding.medicare-expiry-notices");
        await app.RunMessagingAsync();

        using var anonymous = app.CreateClient();
        var mail = await anonymous.GetStringAsync($"/api/dev/mailbox?to={Uri.EscapeDataString(record.Email)}");
        Assert.Contains("Medicare card ending 6701", mail, StringComparison.Ordinal);   // the notice came, naming the card by its last digits
        var notifications = (await drLee.GetFromJsonAsync<Page<Notification>>("/api/practice/notifications", PortalClients.Json))!.Items;
        Assert.Contains(notifications, n => n.Summary.Contains("change to their funding details (Medicare card)", StringComparison.Ordinal));
        Assert.Contains(notifications, n => n.Summary.Contains("updated their funding details", StringComparison.Ordinal));
        var logged = app.Logs.Entries.Select(entry => $"{entry.Message} {string.Join(' ', entry.Values.Values)} {entry.Exception}").ToList();
        Assert.True(logged.Count > 100, $"only {logged.Count} log lines were kept: the test would prove nothing");
        foreach (var identifier in Identifiers)
        {
            Assert.DoesNotContain(identifier, mail, StringComparison.Ordinal);
            Assert.DoesNotContain(notifications, n => n.Summary.Contains(identifier, StringComparison.Ordinal));
            Assert.DoesNotContain(logged, line => line.Contains(identifier, StringComparison.Ordinal));
        }
    }
}
