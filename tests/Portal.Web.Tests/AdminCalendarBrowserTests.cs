using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Testing;
using Portal.Web.Admin.Features.Appointments;
using Xunit;

namespace Portal.Web.Tests;

/// <summary>
/// The calendar, booking for a patient and an appointment's page in Chromium against the real Host (the demo practice):
/// on a desktop (1280 px) a receptionist opens the week, books for Ava from her record and marks her arrived; on a phone
/// (375 px) the calendar's day and week fit the screen. Screenshots of each are kept.
/// </summary>
public sealed class AdminCalendarBrowserTests
{
    private sealed record Entry(Guid Id, DateTimeOffset Start, string Status);

    private sealed record CalendarPage(List<Entry> Items, int Total);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The day of Ava's next booked demo appointment, as the API says it (the location's date).</summary>
    private static async Task<DateOnly> AvasNextDayAsync(PortalApp app)
    {
        using var admin = await app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var ahead = await admin.GetFromJsonAsync<CalendarPage>(
            $"/api/practice/appointments?from={Day(today)}&to={Day(today.AddDays(31))}&patientId={DemoPatients.AvaNguyenId}", PortalClients.Json);
        return DateOnly.FromDateTime(ahead!.Items.Where(e => e.Status == "booked").OrderBy(e => e.Start).First().Start.DateTime);
    }

    [BrowserFact]
    public async Task A_receptionist_opens_the_week_books_for_a_patient_and_marks_them_arrived()
    {
        await using var browser = await BrowserSession.StartAsync(1280, 900);
        var page = browser.Page;
        var day = await AvasNextDayAsync(browser.App);
        await browser.OpenAsync($"/admin/calendar?view=week&date={Day(day)}");
        await browser.SignInAsync(DemoData.HarbourAdminEmail, DemoData.Password);

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Calendar");
        var column = page.Locator($"section[aria-labelledby='day-{Day(day)}']");
        await Assertions.Expect(column.Locator("li.entry", new() { HasText = "Ava Nguyen" })).ToBeVisibleAsync();
        await Assertions.Expect(column.Locator("li.entry", new() { HasText = "Noah Smith" })).ToBeVisibleAsync();
        await CheckLayoutAsync(browser, "admin-calendar-week-1280");

        // From the calendar to Ava's record, and her Appointments tab.
        await column.Locator("li.entry a[href^='/admin/patients/']", new() { HasText = "Ava Nguyen" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Ava Nguyen");
        await Assertions.Expect(page.Locator("nav.tabs a[aria-current=page]")).ToHaveTextAsync("Appointments");
        var monday = NextMonday(browser.App);
        await page.SelectOptionAsync("#bookPractitioner", new SelectOptionValue { Label = "Sam Lee" });
        await page.SelectOptionAsync("#bookType", new SelectOptionValue { Label = "Standard consultation (30 minutes)" });
        await page.SelectOptionAsync("#bookLocation", new SelectOptionValue { Label = "Harbour Health Sydney (Sydney time)" });
        // Ava's own 10:00 with Sam Lee that day: taken, said at the time field.
        await page.FillAsync("#bookDate", Day(day));
        await page.FillAsync("#bookTime", "10:00");
        await page.ClickAsync("button:has-text('Book appointment')");
        await Assertions.Expect(page.Locator("#error-time")).ToContainTextAsync("That time is taken: Sam Lee already has an appointment then.");
        await CheckLayoutAsync(browser, "admin-book-taken-1280");

        await page.FillAsync("#bookDate", Day(monday));
        await page.FillAsync("#bookTime", "16:00");
        await CheckLayoutAsync(browser, "admin-patient-appointments-1280");
        await page.ClickAsync("button:has-text('Book appointment')");

        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("Booked.");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Ava Nguyen's appointment");
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("4:00");
        await page.ClickAsync("button:has-text('Mark arrived')");
        await Assertions.Expect(page.Locator("[role=status]")).ToHaveTextAsync("Marked as arrived.");
        await Assertions.Expect(page.Locator("dl.facts .status")).ToHaveTextAsync("Arrived");
        await CheckLayoutAsync(browser, "admin-appointment-1280");

        // The day in the calendar says so too.
        await page.ClickAsync("a:has-text('← Calendar')");
        await Assertions.Expect(page.Locator("table.day-table tr", new() { HasText = "Ava Nguyen" })).ToContainTextAsync("Arrived");
        await CheckLayoutAsync(browser, "admin-calendar-day-1280");
    }

    [BrowserFact]
    public async Task The_calendar_fits_a_phone()
    {
        await using var browser = await BrowserSession.StartAsync(375, 812);
        var page = browser.Page;
        var day = await AvasNextDayAsync(browser.App);
        await browser.OpenAsync($"/admin/calendar?view=week&date={Day(day)}");
        await browser.SignInAsync(DemoData.HarbourAdminEmail, DemoData.Password);

        await Assertions.Expect(page.Locator($"section[aria-labelledby='day-{Day(day)}'] li.entry", new() { HasText = "Ava Nguyen" })).ToBeVisibleAsync();
        await CheckLayoutAsync(browser, "admin-calendar-week-375");

        await page.ClickAsync("nav[aria-label='Calendar days'] a:has-text('Day')");
        await Assertions.Expect(page.Locator("table.day-table")).ToBeVisibleAsync();
        await CheckLayoutAsync(browser, "admin-calendar-day-375");

        await page.Locator("table.day-table tr", new() { HasText = "Ava Nguyen" }).Locator("td:first-child a").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Ava Nguyen's appointment");
        await CheckLayoutAsync(browser, "admin-appointment-375");

        await browser.OpenAsync($"/admin/patients/{DemoPatients.AvaNguyenId}?tab=appointments");
        await Assertions.Expect(page.Locator("#bookTime")).ToBeVisibleAsync();
        await CheckLayoutAsync(browser, "admin-patient-appointments-375");
    }

    private static DateOnly NextMonday(PortalApp app)
    {
        var day = LocalTimes.Today(app.Clock, "Australia/Sydney").AddDays(7);
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(1);
        }

        return day;
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
