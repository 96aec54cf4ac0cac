using System.Net;
using System.Net.Http.Json;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Notifications.Tests;

/// <summary>The whole path: a settings change → outbox → relay → a notification for the group's other admins, an email for each admin.</summary>
public sealed class SettingsChangeNotificationTests(PortalApp app) : IClassFixture<PortalApp>
{
    private const string Route = "/api/practice/notifications";

    [Fact]
    public async Task A_settings_change_notifies_the_groups_other_admins_and_nobody_else()
    {
        var practice = await app.NewPracticeAsync();
        var drLeeEmail = await practice.AddPractitionerAsync();
        using var admin = await practice.SignedInAdminAsync();
        using var drLee = await app.SignedInClientAsync(drLeeEmail, TestPractice.Password);
        await admin.PutPortalSettingsAsync("requireApproval", noteSharing: true);
        await app.RunMessagingAsync();
        Assert.Equal(0, (await NotificationsAsync(drLee)).Total);   // a practitioner who is no admin is not told
        await admin.MakePracticeAdminAsync(await UserIdAsync(drLee));

        await admin.PutPortalSettingsAsync("autoUpdate", noteSharing: true);

        var before = await NotificationsAsync(drLee);
        Assert.Equal(0, before.Total);   // nothing until the relay has run

        await app.RunMessagingAsync();

        var page = await NotificationsAsync(drLee, "?unread=true");
        Assert.Equal(1, page.Unread);
        var notification = Assert.Single(page.Items);
        Assert.Equal("settingsChanged", notification.Kind);
        Assert.Contains("Patient updates: require approval → auto update", notification.Summary, StringComparison.Ordinal);
        Assert.Null(notification.ReadAt);

        Assert.Equal(0, (await NotificationsAsync(admin)).Total);   // nobody is told of their own change
        using var summit = await (await app.NewPracticeAsync()).SignedInAdminAsync();
        Assert.Equal(0, (await NotificationsAsync(summit)).Total);
    }

    [Fact]
    public async Task Whoever_changes_the_settings_gets_the_email_but_no_notification_and_the_other_admin_gets_both()
    {
        var practice = await app.NewPracticeAsync();
        var drLeeEmail = await practice.AddPractitionerAsync();
        var joinEmails = (await MailboxAsync(drLeeEmail)).Count;
        using (var drLeeAsPractitioner = await app.SignedInClientAsync(drLeeEmail, TestPractice.Password))
        using (var admin = await practice.SignedInAdminAsync())
        {
            await admin.MakePracticeAdminAsync(await UserIdAsync(drLeeAsPractitioner));
        }

        using var drLee = await app.SignedInClientAsync(drLeeEmail, TestPractice.Password);   // signed in again: now with the admin role
        await drLee.PutPortalSettingsAsync("autoUpdate");
        await app.RunMessagingAsync();

        Assert.Equal(0, (await NotificationsAsync(drLee)).Total);
        using var other = await practice.SignedInAdminAsync();
        var told = Assert.Single((await NotificationsAsync(other)).Items);
        Assert.StartsWith("Sam Lee changed the portal settings", told.Summary, StringComparison.Ordinal);
        foreach (var (email, before) in new[] { (drLeeEmail, joinEmails), (practice.AdminEmail, 0) })
        {
            var mailbox = await MailboxAsync(email);
            Assert.Equal(before + 1, mailbox.Count);
            Assert.Equal("Your practice's portal settings were changed", mailbox[0].Subject);   // newest first
        }
    }

    [Fact]
    public async Task A_change_of_the_fields_that_always_need_approval_is_told_in_their_labels()
    {
        var practice = await app.NewPracticeAsync();
        var drLeeEmail = await practice.AddPractitionerAsync();
        using var admin = await practice.SignedInAdminAsync();
        using (var drLeeAsPractitioner = await app.SignedInClientAsync(drLeeEmail, TestPractice.Password))
        {
            await admin.MakePracticeAdminAsync(await UserIdAsync(drLeeAsPractitioner));
        }

        (await admin.PutAsJsonAsync("/api/practice/settings/portal", new
        {
            portalEnabled = true, patientInvitations = true, patientUpdates = "requireApproval", noteSharing = false,
            alwaysApproveFields = new[] { "sex", "mobilePhone", "givenName", "familyName", "dateOfBirth" },
        })).EnsureSuccessStatusCode();
        await app.RunMessagingAsync();

        using var drLee = await app.SignedInClientAsync(drLeeEmail, TestPractice.Password);
        var notification = Assert.Single((await NotificationsAsync(drLee)).Items);
        Assert.Equal(
            "Pat Admin changed the portal settings: Always needs approval: given name, family name, date of birth, sex → given name, family name, date of birth, sex, mobile phone.",
            notification.Summary);
    }

    [Fact]
    public async Task Reading_a_notification_clears_it_from_unread_and_nobody_else_can_read_it()
    {
        var practice = await app.NewPracticeAsync();
        var drLeeEmail = await practice.AddPractitionerAsync();
        using var admin = await practice.SignedInAdminAsync();
        using (var drLeeAsPractitioner = await app.SignedInClientAsync(drLeeEmail, TestPractice.Password))
        {
            await admin.MakePracticeAdminAsync(await UserIdAsync(drLeeAsPractitioner));
        }

        await admin.PutPortalSettingsAsync("autoUpdate", noteSharing: true);
        await app.RunMessagingAsync();
        using var drLee = await app.SignedInClientAsync(drLeeEmail, TestPractice.Password);
        var id = (await NotificationsAsync(drLee)).Items[0].Id;

        using var summit = await (await app.NewPracticeAsync()).SignedInAdminAsync();
        using var foreign = await summit.PostAsync($"{Route}/{id}/read", null);
        await ProblemAssert.IsProblemAsync(foreign, HttpStatusCode.NotFound, "notifications.not-found");
        using var notTheirs = await admin.PostAsync($"{Route}/{id}/read", null);   // a colleague's
        await ProblemAssert.IsProblemAsync(notTheirs, HttpStatusCode.NotFound, "notifications.not-found");

        var reads = await Task.WhenAll(drLee.PostAsync($"{Route}/{id}/read", null), drLee.PostAsync($"{Route}/{id}/read", null));   // a double click
        Assert.All(reads, read => Assert.Equal(HttpStatusCode.NoContent, read.StatusCode));
        using var again = await drLee.PostAsync($"{Route}/{id}/read", null);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);

        var unread = await NotificationsAsync(drLee, "?unread=true");
        Assert.Equal(0, unread.Unread);
        Assert.Equal(0, unread.Total);
        var all = await NotificationsAsync(drLee);
        Assert.Equal(1, all.Total);
        Assert.NotNull(all.Items[0].ReadAt);
    }

    [Fact]
    public async Task The_admin_gets_an_email_in_the_practice_layout_in_the_development_mailbox()
    {
        var practice = await app.NewPracticeAsync();
        var drLeeEmail = await practice.AddPractitionerAsync();
        var joinEmails = (await MailboxAsync(drLeeEmail)).Count;
        using var admin = await practice.SignedInAdminAsync();
        await admin.PutPortalSettingsAsync("autoUpdate", noteSharing: true);
        await app.RunMessagingAsync();

        var mailbox = await MailboxAsync(practice.AdminEmail);

        var email = Assert.Single(mailbox);
        Assert.Equal(practice.AdminEmail, email.To);
        Assert.Equal("Your practice's portal settings were changed", email.Subject);
        Assert.StartsWith(practice.Name, email.Body, StringComparison.Ordinal);
        Assert.Contains("Note sharing: off → on", email.Body, StringComparison.Ordinal);
        Assert.Contains($"<p style=\"margin:0 0 24px;font-size:14px;font-weight:600;color:#0b5cad;\">{practice.Name}</p>", email.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(joinEmails, (await MailboxAsync(drLeeEmail)).Count);   // nothing but the email that brought them in
    }

    [Fact]
    public async Task Running_the_jobs_again_sends_nothing_twice()
    {
        var practice = await app.NewPracticeAsync();
        var drLeeEmail = await practice.AddPractitionerAsync();
        using var admin = await practice.SignedInAdminAsync();
        using (var drLeeAsPractitioner = await app.SignedInClientAsync(drLeeEmail, TestPractice.Password))
        {
            await admin.MakePracticeAdminAsync(await UserIdAsync(drLeeAsPractitioner));
        }

        await admin.PutPortalSettingsAsync("autoUpdate", noteSharing: true);

        await app.RunMessagingAsync();
        await app.RunMessagingAsync();

        using var drLee = await app.SignedInClientAsync(drLeeEmail, TestPractice.Password);
        Assert.Equal(1, (await NotificationsAsync(drLee)).Total);
        Assert.Single(await MailboxAsync(practice.AdminEmail));
    }

    [Fact]
    public async Task Notifications_are_for_practitioners_only()
    {
        using var anonymous = app.CreateClient();
        using var response = await anonymous.GetAsync(Route);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    private static async Task<NotificationPage> NotificationsAsync(HttpClient practitioner, string query = "") =>
        (await practitioner.GetFromJsonAsync<NotificationPage>(Route + query, PortalClients.Json))!;

    private static async Task<Guid> UserIdAsync(HttpClient signedIn) =>
        (await signedIn.GetFromJsonAsync<Me>("/api/me", PortalClients.Json))!.UserId;

    private async Task<List<MailboxEmail>> MailboxAsync(string email)
    {
        using var anonymous = app.CreateClient();
        return (await anonymous.GetFromJsonAsync<List<MailboxEmail>>($"/api/dev/mailbox?to={Uri.EscapeDataString(email)}", PortalClients.Json))!;
    }

    private sealed record Me(Guid UserId);

    private sealed record Notification(Guid Id, string Kind, string Summary, DateTimeOffset? ReadAt);

    private sealed record NotificationPage(int Total, int Unread, List<Notification> Items);
}
