using System.Net;
using System.Net.Http.Json;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Notifications.Tests;

/// <summary>"Mark all as read": every unread notification of the caller, and nobody else's.</summary>
public sealed class MarkAllReadTests(PortalApp app) : IClassFixture<PortalApp>
{
    private const string Route = "/api/practice/notifications";
    private sealed record Notification(Guid Id, string Kind, string Summary, DateTimeOffset? ReadAt);

    private sealed record NotificationsPage(IReadOnlyList<Notification> Items, int Total, int Unread);

    private sealed record MarkedRead(int Marked);

    [Fact]
    public async Task A_practitioner_marks_all_their_unread_notifications_read_and_a_colleagues_stay_unread()
    {
        var practice = await app.NewPracticeAsync();
        using var admin = await practice.SignedInAdminAsync();
        using var drLee = await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password);
        await TwoPatientUpdatesAsync(practice, admin);
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
        using var summit = await (await app.NewPracticeAsync()).SignedInAdminAsync();
        Assert.Equal(new MarkedRead(0), await (await summit.PostAsync($"{Route}/read-all", null)).Content.ReadFromJsonAsync<MarkedRead>(PortalClients.Json));
        Assert.Equal(2, (await PageAsync(admin)).Unread);
    }

    [Fact]
    public async Task Only_practitioners_mark_notifications_read()
    {
        var practice = await app.NewPracticeAsync();
        using var anonymous = app.CreateClient();
        await ProblemAssert.IsProblemAsync(await anonymous.PostAsync($"{Route}/read-all", null), HttpStatusCode.Unauthorized, "auth.unauthenticated");
        using var ava = await practice.SignedInPatientAsync(await practice.AddPatientAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await ava.PostAsync($"{Route}/read-all", null)).StatusCode);
    }

    /// <summary>Under auto update Ava changes her details twice: each practitioner of the practice is told twice.</summary>
    private async Task TwoPatientUpdatesAsync(TestPractice practice, HttpClient admin)
    {
        await admin.PutPortalSettingsAsync("autoUpdate");
        using var ava = await practice.SignedInPatientAsync(await practice.AddPatientAsync());
        (await ava.PatchAsJsonAsync("/api/portal/profile", new { preferredName = "Avie" })).EnsureSuccessStatusCode();
        (await ava.PatchAsJsonAsync("/api/portal/profile", new { mobilePhone = "0499 111 222" })).EnsureSuccessStatusCode();
        await app.RunMessagingAsync();
    }

    private static async Task<NotificationsPage> PageAsync(HttpClient practitioner) =>
        (await practitioner.GetFromJsonAsync<NotificationsPage>(Route, PortalClients.Json))!;
}
