using System.Net.Http.Json;
using System.Text.Json;
using Portal.Modules.Identity.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.PatientProfile.Tests;

/// <summary>The daily digest of change requests waiting too long, with a clock the test controls.</summary>
public sealed class ApprovalRemindersTests : IAsyncLifetime
{
    private const string JobId = "patient-profile.approval-reminders";
    private readonly PortalApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Each_practitioner_gets_one_digest_a_day_while_requests_wait_longer_than_the_threshold()
    {
        // Around noon in Sydney, so that one day later is the next calendar day there.
        _app.Clock.SetUtcNow(new DateTimeOffset(DateTime.UtcNow.Date.AddDays(2).AddHours(1), TimeSpan.Zero));
        using (var ava = await _app.SignedInAvaAsync())
        {
            (await ava.PatchAsJsonAsync("/api/portal/profile", new { preferredName = "Avie" })).EnsureSuccessStatusCode();
            (await ava.PatchAsJsonAsync("/api/portal/health-record", new { medications = Array.Empty<object>() })).EnsureSuccessStatusCode();
        }

        await RunRemindersAsync(TimeSpan.FromHours(23));
        Assert.Empty(await DigestsToAsync(DemoData.DrLeeEmail));

        await RunRemindersAsync(TimeSpan.FromHours(2));   // 25 h after the requests
        var digest = Assert.Single(await DigestsToAsync(DemoData.DrLeeEmail));
        Assert.Single(await DigestsToAsync(DemoData.HarbourAdminEmail));
        Assert.Empty(await DigestsToAsync(DemoData.SummitAdminEmail));
        Assert.Equal("2 patient changes are waiting for approval", digest.GetProperty("subject").GetString());
        var body = digest.GetProperty("body").GetString()!;
        Assert.Contains("Ava Nguyen: personal details", body, StringComparison.Ordinal);
        Assert.Contains("Ava Nguyen: health record", body, StringComparison.Ordinal);
        Assert.Contains("/admin/approvals", body, StringComparison.Ordinal);

        await RunRemindersAsync(TimeSpan.FromHours(3));   // later the same day
        Assert.Single(await DigestsToAsync(DemoData.DrLeeEmail));

        await RunRemindersAsync(TimeSpan.FromHours(21));   // the next day
        Assert.Equal(2, (await DigestsToAsync(DemoData.DrLeeEmail)).Count);

        using (var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail))
        {
            var pending = await (await drLee.GetAsync("/api/practice/change-requests?status=pending")).JsonAsync();
            foreach (var request in pending.GetProperty("items").EnumerateArray())
            {
                (await drLee.PostAsJsonAsync($"/api/practice/change-requests/{request.GetProperty("id").GetGuid()}/reject", new { reason = "Done by phone" }))
                    .EnsureSuccessStatusCode();
            }
        }

        await RunRemindersAsync(TimeSpan.FromDays(1));   // nothing waits: nothing is sent
        Assert.Equal(2, (await DigestsToAsync(DemoData.DrLeeEmail)).Count);
    }

    [Fact]
    public async Task The_threshold_is_configurable()
    {
        _app.Settings["PatientProfile:ApprovalReminders:PendingLongerThan"] = "02:00:00";
        using (var ava = await _app.SignedInAvaAsync())
        {
            (await ava.PatchAsJsonAsync("/api/portal/profile", new { preferredName = "Avie" })).EnsureSuccessStatusCode();
        }

        await RunRemindersAsync(TimeSpan.FromHours(1));
        Assert.Empty(await DigestsToAsync(DemoData.DrLeeEmail));
        await RunRemindersAsync(TimeSpan.FromHours(2));
        Assert.Equal("1 patient change is waiting for approval", Assert.Single(await DigestsToAsync(DemoData.DrLeeEmail)).GetProperty("subject").GetString());
    }

    private async Task RunRemindersAsync(TimeSpan after)
    {
        _app.Clock.Advance(after);
        await _app.RunJobAsync(JobId);
        await _app.RunMessagingAsync();
    }

    private async Task<List<JsonElement>> DigestsToAsync(string email)
    {
        using var client = _app.CreateClient();
        var mailbox = await (await client.GetAsync($"/api/dev/mailbox?to={Uri.EscapeDataString(email)}")).JsonAsync();
        return mailbox.EnumerateArray().Where(m => m.GetProperty("subject").GetString()!.Contains("waiting for approval", StringComparison.Ordinal)).ToList();
    }
}
