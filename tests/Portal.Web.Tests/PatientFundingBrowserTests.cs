using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Web.Tests;

/// <summary>
/// A patient's funding details in Chromium on a phone (375 px), against the real Host with the demo practice: Ava's
/// Medicare card ends next month, so the home page says so and links to it; she types a wrong number (said at the
/// field), then her new card, and sends it. The pages fit the phone; screenshots at 375 and 1280 px in /tmp/portal-shots.
/// </summary>
public sealed class PatientFundingBrowserTests
{
    private const string AvaPassword = "Ava's own long passphrase";
    private const string Shots = "/tmp/portal-shots";

    [BrowserFact]
    public async Task Ava_sees_her_medicare_card_ending_types_her_new_card_and_sends_it_at_375_px()
    {
        await using var browser = await BrowserSession.StartAsync(width: 375, height: 812);
        var page = browser.Page;
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
        using (var admin = await browser.App.SignedInClientAsync(DemoData.HarbourAdminEmail))
        {
            (await admin.PostAsJsonAsync($"/api/practice/patients/{DemoPatients.AvaNguyenId}/invitations", new { })).EnsureSuccessStatusCode();
        }

        await browser.OpenAsync("/invite/" + await browser.App.LatestInvitationTokenAsync("ava@example.test"));
        await page.FillAsync("#newPassword", AvaPassword);
        await page.FillAsync("#confirmPassword", AvaPassword);
        await page.ClickAsync("button:has-text('Create my account')");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Hello Ava");

        // Home: her card ends next month.
        await Assertions.Expect(page.Locator(".medicare-expiry")).ToContainTextAsync("Your Medicare card expires at the end of");
        await Step(browser, "patient-home-medicare-expiry-375");

        await page.ClickAsync("nav >> text=Funding");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Funding details");
        await Assertions.Expect(page.Locator("#medicare")).ToContainTextAsync("2123 45670 1");
        await Assertions.Expect(page.Locator("#private-health")).ToContainTextAsync("Bupa");
        await Step(browser, "patient-funding-overview-375");

        // A wrong number: said at the field, nothing sent.
        await page.ClickAsync("#medicare a");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Medicare card");
        var validTo = browser.App.Clock.GetUtcNow().AddYears(2).ToString("MM/yyyy", CultureInfo.InvariantCulture);
        await page.FillAsync("#number", "2123 45671 1");
        await page.FillAsync("#validTo", validTo);
        await page.ClickAsync("main button.primary");
        await Assertions.Expect(page.Locator("#error-medicare-number")).ToContainTextAsync("do not add up");
        await Assertions.Expect(page.Locator("#number")).ToHaveAttributeAsync("aria-invalid", "true");
        await Step(browser, "patient-funding-error-375");

        // Her new card, sent (the page opened again: what she typed and was refused is gone).
        await page.GotoAsync(browser.BaseUrl + "/funding/medicare");
        await Assertions.Expect(page.Locator("#number")).ToHaveValueAsync("2123456701");
        await page.FillAsync("#number", "2428 77813 2");
        await page.FillAsync("#irn", "1");
        await page.FillAsync("#validTo", validTo);
        await Step(browser, "patient-funding-375");
        await page.ClickAsync("main button.primary");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Funding details");
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("Medicare card");
        await Assertions.Expect(page.Locator("#medicare")).ToContainTextAsync("2428 77813 2");
        await Step(browser, "patient-funding-sent-375");

        // The same pages on a desktop.
        await page.SetViewportSizeAsync(1280, 900);
        await browser.ScreenshotAsync("patient-funding-1280");
        await Shot(page, "patient-funding-1280");
        await page.ClickAsync("#ndis a");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("NDIS plan");
        await Shot(page, "patient-funding-ndis-1280");
        await page.SetViewportSizeAsync(375, 812);
        await Step(browser, "patient-funding-ndis-375");

        // The plan manager is asked for only for a plan-managed plan.
        await page.CheckAsync("#management-self");
        await Assertions.Expect(page.Locator("#managerEmail")).ToBeHiddenAsync();
        await page.CheckAsync("#management-plan");
        await Assertions.Expect(page.Locator("#managerEmail")).ToBeVisibleAsync();

        Assert.Empty(errors);
    }

    /// <summary>A step's screenshot, after checking the page fits the phone's width.</summary>
    private static async Task Step(BrowserSession browser, string name)
    {
        var page = browser.Page;
        var (scrollWidth, innerWidth) = (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("() => innerWidth"));
        Assert.True(scrollWidth <= innerWidth, $"{page.Url} scrolls sideways: {scrollWidth} px wide in a {innerWidth} px window");
        await browser.ScreenshotAsync(name);
        await Shot(page, name);
    }

    private static async Task Shot(IPage page, string name)
    {
        Directory.CreateDirectory(Shots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, name + ".png"), FullPage = true });
    }
}
