using System.Text.RegularExpressions;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Portal.Web.Tests;

/// <summary>
/// Who may reach the practice and a record, in Chromium against the real Host: a practitioner joins, a patient's access is
/// removed (deactivating staff joins when the staff page is server-rendered).
/// </summary>
public sealed partial class AccessBrowserTests(ITestOutputHelper output)
{
    [BrowserFact]
    public async Task A_practitioner_joins_on_the_emailed_page_and_a_practice_admin_removes_a_patients_portal_access()
    {
        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;
        using var api = await browser.App.SignedInClientAsync(DemoData.HarbourAdminEmail);

        await browser.OpenSignInAsync(output);

        // The admin invites Alex on the staff page and signs out; Alex opens the emailed link, chooses a password and
        // lands in the practice's app.
        await browser.SignInAsync(DemoData.HarbourAdminEmail, DemoData.Password);
        await browser.OpenAsync("/admin/staff");
        await page.FillAsync("#staffEmail", "alex@harbour.test");
        await page.FillAsync("#staffGivenName", "Alex");
        await page.FillAsync("#staffFamilyName", "Park");
        await page.ClickAsync("button:has-text('Send invitation')");
        await Assertions.Expect(page.Locator("form[aria-labelledby=invite-heading] [role=status]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("ul.staff li:has-text('alex@harbour.test')")).ToContainTextAsync("Pending");
        await page.ClickAsync("button:has-text('Sign out')");
        await Assertions.Expect(page.Locator("#email")).ToBeVisibleAsync();
        var token = await JoinTokenAsync(browser.App, "alex@harbour.test");
        await browser.OpenAsync($"/admin/join/{token}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Join Harbour Health on Portal");
        await Assertions.Expect(page.Locator("#givenName")).ToHaveValueAsync("Alex");
        await page.FillAsync("#newPassword", "Alex's long passphrase");
        await page.FillAsync("#confirmPassword", "Alex's long passphrase");
        await browser.ScreenshotAsync("admin-join");
        await page.ClickAsync("button:has-text('Join Harbour Health')");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Patients");
        await Assertions.Expect(page.Locator(".who")).ToContainTextAsync("Alex Park");
        await page.ClickAsync("button:has-text('Sign out')");
        await Assertions.Expect(page.Locator("#email")).ToBeVisibleAsync();
        await browser.SignInAsync(DemoData.HarbourAdminEmail, DemoData.Password);

        // Ava uses the portal; the admin removes her access from her record's portal-access tab.
        (await api.PostAsJsonAsync($"/api/practice/patients/{DemoPatients.AvaNguyenId}/invitations", new { })).EnsureSuccessStatusCode();
        var invitation = await browser.App.LatestInvitationTokenAsync("ava@example.test");
        using (var anonymous = browser.App.CreateClient())
        {
            (await anonymous.PostAsJsonAsync($"/api/invitations/{invitation}/accept", new { password = "Ava's own long passphrase" })).EnsureSuccessStatusCode();
        }

        await browser.App.RunMessagingAsync();
        using var ava = await browser.App.SignedInClientAsync("ava@example.test", "Ava's own long passphrase");
        Assert.True((await ava.GetAsync("/api/portal/profile")).IsSuccessStatusCode);
        await page.ClickAsync("nav >> text=Patients");
        await page.ClickAsync("text=Nguyen, Ava");
        await page.ClickAsync(".tabs a:has-text('Portal access')");
        await Assertions.Expect(page.Locator(".tabs a[aria-current=page]")).ToHaveTextAsync("Portal access");
        await Assertions.Expect(page.Locator("h1 .status")).ToHaveTextAsync("Uses the portal");
        await page.ClickAsync("button:has-text('Remove portal access')");
        await Assertions.Expect(page.Locator(".confirm")).ToContainTextAsync("Remove this patient's portal access?");
        await browser.ScreenshotAsync("admin-patient-remove-access");
        await page.ClickAsync(".confirm button:has-text('Remove access')");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Portal access removed");
        await Assertions.Expect(page.Locator("form[aria-label='Invite to the portal']")).ToBeVisibleAsync();   // she can be invited again
        Assert.False((await ava.GetAsync("/api/portal/profile")).IsSuccessStatusCode);
        Assert.Empty((await ava.GetFromJsonAsync<Me>("/api/me", PortalClients.Json))!.PatientIds);
    }

    private static async Task<string> JoinTokenAsync(PortalApp app, string email)
    {
        await app.RunMessagingAsync();
        using var client = app.CreateClient();
        var mailbox = await client.GetFromJsonAsync<List<MailboxEmail>>($"/api/dev/mailbox?to={Uri.EscapeDataString(email)}", PortalClients.Json);
        var match = JoinLink().Match(mailbox![0].Body);
        Assert.True(match.Success, "the email has no join link");
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"/admin/join/([A-Za-z0-9_-]+)")]
    private static partial Regex JoinLink();
}
