using System.Net.Http.Json;
using Microsoft.Playwright;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Web.Tests;

/// <summary>The patients' app end to end in Chromium (375 px and desktop), against the real Host on a fresh database.</summary>
public sealed class PatientBrowserTests
{
    private const string AvaPassword = "Ava's own long passphrase";

    [BrowserFact]
    public async Task A_patient_accepts_the_invitation_then_edits_under_each_policy_and_sees_the_practices_answer()
    {
        await using var browser = await BrowserSession.StartAsync(width: 375, height: 812);
        var page = browser.Page;
        using var admin = await browser.App.SignedInClientAsync(DemoData.HarbourAdminEmail);
        var link = await InviteAvaAsync(browser.App, admin);

        // The invitation page: who invites whom; a password with its strength.
        await browser.OpenAsync(link);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Harbour Health invites you to its patient portal");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("ava@example.test");
        await page.FillAsync("#newPassword", "short");
        await Assertions.Expect(page.Locator("#strength")).ToContainTextAsync("Too short");
        await page.FillAsync("#newPassword", AvaPassword);
        await page.FillAsync("#confirmPassword", AvaPassword);
        await browser.ScreenshotAsync("patient-invitation-375");
        await page.ClickAsync("button:has-text('Create my account')");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Hello Ava");
        await browser.ScreenshotAsync("patient-home-375");

        // Require approval (the default): said up front; the change waits; the practice rejects it with a reason.
        await page.ClickAsync("nav >> text=My details");
        await Assertions.Expect(page.Locator(".notice").First).ToContainTextAsync("sent to Harbour Health for approval");
        await page.FillAsync("#mobilePhone", "0499 111 222");
        await page.ClickAsync("button:has-text('Send to my practice')");
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("Sent to Harbour Health for approval");
        await Assertions.Expect(page.Locator(".requests")).ToContainTextAsync("Waiting for the practice");
        var pending = await admin.GetFromJsonAsync<Page<PendingChange>>("/api/practice/change-requests?status=pending", PortalClients.Json);
        var requestId = pending!.Items[0].Id;
        (await admin.PostAsJsonAsync($"/api/practice/change-requests/{requestId}/reject",
            new { reason = "Please confirm your new number by phone first." })).EnsureSuccessStatusCode();
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".requests")).ToContainTextAsync("Not accepted");
        await Assertions.Expect(page.Locator(".requests")).ToContainTextAsync("Please confirm your new number by phone first.");
        await Assertions.Expect(page.Locator("#mobilePhone")).ToHaveValueAsync("+61412345678");
        await browser.ScreenshotAsync("patient-details-rejected-375");

        // Auto update: saved at once.
        await admin.PutPortalSettingsAsync("autoUpdate");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".notice").First).ToContainTextAsync("straight away");
        await page.FillAsync("#preferredName", "Avie");
        await page.ClickAsync("button:has-text('Save my details')");
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("Saved.");
        var profile = await admin.GetFromJsonAsync<PatientPreferredName>($"/api/practice/patients/{DemoPatients.AvaNguyenId}", PortalClients.Json);
        Assert.Equal("Avie", profile!.PreferredName);

        // Disabled: said before typing, and the form cannot be changed.
        await admin.PutPortalSettingsAsync("disabled");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".warning")).ToContainTextAsync("does not accept changes online");
        await Assertions.Expect(page.Locator("#givenName")).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("button:has-text('Save my details')")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("patient-details-disabled-375");

        // Who viewed my record: the admin's reads above are listed.
        await page.ClickAsync("nav >> text=Who viewed my record");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Alex Morgan");
        await browser.ScreenshotAsync("patient-access-log-375");
    }

    [BrowserFact]
    public async Task On_a_desktop_the_patient_keeps_their_health_record_and_account_and_dead_links_say_what_happened()
    {
        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;
        using var admin = await browser.App.SignedInClientAsync(DemoData.HarbourAdminEmail);
        var link = await InviteAvaAsync(browser.App, admin);
        using var anonymous = browser.App.CreateClient();
        (await anonymous.PostAsJsonAsync($"/api{link}/accept".Replace("/api/invite/", "/api/invitations/", StringComparison.Ordinal),
            new { password = AvaPassword })).EnsureSuccessStatusCode();

        await browser.OpenAsync(link);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("This invitation has already been used");
        await browser.OpenAsync("/invite/not-a-real-token");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("This invitation link is not valid");
        await browser.ScreenshotAsync("patient-invitation-unknown");

        await browser.OpenAsync("/");
        await browser.SignInAsync("ava@example.test", AvaPassword);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Hello Ava");
        await browser.ScreenshotAsync("patient-home");

        await page.ClickAsync("nav >> text=Health record");
        await Assertions.Expect(page.Locator("#allergy0")).ToHaveValueAsync("Penicillin");
        await page.ClickAsync("button:has-text('Add allergy')");
        await page.FillAsync("#allergy1", "Peanuts");
        await page.SelectOptionAsync("#severity1", "severe");
        await page.ClickAsync("button:has-text('Send to my practice')");
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("Sent to Harbour Health for approval");
        await browser.ScreenshotAsync("patient-health-record");
        var pending = await admin.GetFromJsonAsync<Page<PendingChange>>("/api/practice/change-requests?status=pending", PortalClients.Json);
        Assert.Equal("allergies", pending!.Items[0].Changes[0].Field);

        await page.ClickAsync("nav >> text=Account access");
        await page.FillAsync("#twoFactorPassword", AvaPassword);
        await page.ClickAsync("button:has-text('Set up two-factor sign-in')");
        await Assertions.Expect(page.Locator(".qr svg")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("(this one)");
        await browser.ScreenshotAsync("patient-account");
    }

    private static async Task<string> InviteAvaAsync(PortalApp app, HttpClient admin)
    {
        (await admin.PostAsJsonAsync($"/api/practice/patients/{DemoPatients.AvaNguyenId}/invitations", new { })).EnsureSuccessStatusCode();
        return "/invite/" + await app.LatestInvitationTokenAsync("ava@example.test");
    }

    private sealed record PendingChange(Guid Id, List<ChangedField> Changes);

    private sealed record ChangedField(string Field);

    private sealed record PatientPreferredName(string? PreferredName);
}
