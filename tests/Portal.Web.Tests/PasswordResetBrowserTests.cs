using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Web.Tests;

/// <summary>Forgot your password, end to end in Chromium at 375 px: from the sign-in page to signing in with the new password.</summary>
public sealed partial class PasswordResetBrowserTests
{
    private const string NewPassword = "a brand new harbour passphrase";

    [BrowserFact]
    public async Task A_patient_who_forgot_their_password_gets_a_link_chooses_a_new_one_and_signs_in()
    {
        await using var browser = await BrowserSession.StartAsync(width: 375, height: 812);
        var page = browser.Page;
        await browser.App.LinkPatientRecordAsync("ava@example.test", "Ava's own long passphrase", DemoPatients.AvaNguyenId, DemoData.HarbourHealthId);

        await browser.OpenAsync("/");
        await page.ClickAsync("text=Forgot your password?");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Forgot your password?");
        await page.FillAsync("#email", "ava@example.test");
        await page.ClickAsync("button:has-text('Email me a link')");
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("If a portal account uses ava@example.test");
        await browser.ScreenshotAsync("patient-forgot-password-375");

        var link = await ResetLinkAsync(browser.App, "ava@example.test");
        Assert.StartsWith("/reset-password/", link, StringComparison.Ordinal);
        await browser.OpenAsync(link);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Choose a new password");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("ava@example.test");
        await page.FillAsync("#newPassword", "password1234");
        await page.FillAsync("#confirmPassword", "password1234");
        await page.ClickAsync("button:has-text('Save my new password')");   // server-rendered: the hint comes with the answer
        await Assertions.Expect(page.Locator("#strength")).ToContainTextAsync("one of the most commonly used passwords");
        await page.FillAsync("#newPassword", NewPassword);
        await page.FillAsync("#confirmPassword", NewPassword);
        await browser.ScreenshotAsync("patient-reset-password-375");
        await page.ClickAsync("button:has-text('Save my new password')");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your password is changed");

        await page.ClickAsync("text=Sign in with your new password");
        await browser.SignInAsync("ava@example.test", NewPassword);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Hello Ava");

        await browser.OpenAsync(link);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("This link has already been used");
        await Assertions.Expect(page.Locator("a:has-text('Ask for a new link')")).ToHaveAttributeAsync("href", "forgot-password");
    }

    [BrowserFact]
    public async Task A_practitioner_resets_in_the_admin_app()
    {
        await using var browser = await BrowserSession.StartAsync(width: 375, height: 812);
        var page = browser.Page;

        await browser.OpenAsync("/admin/");
        await page.ClickAsync("text=Forgot your password?");
        await Assertions.Expect(page).ToHaveURLAsync(browser.BaseUrl + "/admin/forgot-password");
        await page.FillAsync("#email", DemoData.DrLeeEmail);
        await page.ClickAsync("button:has-text('Email me a link')");
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync(DemoData.DrLeeEmail);

        var link = await ResetLinkAsync(browser.App, DemoData.DrLeeEmail);
        Assert.StartsWith("/admin/reset-password/", link, StringComparison.Ordinal);
        await browser.OpenAsync(link);
        await page.FillAsync("#newPassword", NewPassword);
        await page.FillAsync("#confirmPassword", NewPassword);
        await page.ClickAsync("button:has-text('Save my new password')");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your password is changed");
        await browser.ScreenshotAsync("admin-reset-password-done-375");

        await page.ClickAsync("text=Sign in with your new password");
        await browser.SignInAsync(DemoData.DrLeeEmail, NewPassword);
    }

    /// <summary>Relays the request and the email, then reads the link's path from the development mailbox.</summary>
    private static async Task<string> ResetLinkAsync(PortalApp app, string email)
    {
        await app.RunJobAsync(Jobs.OutboxRelay);
        await app.RunMessagingAsync();
        using var client = app.CreateClient();
        var mailbox = await client.GetFromJsonAsync<List<MailboxEmail>>($"/api/dev/mailbox?to={Uri.EscapeDataString(email)}", PortalClients.Json);
        var body = mailbox!.First(m => m.Subject == "Reset your portal password").Body;
        var match = ResetPath().Match(body);
        Assert.True(match.Success, "the email has no reset link");
        return match.Value;
    }

    [GeneratedRegex(@"(?:/admin)?/reset-password/[A-Za-z0-9_-]+")]
    private static partial Regex ResetPath();
}
