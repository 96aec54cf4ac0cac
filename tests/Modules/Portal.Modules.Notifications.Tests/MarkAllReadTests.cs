using System.Net;
using System.Net.Http.Json;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Notifications.Tests;

/// <summary>"Mark all as read": every unread notification of the caller, and nobody else's.</summary>
public sealed class MarkAllReadTests : IAsyncLifetime
{
    private const string Route = "/api/practice/notifications";
    private const string AvaPassword = "Ava's own long passphrase";
    private readonly PortalApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private sealed record Notification(Guid Id, string Kind, string Summary, DateTimeOffset? ReadAt);

    private sealed record NotificationsPage(IReadOnlyList<Notification> Items, int Total, int Unread);

    private sealed record MarkedRead(int Marked);

    [Fact]
    public async Task A_practitioner_marks_all_their_unread_notifications_read_and_a_colleagues_stay_unread()
    {
        using var admin = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        await TwoPatientUpdatesAsync(admin);
        Assert.Equal(2, (await PageAsync(drLee)).Unread);

        using var response = await drLee.PostAsync($"{Route}/read-all", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new MarkedRead(2), await response.Content.ReadFromJsonAsync<MarkedRead>(PortalClients.Json));
        var mine = await PageAsync(drLee);
        Assert.Equal((0, 2), (mine.Unread, mine.Total));
        Assert.All(mine.Items, n => Assert.NotNull(n.ReadAt));
        var colleagues = await PageAsync(admin);
        Assert.Equal(2, colleagues.Unread);
        Assert.All(colleagues.Items, n => Assert.Null(n.ReadAt));

        Assert.Equal(new MarkedRead(0), await (await drLee.PostAsync($"{Route}/read-all", null)).Content.ReadFromJsonAsync<MarkedRead>(PortalClients.Json));   // again: nothing left
        using var summit = await _app.SignedInClientAsync(DemoData.SummitAdminEmail);
        Assert.Equal(new MarkedRead(0), await (await summit.PostAsync($"{Route}/read-all", null)).Content.ReadFromJsonAsync<MarkedRead>(PortalClients.Json));
        Assert.Equal(2, (await PageAsync(admin)).Unread);
    }

    [Fact]
    public async Task Only_practitioners_mark_notifications_read()
    {
        using var anonymous = _app.CreateClient();
        await ProblemAssert.IsProblemAsync(await anonymous.PostAsync($"{Route}/read-all", null), HttpStatusCode.Unauthorized, "auth.unauthenticated");
        await _app.LinkPatientRecordAsync("ava@example.test", AvaPassword, DemoPatients.AvaNguyenId, DemoData.HarbourHealthId);
        using var ava = await _app.SignedInClientAsync("ava@example.test", AvaPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await ava.PostAsync($"{Route}/read-all", null)).StatusCode);
    }

    /// <summary>Under auto update Ava changes her details twice: each practitioner of the practice is told twice.</summary>
    private async Task TwoPatientUpdatesAsync(HttpClient admin)
    {
        await admin.PutPortalSettingsAsync("autoUpdate");
        await _app.LinkPatientRecordAsync("ava@example.test", AvaPassword, DemoPatients.AvaNguyenId, DemoData.HarbourHealthId);
        using var ava = await _app.SignedInClientAsync("ava@example.test", AvaPassword);
        (await ava.PatchAsJsonAsync("/api/portal/profile", new { preferredName = "Avie" })).EnsureSuccessStatusCode();
        (await ava.PatchAsJsonAsync("/api/portal/profile", new { mobilePhone = "0499 111 222" })).EnsureSuccessStatusCode();
        await _app.RunMessagingAsync();
    }

    private static async Task<NotificationsPage> PageAsync(HttpClient practitioner) =>
        (await practitioner.GetFromJsonAsync<NotificationsPage>(Route, PortalClients.Json))!;
}
