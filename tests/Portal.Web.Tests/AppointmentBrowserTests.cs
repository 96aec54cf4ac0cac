using System.Net.Http.Json;
using Microsoft.Playwright;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Web.Tests;

/// <summary>
/// A patient's appointments end to end in Chromium on a phone (375 px), against the real Host with the demo practice
/// (Harbour Health: Dr Lee and the admin Monday to Friday 09:00-17:00 in Sydney, two kinds of appointment): booking step
/// by step, the booking on the home page and the list, moving it, cancelling it; no page wider than the phone, no console errors.
/// </summary>
public sealed class AppointmentBrowserTests
{
    private const string AvaPassword = "Ava's own long passphrase";

    [BrowserFact]
    public async Task A_patient_books_through_the_steps_sees_it_on_home_and_in_the_list_moves_and_cancels_it_at_375_px()
    {
        await using var browser = await BrowserSession.StartAsync(width: 375, height: 812);
        var page = browser.Page;
        var errors = WatchConsole(page);
        using (var admin = await browser.App.SignedInClientAsync(DemoData.HarbourAdminEmail))
        {
            (await admin.PostAsJsonAsync($"/api/practice/patients/{DemoPatients.AvaNguyenId}/invitations", new { })).EnsureSuccessStatusCode();
        }

        await browser.OpenAsync("/invite/" + await browser.App.LatestInvitationTokenAsync("ava@example.test"));
        await page.FillAsync("#newPassword", AvaPassword);
        await page.FillAsync("#confirmPassword", AvaPassword);
        await page.ClickAsync("button:has-text('Create my account')");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Hello Ava");

        // Book: who, what, which day, what time, confirm; each step a list of links.
        await page.ClickAsync("nav >> text=Appointments");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("My appointments");
        await page.ClickAsync("main a:has-text('Book an appointment')");
        await Assertions.Expect(page.Locator("#who-heading")).ToHaveTextAsync("Who would you like to see?");
        await Step(browser, "patient-appointments-book-375");
        await page.ClickAsync(".choices a:has-text('Sam Lee')");
        await Assertions.Expect(page.Locator("#what-heading")).ToHaveTextAsync("What kind of appointment?");
        await Assertions.Expect(page.Locator(".choices")).ToContainTextAsync("30 minutes · $120.00");
        await Step(browser, "patient-appointments-book-kind-375");
        await page.ClickAsync(".choices a:has-text('Standard consultation')");
        await Assertions.Expect(page.Locator("#day-heading")).ToHaveTextAsync("Which day?");
        await Step(browser, "patient-appointments-book-day-375");
        await page.Locator(".choices a").First.ClickAsync();
        await Assertions.Expect(page.Locator("#time-heading")).ToContainTextAsync("What time on");
        await Assertions.Expect(page.Locator("h3.where")).ToContainTextAsync("Harbour Health Sydney");
        await Step(browser, "patient-appointments-book-time-375");
        await page.Locator(".choices a").First.ClickAsync();
        await Assertions.Expect(page.Locator("#confirm-heading")).ToHaveTextAsync("Check and confirm");
        await Assertions.Expect(page.Locator(".facts")).ToContainTextAsync("$120.00");
        var when = (await page.Locator(".facts dd").First.TextContentAsync())!.Split(" (")[0].Trim();
        await Step(browser, "patient-appointments-book-confirm-375");
        await page.ClickAsync("button:has-text('Book this appointment')");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your appointment is booked");
        await Assertions.Expect(page.Locator(".rule")).ToContainTextAsync("You can cancel or change this online until");
        await Step(browser, "patient-appointments-booked-375");

        // Home: the next appointment is this one.
        await page.ClickAsync("nav >> text=Home");
        await Assertions.Expect(page.Locator("section[aria-labelledby=appointment-heading] .when")).ToHaveTextAsync(when);
        await Assertions.Expect(page.Locator("section[aria-labelledby=appointment-heading]")).ToContainTextAsync("Standard consultation with Sam Lee");
        await Step(browser, "patient-home-next-appointment-375");

        // The list: booked, with the practice's rule; cancel it from there.
        await page.ClickAsync("section[aria-labelledby=appointment-heading] a:has-text('Manage my appointments')");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("My appointments");
        var card = page.Locator("li.card", new PageLocatorOptions { HasText = when });
        await Assertions.Expect(card.Locator(".status")).ToHaveTextAsync("Booked");
        await Assertions.Expect(card.Locator(".rule")).ToContainTextAsync("You can cancel or change this online until");
        await Step(browser, "patient-appointments-375");

        // Move it: the booking's day and time steps again, then confirm.
        await card.Locator("a:has-text('Change time')").ClickAsync();
        await Assertions.Expect(page.Locator("#day-heading")).ToHaveTextAsync("Which new day?");
        await Step(browser, "patient-appointments-move-day-375");
        await page.Locator(".choices a").Last.ClickAsync();
        await Assertions.Expect(page.Locator("#time-heading")).ToContainTextAsync("What time on");
        await page.Locator(".choices a").Last.ClickAsync();
        await Assertions.Expect(page.Locator("#confirm-heading")).ToHaveTextAsync("Move it to this time?");
        when = (await page.Locator("section[aria-labelledby=confirm-heading] .facts dd").First.TextContentAsync())!.Trim();
        await Step(browser, "patient-appointments-move-confirm-375");
        await page.ClickAsync("button:has-text('Move my appointment')");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your appointment is moved");
        await Step(browser, "patient-appointments-moved-375");
        await page.ClickAsync("main a:has-text('See all my appointments')");
        card = page.Locator("li.card", new PageLocatorOptions { HasText = when });
        await Assertions.Expect(card.Locator(".status")).ToHaveTextAsync("Booked");

        // Cancel it, with a reason.
        await card.Locator("a:has-text('Cancel')").ClickAsync();
        await Assertions.Expect(page.Locator("#cancel-heading")).ToHaveTextAsync("Cancel this appointment?");
        await page.FillAsync("#reason", "Feeling better");
        await Step(browser, "patient-appointments-cancel-375");
        await page.ClickAsync("button:has-text('Yes, cancel it')");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your appointment is cancelled");
        await Step(browser, "patient-appointments-cancelled-375");
        await page.ClickAsync("main a:has-text('See all my appointments')");
        await Assertions.Expect(card.Locator(".status")).ToHaveTextAsync("Cancelled");

        Assert.True(errors.Count == 0, "Console errors:\n" + string.Join("\n", errors));
    }

    [BrowserFact]
    public async Task With_javascript_turned_off_the_patient_books_through_plain_links_and_the_form()
    {
        await using var browser = await BrowserSession.StartAsync(width: 375, height: 812);
        await browser.App.LinkPatientRecordAsync("ava@example.test", AvaPassword, DemoPatients.AvaNguyenId, DemoData.HarbourHealthId);
        await using var context = await browser.Page.Context.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = false, ViewportSize = new ViewportSize { Width = 375, Height = 812 },
        });
        var page = await context.NewPageAsync();

        await page.GotoAsync(browser.BaseUrl + "/appointments/book");
        await page.FillAsync("#email", "ava@example.test");
        await page.FillAsync("#password", AvaPassword);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("#who-heading")).ToHaveTextAsync("Who would you like to see?");
        await page.ClickAsync(".choices a:has-text('Sam Lee')");
        await page.ClickAsync(".choices a:has-text('Long consultation')");
        await Assertions.Expect(page.Locator(".chosen")).ToContainTextAsync("1 hour, $220.00");
        await page.Locator(".choices a").Last.ClickAsync();
        await page.Locator(".choices a").Last.ClickAsync();
        await Assertions.Expect(page.Locator("#confirm-heading")).ToHaveTextAsync("Check and confirm");
        await page.ClickAsync("button:has-text('Book this appointment')");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your appointment is booked");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotDirectory, "patient-appointments-booked-no-script-375.png"), FullPage = true });

        using var ava = await browser.App.SignedInClientAsync("ava@example.test", AvaPassword);
        var upcoming = await ava.GetFromJsonAsync<Page<Booked>>("/api/portal/appointments?scope=upcoming&pageSize=50", PortalClients.Json);
        Assert.Contains(upcoming!.Items, a => a.AppointmentType.Name == "Long consultation" && a.Status == "booked");
    }

    private sealed record Booked(string Status, Named AppointmentType);

    private sealed record Named(string Name);

    /// <summary>A step's screenshot, after checking the page fits the phone's width.</summary>
    private static async Task Step(BrowserSession browser, string name)
    {
        var page = browser.Page;
        var (scrollWidth, innerWidth) = (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("() => innerWidth"));
        Assert.True(scrollWidth <= innerWidth, $"{page.Url} scrolls sideways: {scrollWidth} px wide in a {innerWidth} px window");
        await browser.ScreenshotAsync(name);
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
}
