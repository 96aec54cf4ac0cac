using System.Net.Http.Json;
using Microsoft.Playwright;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Web.Tests;

/// <summary>
/// The practitioners' work pages (approvals, settings, notifications, invitations, staff, security log, account) in
/// Chromium against the real Host, on a phone (375 px) and a desktop (1280 px): each page has one h1, nothing scrolls
/// sideways, and its forms work with enhanced navigation. Screenshots of each page are kept.
/// </summary>
public sealed class AdminWorkBrowserTests
{
    private const string AvaPassword = "Ava's own long passphrase";

    [BrowserFact]
    public Task The_work_pages_are_usable_on_a_phone() => WalkThroughAsync(375, 812);

    [BrowserFact]
    public Task The_work_pages_are_usable_on_a_desktop() => WalkThroughAsync(1280, 900);

    private static async Task WalkThroughAsync(int width, int height)
    {
        await using var browser = await BrowserSession.StartAsync(width, height);
        var page = browser.Page;
        await browser.App.LinkPatientRecordAsync("ava@example.test", AvaPassword, DemoPatients.AvaNguyenId, DemoData.HarbourHealthId);
        using (var ava = await browser.App.SignedInClientAsync("ava@example.test", AvaPassword))
        {
            (await ava.PatchAsJsonAsync("/api/portal/profile", new { mobilePhone = "0499 111 222" })).EnsureSuccessStatusCode();
        }

        await browser.App.RunMessagingAsync();
        await browser.OpenAsync("/admin/approvals");
        await browser.SignInAsync(DemoData.HarbourAdminEmail, DemoData.Password);

        // Approvals: rejecting without a reason is said at the field; approving applies the change.
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Patients' changes waiting for approval");
        var request = page.Locator("article", new() { HasText = "+61499111222" });
        await CheckLayoutAsync(browser, $"admin-approvals-{width}");
        await request.Locator("button:has-text('Reject')").ClickAsync();
        await Assertions.Expect(page.Locator("#error-reason")).ToHaveTextAsync("Tell the patient why the change was not made.");
        await page.Locator("article", new() { HasText = "+61499111222" }).Locator("button:has-text('Approve')").ClickAsync();
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("Approved: Ava Nguyen's");

        // Settings, saved with its ETag.
        await page.ClickAsync("nav >> text=Portal settings");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Patient portal and sharing settings");
        await page.CheckAsync("#updates-autoUpdate");
        await page.ClickAsync("button:has-text('Save')");
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("Saved.");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("patient updates: Auto update");
        await CheckLayoutAsync(browser, $"admin-settings-{width}");

        // Notifications, with the unread count in the menu until all are read.
        await Assertions.Expect(page.Locator("nav .badge")).ToBeVisibleAsync();
        await page.ClickAsync("nav >> text=Notifications");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Notifications");
        await CheckLayoutAsync(browser, $"admin-notifications-{width}");
        await page.ClickAsync("button:has-text('Mark all as read')");
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("as read.");
        await Assertions.Expect(page.Locator("nav .badge")).ToHaveCountAsync(0);

        await page.ClickAsync("nav >> text=Invitations");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Invitations");
        await page.ClickAsync("button:has-text('Invite all eligible patients')");
        await Assertions.Expect(page.Locator("form p.warning")).ToContainTextAsync("This emails an invitation to");
        await CheckLayoutAsync(browser, $"admin-invitations-{width}");

        await page.ClickAsync("nav >> text=Staff");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Staff");
        await page.ClickAsync("button:has-text('Send invitation')");
        await Assertions.Expect(page.Locator("#error-email")).ToHaveTextAsync("Enter an email address.");
        await CheckLayoutAsync(browser, $"admin-staff-{width}");

        await page.ClickAsync("nav >> text=Security log");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Security log");
        await Assertions.Expect(page.Locator("ul.log li").First).ToContainTextAsync("Signed in");
        await CheckLayoutAsync(browser, $"admin-security-log-{width}");

        await page.ClickAsync("nav >> text=My account");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("My account");
        await page.FillAsync("#twoFactorPassword", DemoData.Password);
        await page.ClickAsync("button:has-text('Set up two-factor sign-in')");
        await Assertions.Expect(page.Locator(".qr svg")).ToBeVisibleAsync();
        await CheckLayoutAsync(browser, $"admin-account-{width}");
    }

    /// <summary>One h1, nothing wider than the screen, and a screenshot of the whole page.</summary>
    private static async Task CheckLayoutAsync(BrowserSession browser, string screenshot)
    {
        await Assertions.Expect(browser.Page.Locator("h1")).ToHaveCountAsync(1);
        var (scrollWidth, viewport) = (await browser.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"),
            await browser.Page.EvaluateAsync<int>("() => window.innerWidth"));
        Assert.True(scrollWidth <= viewport, $"{screenshot}: the page is {scrollWidth} px wide on a {viewport} px screen");
        await browser.ScreenshotAsync(screenshot);
    }
}
