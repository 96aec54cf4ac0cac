using System.Net;
using System.Net.Http.Json;
using Portal.Modules.Identity.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Notifications.Tests;

/// <summary>The whole path: a settings change → outbox → relay → a notification for the group's other admins, an email for each admin.</summary>
public sealed class SettingsChangeNotificationTests : IAsyncLifetime
{
    private const string Route = "/api/practice/notifications";
    private readonly PortalApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_settings_change_notifies_the_groups_other_admins_and_nobody_else()
    {
        using var admin = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        await admin.PutPortalSettingsAsync("requireApproval", noteSharing: true);
        await _app.RunMessagingAsync();
        Assert.Equal(0, (await (await drLee.GetAsync(Route)).JsonAsync()).GetProperty("total").GetInt32());   // a practitioner who is no admin is not told
        await admin.MakePracticeAdminAsync(DemoData.DrLeeId);

        await admin.PutPortalSettingsAsync("autoUpdate", noteSharing: true);

        var before = await (await drLee.GetAsync(Route)).JsonAsync();
        Assert.Equal(0, before.GetProperty("total").GetInt32());   // nothing until the relay has run

        await _app.RunMessagingAsync();

        var page = await (await drLee.GetAsync($"{Route}?unread=true")).JsonAsync();
        Assert.Equal(1, page.GetProperty("unread").GetInt32());
        var notification = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("settingsChanged", notification.GetProperty("kind").GetString());
        Assert.Contains("Patient updates: require approval → auto update", notification.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, notification.GetProperty("readAt").ValueKind);

        Assert.Equal(0, (await (await admin.GetAsync(Route)).JsonAsync()).GetProperty("total").GetInt32());   // nobody is told of their own change
        using var summit = await _app.SignedInClientAsync(DemoData.SummitAdminEmail);
        Assert.Equal(0, (await (await summit.GetAsync(Route)).JsonAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Whoever_changes_the_settings_gets_the_email_but_no_notification_and_the_other_admin_gets_both()
    {
        using (var admin = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail))
        {
            await admin.MakePracticeAdminAsync(DemoData.DrLeeId);
        }

        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);   // signed in again: now with the admin role
        await drLee.PutPortalSettingsAsync("autoUpdate");
        await _app.RunMessagingAsync();

        Assert.Equal(0, (await (await drLee.GetAsync(Route)).JsonAsync()).GetProperty("total").GetInt32());
        using var other = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        var told = Assert.Single((await (await other.GetAsync(Route)).JsonAsync()).GetProperty("items").EnumerateArray());
        Assert.StartsWith("Sam Lee changed the portal settings", told.GetProperty("summary").GetString(), StringComparison.Ordinal);
        using var anonymous = _app.CreateClient();
        foreach (var email in new[] { DemoData.DrLeeEmail, DemoData.HarbourAdminEmail })
        {
            var mailbox = await (await anonymous.GetAsync($"/api/dev/mailbox?to={Uri.EscapeDataString(email)}")).JsonAsync();
            Assert.Equal("Your practice's portal settings were changed", Assert.Single(mailbox.EnumerateArray()).GetProperty("subject").GetString());
        }
    }

    [Fact]
    public async Task A_change_of_the_fields_that_always_need_approval_is_told_in_their_labels()
    {
        using var admin = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        await admin.MakePracticeAdminAsync(DemoData.DrLeeId);

        (await admin.PutAsJsonAsync("/api/practice/settings/portal", new
        {
            portalEnabled = true, patientInvitations = true, patientUpdates = "requireApproval", noteSharing = false,
            alwaysApproveFields = new[] { "sex", "mobilePhone", "givenName", "familyName", "dateOfBirth" },
        })).EnsureSuccessStatusCode();
        await _app.RunMessagingAsync();

        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        var notification = Assert.Single((await (await drLee.GetAsync(Route)).JsonAsync()).GetProperty("items").EnumerateArray());
        Assert.Equal(
            "Alex Morgan changed the portal settings: Always needs approval: given name, family name, date of birth, sex → given name, family name, date of birth, sex, mobile phone.",
            notification.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Reading_a_notification_clears_it_from_unread_and_nobody_else_can_read_it()
    {
        using var admin = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        await admin.MakePracticeAdminAsync(DemoData.DrLeeId);
        await admin.PutPortalSettingsAsync("autoUpdate", noteSharing: true);
        await _app.RunMessagingAsync();
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        var id = (await (await drLee.GetAsync(Route)).JsonAsync()).GetProperty("items")[0].GetProperty("id").GetGuid();

        using var summit = await _app.SignedInClientAsync(DemoData.SummitAdminEmail);
        using var foreign = await summit.PostAsync($"{Route}/{id}/read", null);
        await ProblemAssert.IsProblemAsync(foreign, HttpStatusCode.NotFound, "notifications.not-found");
        using var notTheirs = await admin.PostAsync($"{Route}/{id}/read", null);   // a colleague's
        await ProblemAssert.IsProblemAsync(notTheirs, HttpStatusCode.NotFound, "notifications.not-found");

        var reads = await Task.WhenAll(drLee.PostAsync($"{Route}/{id}/read", null), drLee.PostAsync($"{Route}/{id}/read", null));   // a double click
        Assert.All(reads, read => Assert.Equal(HttpStatusCode.NoContent, read.StatusCode));
        using var again = await drLee.PostAsync($"{Route}/{id}/read", null);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);

        var unread = await (await drLee.GetAsync($"{Route}?unread=true")).JsonAsync();
        Assert.Equal(0, unread.GetProperty("unread").GetInt32());
        Assert.Equal(0, unread.GetProperty("total").GetInt32());
        var all = await (await drLee.GetAsync(Route)).JsonAsync();
        Assert.Equal(1, all.GetProperty("total").GetInt32());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, all.GetProperty("items")[0].GetProperty("readAt").ValueKind);
    }

    [Fact]
    public async Task The_admin_gets_an_email_in_the_practice_layout_in_the_development_mailbox()
    {
        using var admin = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        await admin.PutPortalSettingsAsync("autoUpdate", noteSharing: true);
        await _app.RunMessagingAsync();

        using var anonymous = _app.CreateClient();
        var mailbox = await (await anonymous.GetAsync($"/api/dev/mailbox?to={DemoData.HarbourAdminEmail}")).JsonAsync();

        var email = Assert.Single(mailbox.EnumerateArray());
        Assert.Equal(DemoData.HarbourAdminEmail, email.GetProperty("to").GetString());
        Assert.Equal("Your practice's portal settings were changed", email.GetProperty("subject").GetString());
        Assert.StartsWith("Harbour Health", email.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Contains("Note sharing: off → on", email.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Contains("<p style=\"margin:0 0 24px;font-size:14px;font-weight:600;color:#0b5cad;\">Harbour Health</p>", email.GetProperty("htmlBody").GetString(), StringComparison.Ordinal);
        var others = await (await anonymous.GetAsync($"/api/dev/mailbox?to={DemoData.DrLeeEmail}")).JsonAsync();
        Assert.Equal(0, others.GetArrayLength());
    }

    [Fact]
    public async Task Running_the_jobs_again_sends_nothing_twice()
    {
        using var admin = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        await admin.MakePracticeAdminAsync(DemoData.DrLeeId);
        await admin.PutPortalSettingsAsync("autoUpdate", noteSharing: true);

        await _app.RunMessagingAsync();
        await _app.RunMessagingAsync();

        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        Assert.Equal(1, (await (await drLee.GetAsync(Route)).JsonAsync()).GetProperty("total").GetInt32());
        using var anonymous = _app.CreateClient();
        Assert.Equal(1, (await (await anonymous.GetAsync($"/api/dev/mailbox?to={DemoData.HarbourAdminEmail}")).JsonAsync()).GetArrayLength());
    }

    [Fact]
    public async Task Notifications_are_for_practitioners_only()
    {
        using var anonymous = _app.CreateClient();
        using var response = await anonymous.GetAsync(Route);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }
}
