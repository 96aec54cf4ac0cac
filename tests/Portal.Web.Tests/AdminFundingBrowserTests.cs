using Microsoft.Playwright;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.PatientProfile.Contracts;
using Xunit;

namespace Portal.Web.Tests;

/// <summary>
/// A patient's Funding tab in Chromium against the real Host (the demo practice): on a desktop (1280 px) and a phone
/// (375 px) a receptionist reads Ava's Medicare card and health fund in words with the expiry badge, opens the Medicare
/// card's form and is told at the field that a mistyped number does not add up (nothing is saved). Screenshots of each
/// are kept, the tab's also in /tmp/portal-shots (admin-funding-1280.png, admin-funding-375.png).
/// </summary>
public sealed class AdminFundingBrowserTests
{
    private const string Shots = "/tmp/portal-shots";

    [BrowserFact]
    public Task The_funding_tab_reads_and_refuses_a_mistyped_number_on_a_desktop() => ReadAndMistypeAsync(1280, 900);

    [BrowserFact]
    public Task The_funding_tab_fits_a_phone() => ReadAndMistypeAsync(375, 812);

    private static async Task ReadAndMistypeAsync(int width, int height)
    {
        await using var browser = await BrowserSession.StartAsync(width, height);
        var page = browser.Page;
        await browser.OpenAsync($"/admin/patients/{DemoPatients.AvaNguyenId}?tab=funding");
        await browser.SignInAsync(DemoData.HarbourAdminEmail, DemoData.Password);

        await Assertions.Expect(page.Locator("nav.tabs a[aria-current=page]")).ToHaveTextAsync("Funding details");
        var medicare = page.Locator("section[aria-labelledby='funding-medicare']");
        await Assertions.Expect(medicare).ToContainTextAsync("2123 45670 1");
        await Assertions.Expect(page.Locator("#medicare-expiry")).ToHaveTextAsync("Medicare card expires soon");
        await Assertions.Expect(page.Locator("section[aria-labelledby='funding-privateHealth']")).ToContainTextAsync("Bupa");
        await CheckLayoutAsync(browser, $"admin-funding-{width}");
        Directory.CreateDirectory(Shots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, $"admin-funding-{width}.png"), FullPage = true });

        await medicare.Locator("a:has-text('Change Medicare card')").ClickAsync();
        await page.FillAsync("#medicare-number", "2123 45671 1");
        await page.ClickAsync("button:has-text('Save Medicare card')");
        await Assertions.Expect(page.Locator("#error-medicare-number")).ToContainTextAsync("these do not add up");
        await Assertions.Expect(page.Locator("#medicare-number")).ToHaveAttributeAsync("aria-invalid", "true");
        await CheckLayoutAsync(browser, $"admin-funding-edit-{width}");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, $"admin-funding-edit-{width}.png"), FullPage = true });

        await page.ClickAsync("a:has-text('Cancel')");
        await Assertions.Expect(medicare).ToContainTextAsync("2123 45670 1");   // nothing was saved
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
