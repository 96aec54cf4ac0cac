using System.Net.Http.Json;
using Microsoft.Playwright;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Web.Tests;

/// <summary>
/// The patients' server-rendered pages end to end in Chromium (375 px and desktop), against the real Host on a fresh
/// database: with enhanced navigation and forms, with JavaScript turned off, without console errors, and with no page
/// wider than a phone's screen.
/// </summary>
public sealed class PatientBrowserTests
{
    private const string AvaPassword = "Ava's own long passphrase";

    /// <summary>Every page of the app a signed-in patient can open.</summary>
    private static readonly string[] SignedInPages = ["/", "/details", "/health-record", "/account", "/access-log"];

    [BrowserFact]
    public async Task A_patient_accepts_the_invitation_then_edits_under_each_policy_and_no_page_scrolls_sideways_at_375_px()
    {
        await using var browser = await BrowserSession.StartAsync(width: 375, height: 812);
        var page = browser.Page;
        var errors = WatchConsole(page);
        using var admin = await browser.App.SignedInClientAsync(DemoData.HarbourAdminEmail);
        var link = await InviteAvaAsync(browser.App, admin);

        // The invitation page: who invites whom; a password too short is explained at the field.
        await browser.OpenAsync(link);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Harbour Health invites you to its patient portal");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("ava@example.test");
        await AssertFitsAsync(page, link);
        await page.FillAsync("#newPassword", "short");
        await page.FillAsync("#confirmPassword", "short");
        await page.ClickAsync("button:has-text('Create my account')");
        await Assertions.Expect(page.Locator("#error-password")).ToContainTextAsync("Too short");
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
        await browser.ScreenshotAsync("patient-details-sent-375");
        var pending = await admin.GetFromJsonAsync<Page<PendingChange>>("/api/practice/change-requests?status=pending", PortalClients.Json);
        (await admin.PostAsJsonAsync($"/api/practice/change-requests/{pending!.Items[0].Id}/reject",
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

        // No page is wider than the phone (the account page with its sessions list included).
        foreach (var path in SignedInPages)
        {
            await browser.OpenAsync(path);
            await AssertFitsAsync(page, path);
            await browser.ScreenshotAsync("patient-page-375" + path.Replace('/', '-').TrimEnd('-'));
        }

        // Sign out: back at sign-in; the pages ask to sign in again.
        await page.ClickAsync("nav >> button:has-text('Sign out')");
        await Assertions.Expect(page.Locator("#password")).ToBeVisibleAsync();
        await browser.OpenAsync("/details");
        await Assertions.Expect(page.Locator("#password")).ToBeVisibleAsync();
        foreach (var path in new[] { "/", "/forgot-password", "/sign-out", "/invite/not-a-real-token" })
        {
            await browser.OpenAsync(path);
            await AssertFitsAsync(page, path);
            await browser.ScreenshotAsync("patient-signed-out-375" + path.Replace('/', '-').TrimEnd('-'));
        }

        Assert.True(errors.Count == 0, "Console errors:\n" + string.Join("\n", errors));
    }

    [BrowserFact]
    public async Task On_a_desktop_the_patient_turns_on_two_factor_signs_in_with_a_code_and_keeps_their_health_record()
    {
        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;
        var errors = WatchConsole(page);
        await browser.App.LinkPatientRecordAsync("ava@example.test", AvaPassword, DemoPatients.AvaNguyenId, DemoData.HarbourHealthId);
        using var admin = await browser.App.SignedInClientAsync(DemoData.HarbourAdminEmail);

        await browser.OpenAsync("/");
        await browser.ScreenshotAsync("patient-sign-in");
        await browser.SignInAsync("ava@example.test", AvaPassword);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Hello Ava");
        await browser.ScreenshotAsync("patient-home");

        // The health record: a row is added on the server (no script needed), then the list is sent.
        await page.ClickAsync("nav >> text=Health record");
        await Assertions.Expect(page.Locator("#allergy0")).ToHaveValueAsync("Penicillin");
        await page.ClickAsync("button:has-text('Add allergy')");
        await page.FillAsync("#allergy1", "Peanuts");
        await page.SelectOptionAsync("#severity1", "severe");
        await page.ClickAsync("button.primary:has-text('Send to my practice')");
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("Sent to Harbour Health for approval");
        await browser.ScreenshotAsync("patient-health-record");
        var pending = await admin.GetFromJsonAsync<Page<PendingChange>>("/api/practice/change-requests?status=pending", PortalClients.Json);
        Assert.Equal("allergies", pending!.Items[0].Changes[0].Field);

        // Two-factor sign-in: the QR code, the code, the recovery codes.
        await page.ClickAsync("nav >> text=Account access");
        await Assertions.Expect(page.Locator(".sessions")).ToContainTextAsync("(this one)");
        await page.FillAsync("#twoFactorPassword", AvaPassword);
        await page.ClickAsync("button:has-text('Set up two-factor sign-in')");
        await Assertions.Expect(page.Locator(".qr svg")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("patient-account-two-factor-setup");
        var key = (await page.Locator("code.key").TextContentAsync())!.Trim();
        await page.FillAsync("#twoFactorCode", Totp.Code(key, browser.App.Clock.GetUtcNow()));
        await page.ClickAsync("button:has-text('Turn on')");
        await Assertions.Expect(page.Locator(".warning")).ToContainTextAsync("Keep these recovery codes somewhere safe");
        await browser.ScreenshotAsync("patient-account");

        // Signing in again asks for the code (of the next period: a code works once).
        await page.ClickAsync("nav >> button:has-text('Sign out')");
        browser.App.Clock.Advance(TimeSpan.FromSeconds(31));
        await page.FillAsync("#email", "ava@example.test");
        await page.FillAsync("#password", AvaPassword);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("#code")).ToBeVisibleAsync();
        Assert.DoesNotContain(AvaPassword, await page.ContentAsync(), StringComparison.Ordinal);
        await browser.ScreenshotAsync("patient-sign-in-code");
        await page.FillAsync("#code", Totp.Code(key, browser.App.Clock.GetUtcNow()));
        await page.ClickAsync("button:has-text('Verify and sign in')");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Hello Ava");

        // Nothing of the session is readable by script: no cookie, no storage.
        Assert.Equal("", await page.EvaluateAsync<string>("() => document.cookie"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => sessionStorage.length + localStorage.length"));

        // Dead invitation links say what happened.
        await browser.OpenAsync("/invite/not-a-real-token");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("This invitation link is not valid");
        await browser.ScreenshotAsync("patient-invitation-unknown");
        Assert.True(errors.Count == 0, "Console errors:\n" + string.Join("\n", errors));
    }

    [BrowserFact]
    public async Task With_javascript_turned_off_the_patient_signs_in_and_edits_their_details()
    {
        await using var browser = await BrowserSession.StartAsync(width: 375, height: 812);
        await browser.App.LinkPatientRecordAsync("ava@example.test", AvaPassword, DemoPatients.AvaNguyenId, DemoData.HarbourHealthId);
        await using var context = await browser.Page.Context.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = false, ViewportSize = new ViewportSize { Width = 375, Height = 812 },
        });
        var page = await context.NewPageAsync();

        await page.GotoAsync(browser.BaseUrl + "/details");
        await page.FillAsync("#email", "ava@example.test");
        await page.FillAsync("#password", AvaPassword);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("My details");
        await page.FillAsync("#mobilePhone", "0499 333 444");
        await page.ClickAsync("button:has-text('Send to my practice')");
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("Sent to Harbour Health for approval");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotDirectory, "patient-details-no-script-375.png"), FullPage = true });
        await page.ClickAsync("button:has-text('Withdraw this request')");
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("Your request is withdrawn");
        await page.ClickAsync("nav >> button:has-text('Sign out')");
        await Assertions.Expect(page.Locator("#password")).ToBeVisibleAsync();
    }

    private static async Task AssertFitsAsync(IPage page, string path)
    {
        var (scrollWidth, innerWidth) = (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("() => innerWidth"));
        Assert.True(scrollWidth <= innerWidth, $"{path} scrolls sideways: {scrollWidth} px wide in a {innerWidth} px window");
    }

    private static List<string> WatchConsole(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (errors)
                {
                    errors.Add($"{page.Url}: {message.Text}");
                }
            }
        };
        return errors;
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
