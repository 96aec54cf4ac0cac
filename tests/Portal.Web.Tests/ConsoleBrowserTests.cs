using Microsoft.Playwright;
using Portal.Modules.Identity.Contracts;
using Xunit;

namespace Portal.Web.Tests;

/// <summary>Both apps show their own icon, and opening them leaves nothing red in the browser's console.</summary>
public sealed class ConsoleBrowserTests
{
    [BrowserFact]
    public async Task Both_apps_ship_their_icon_and_log_no_error()
    {
        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;
        var errors = new List<string>();
        Watch(page, errors);

        await page.GotoAsync(browser.BaseUrl + "/admin/");
        await page.Locator("#email").WaitForAsync();
        Assert.Equal(200, await IconStatusAsync(page));
        await browser.SignInAsync(DemoData.HarbourAdminEmail, DemoData.Password);
        foreach (var (link, heading) in new[]
                 {
                     ("Approvals", "Patients' changes waiting for approval"), ("Invitations", "Invitations"), ("Notifications", "Notifications"),
                     ("Portal settings", "Patient portal and sharing settings"), ("Staff", "Staff"), ("Security log", "Security log"), ("My account", "My account"),
                 })
        {
            await page.ClickAsync($"nav >> text={link}");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(heading);
        }

        // The patients' app, in a browser profile of its own (not signed in as the practitioner).
        await using var patientContext = await page.Context.Browser!.NewContextAsync();
        var patient = await patientContext.NewPageAsync();
        Watch(patient, errors);
        await patient.GotoAsync(browser.BaseUrl + "/");
        await patient.Locator("#email").WaitForAsync();
        Assert.Equal(200, await IconStatusAsync(patient));

        lock (errors)
        {
            Assert.True(errors.Count == 0, "Console errors:\n" + string.Join("\n", errors));
        }

        Assert.Equal(404, await page.EvaluateAsync<int>("() => fetch('/favicon.ico').then(r => r.status)"));   // what a browser asks for without a link
    }

    private static void Watch(IPage page, List<string> errors) =>
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

    /// <summary>Headless Chromium shows no icon, so the page fetches the one its <c>link rel=icon</c> names.</summary>
    private static Task<int> IconStatusAsync(IPage page) =>
        page.EvaluateAsync<int>("() => fetch(document.querySelector('link[rel=icon]').href).then(r => r.status)");
}
