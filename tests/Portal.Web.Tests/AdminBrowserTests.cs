using System.Net.Http.Json;
using Microsoft.Playwright;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Portal.Web.Tests;

/// <summary>The admin UI end to end in Chromium, against the real Host on a fresh database; each step checked in the page and in the API.</summary>
public sealed class AdminBrowserTests(ITestOutputHelper output)
{
    [BrowserFact]
    public async Task A_practice_admin_changes_the_settings_invites_a_patient_and_approves_a_change()
    {
        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;
        using var api = await browser.App.SignedInClientAsync(DemoData.HarbourAdminEmail);

        await browser.OpenSignInAsync(output);
        await browser.ScreenshotAsync("admin-sign-in");
        await page.FillAsync("#email", DemoData.HarbourAdminEmail);
        await page.FillAsync("#password", "wrong password!!");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator(".problem")).ToContainTextAsync("Not signed in.");
        await browser.SignInAsync(DemoData.HarbourAdminEmail, DemoData.Password);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Patients");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("Nguyen, Ava");
        await browser.ScreenshotAsync("admin-patients");

        // Settings: switch patient updates to auto update, then back to require approval.
        await page.ClickAsync("nav >> text=Portal settings");
        await page.CheckAsync("#updates-autoUpdate");
        await page.ClickAsync("button:has-text('Save')");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Saved.");
        var settings = await api.GetFromJsonAsync<PortalSettings>("/api/practice/settings/portal", PortalClients.Json);
        Assert.Equal("autoUpdate", settings!.PatientUpdates);
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("patient updates: Auto update");
        await browser.ScreenshotAsync("admin-settings");
        await page.CheckAsync("#updates-requireApproval");
        await page.ClickAsync("button:has-text('Save')");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("patient updates: Require approval");

        // Invite Ava from her page.
        await page.ClickAsync("nav >> text=Patients");
        await page.ClickAsync("text=Nguyen, Ava");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Ava Nguyen");
        await page.ClickAsync(".tabs button:has-text('Portal access')");
        await page.ClickAsync("button:has-text('Send invitation')");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Invitation sent to ava@example.test");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("pending");
        await Assertions.Expect(page.Locator("h1 .status")).ToHaveTextAsync("Invited");   // the header follows without a reload
        await browser.ScreenshotAsync("admin-patient-invited");
        var invitations = await api.GetFromJsonAsync<Page<object>>($"/api/practice/invitations?status=pending&patientId={DemoPatients.AvaNguyenId}", PortalClients.Json);
        Assert.Equal(1, invitations!.Total);

        // Ava accepts and asks for a change; the admin approves it in the queue.
        var token = await browser.App.LatestInvitationTokenAsync("ava@example.test");
        using var anonymous = browser.App.CreateClient();
        (await anonymous.PostAsJsonAsync($"/api/invitations/{token}/accept", new { password = "Ava's own long passphrase" })).EnsureSuccessStatusCode();
        using var ava = await browser.App.SignedInClientAsync("ava@example.test", "Ava's own long passphrase");
        (await ava.PatchAsJsonAsync("/api/portal/profile", new { mobilePhone = "0499 111 222" })).EnsureSuccessStatusCode();
        await browser.App.RunMessagingAsync();

        await page.ClickAsync("nav >> text=Approvals");
        await Assertions.Expect(page.Locator("article")).ToContainTextAsync("+61499111222");
        await Assertions.Expect(page.Locator("nav .badge")).ToBeVisibleAsync();   // unread notifications in the header
        await browser.ScreenshotAsync("admin-approvals");
        await page.ClickAsync("article button:has-text('Approve')");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Approved: Ava Nguyen's personal details");
        var profile = await api.GetFromJsonAsync<PatientPhone>($"/api/practice/patients/{DemoPatients.AvaNguyenId}", PortalClients.Json);
        Assert.Equal("+61499111222", profile!.MobilePhone);

        await page.ClickAsync("nav >> text=Notifications");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("asked to change their personal details");
        await browser.ScreenshotAsync("admin-notifications");

        await page.ClickAsync("nav >> text=Invitations");
        await page.ClickAsync(".tabs button:has-text('Accepted')");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("Ava Nguyen");
        await browser.ScreenshotAsync("admin-invitations");

        // A note, amended: both kept, in order.
        await page.ClickAsync("nav >> text=Patients");
        await page.ClickAsync("text=Nguyen, Ava");
        await page.ClickAsync(".tabs button:has-text('Notes')");
        await page.FillAsync("#noteBody", "Asthma review: peak flow normal.");
        await page.ClickAsync("button:has-text('Save note')");
        await Assertions.Expect(page.Locator("article.note")).ToContainTextAsync("Asthma review");
        await page.ClickAsync("article.note button:has-text('Amend')");
        await page.FillAsync("article.note textarea", "Correction: peak flow slightly low; review in 4 weeks.");
        await page.ClickAsync("button:has-text('Save amendment')");
        await Assertions.Expect(page.Locator("article.note .amendment")).ToContainTextAsync("Correction");
        await Assertions.Expect(page.Locator("article.note")).ToContainTextAsync("Asthma review: peak flow normal.");
        await browser.ScreenshotAsync("admin-patient-notes");
        var notes = await api.GetFromJsonAsync<Page<AmendedNote>>($"/api/practice/patients/{DemoPatients.AvaNguyenId}/notes", PortalClients.Json);
        Assert.Single(notes!.Items[0].Amendments);

        await page.ClickAsync(".tabs button:has-text('Access log')");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("Approved a change to personal details");
        await browser.ScreenshotAsync("admin-patient-access-log");

        // The approved change is in the record's history, and restoring brings back the phone number before it.
        await page.ClickAsync(".tabs button:has-text('History')");
        await Assertions.Expect(page.Locator("ol.history")).ToContainTextAsync("approved the patient's change to");
        await Assertions.Expect(page.Locator("ol.history")).ToContainTextAsync("+61499111222");
        await browser.ScreenshotAsync("admin-patient-history");
        await page.ClickAsync("ol.history li >> nth=0 >> button:has-text('Restore what was there before')");
        await page.ClickAsync("button:has-text('Yes, restore')");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Restored:");
        var restored = await api.GetFromJsonAsync<PatientPhone>($"/api/practice/patients/{DemoPatients.AvaNguyenId}", PortalClients.Json);
        Assert.NotEqual("+61499111222", restored!.MobilePhone);

        await page.ClickAsync("nav >> text=My account");
        await page.FillAsync("#twoFactorPassword", DemoData.Password);
        await page.ClickAsync("button:has-text('Set up two-factor sign-in')");
        await Assertions.Expect(page.Locator(".qr svg")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("admin-account");

        await page.ClickAsync("nav >> text=Security log");
        await Assertions.Expect(page.Locator("main li.card").First).ToContainTextAsync("Signed in");
        await browser.ScreenshotAsync("admin-security-log");
    }

    [BrowserFact]
    public async Task The_patient_list_is_usable_at_tablet_width()
    {
        await using var browser = await BrowserSession.StartAsync(width: 768, height: 1024);
        await browser.OpenSignInAsync(output);
        await browser.SignInAsync(DemoData.DrLeeEmail, DemoData.Password);

        await browser.Page.FillAsync("#search", "ngu");
        await browser.Page.ClickAsync("button:has-text('Search')");
        await Assertions.Expect(browser.Page.Locator("tbody tr")).ToHaveCountAsync(1);
        await browser.ScreenshotAsync("admin-patients-768");

        await browser.Page.ClickAsync("nav >> text=Portal settings");
        await Assertions.Expect(browser.Page.Locator(".warning")).ToContainTextAsync("Only practice admins can change them");
        await Assertions.Expect(browser.Page.Locator("#updates-autoUpdate")).ToBeDisabledAsync();
        await browser.ScreenshotAsync("admin-settings-read-only-768");
    }

    private sealed record PortalSettings(string PatientUpdates);

    private sealed record PatientPhone(string? MobilePhone);

    private sealed record AmendedNote(List<object> Amendments);
}
