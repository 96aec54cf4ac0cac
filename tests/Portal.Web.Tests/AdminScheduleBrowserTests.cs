using Microsoft.Playwright;
using Portal.Modules.Identity.Contracts;
using Xunit;

namespace Portal.Web.Tests;

/// <summary>
/// My hours and the booking rules in Chromium against the real Host (the demo practice, only read): on a phone (375 px)
/// the table of hours becomes labelled fields one under another and nothing is wider than the screen; on a desktop
/// (1280 px) it is a table. Screenshots of each are kept.
/// </summary>
public sealed class AdminScheduleBrowserTests
{
    [BrowserFact]
    public async Task My_hours_and_the_booking_rules_fit_a_phone_and_a_desktop()
    {
        await using var phone = await BrowserSession.StartAsync(375, 800);
        await phone.OpenAsync("/admin/schedule");
        await phone.SignInAsync(DemoData.DrLeeEmail, DemoData.Password);
        await Assertions.Expect(phone.Page.Locator("h1")).ToHaveTextAsync("My hours");
        await Assertions.Expect(phone.Page.Locator("label[for=row-0-start]")).ToBeVisibleAsync();   // the column headings are hidden: each field says its name
        await CheckLayoutAsync(phone, "admin-schedule-375");
        await phone.OpenAsync("/admin/settings");
        await Assertions.Expect(phone.Page.Locator("#booking-heading")).ToHaveTextAsync("Online booking");
        await CheckLayoutAsync(phone, "admin-settings-booking-375");

        await using var desktop = await BrowserSession.StartAsync(1280, 900);
        await desktop.OpenAsync($"/admin/schedule?practitioner={DemoData.DrLeeId}");
        await desktop.SignInAsync(DemoData.HarbourAdminEmail, DemoData.Password);
        await Assertions.Expect(desktop.Page.Locator("h1")).ToHaveTextAsync("Sam Lee's hours");
        await Assertions.Expect(desktop.Page.Locator("table.hours thead")).ToBeVisibleAsync();
        await CheckLayoutAsync(desktop, "admin-schedule-1280");
    }

    private static async Task CheckLayoutAsync(BrowserSession browser, string screenshot)
    {
        await Assertions.Expect(browser.Page.Locator("h1")).ToHaveCountAsync(1);
        var (scrollWidth, viewport) = (await browser.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"),
            await browser.Page.EvaluateAsync<int>("() => window.innerWidth"));
        Assert.True(scrollWidth <= viewport, $"{screenshot}: the page is {scrollWidth} px wide on a {viewport} px screen");
        await browser.ScreenshotAsync(screenshot);
    }
}
