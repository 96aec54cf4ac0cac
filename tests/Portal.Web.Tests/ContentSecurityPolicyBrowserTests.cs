using Microsoft.Playwright;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Web.Tests;

/// <summary>Both apps start and work in Chromium under the Host's Content-Security-Policy, and the browser reports no violation.</summary>
public sealed class ContentSecurityPolicyBrowserTests
{
    private const string AvaPassword = "Ava's own long passphrase";

    [BrowserFact]
    public async Task Both_apps_start_and_their_pages_render_without_a_single_policy_violation()
    {
        await using var browser = await BrowserSession.StartAsync();
        var violations = new List<string>();
        var page = browser.Page;
        await WatchAsync(page, violations);

        // The admin app (server-rendered: no WebAssembly, so no 'wasm-unsafe-eval'): sign-in, its pages, forms and tables.
        var adminPage = await page.GotoAsync(browser.BaseUrl + "/admin/");
        Assert.DoesNotContain("'wasm-unsafe-eval'", await adminPage!.HeaderValueAsync("content-security-policy"), StringComparison.Ordinal);
        await page.Locator("#email").WaitForAsync();
        await browser.SignInAsync(DemoData.HarbourAdminEmail, DemoData.Password);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Patients");
        await page.ClickAsync("text=Nguyen, Ava");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Ava Nguyen");
        await page.ClickAsync("nav >> text=Approvals");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("waiting for approval");
        await page.ClickAsync("nav >> text=Portal settings");
        await Assertions.Expect(page.Locator("#updates-requireApproval")).ToBeCheckedAsync();
        await page.ClickAsync("nav >> text=Notifications");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Notifications");
        await page.ClickAsync("nav >> text=Invitations");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Invitations");
        await page.ClickAsync("nav >> text=Staff");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Staff");
        await page.ClickAsync("nav >> text=Security log");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Security log");
        await page.ClickAsync("nav >> text=My account");
        await page.FillAsync("#twoFactorPassword", DemoData.Password);
        await page.ClickAsync("button:has-text('Set up two-factor sign-in')");
        await Assertions.Expect(page.Locator(".qr svg")).ToBeVisibleAsync();   // the inline QR code under the policy

        // The patients' app, in a browser profile of its own: its start, sign-in, home, forms and the account page.
        await browser.App.LinkPatientRecordAsync("ava@example.test", AvaPassword, DemoPatients.AvaNguyenId, DemoData.HarbourHealthId);
        await using var patientContext = await page.Context.Browser!.NewContextAsync();
        var patient = await patientContext.NewPageAsync();
        await WatchAsync(patient, violations);
        await patient.GotoAsync(browser.BaseUrl + "/");
        await patient.FillAsync("#email", "ava@example.test");
        await patient.FillAsync("#password", AvaPassword);
        await patient.ClickAsync("button[type=submit]");
        await Assertions.Expect(patient.Locator("h1")).ToHaveTextAsync("Hello Ava");
        await patient.ClickAsync("nav >> text=Health record");
        await Assertions.Expect(patient.Locator("#allergy0")).ToHaveValueAsync("Penicillin");
        await patient.ClickAsync("nav >> text=My details");
        await Assertions.Expect(patient.Locator("#givenName")).ToBeVisibleAsync();
        await patient.ClickAsync("nav >> text=Account access");
        await Assertions.Expect(patient.Locator("h1")).ToBeVisibleAsync();

        lock (violations)
        {
            Assert.True(violations.Count == 0, "Content-Security-Policy violations:\n" + string.Join("\n", violations));
        }
    }

    /// <summary>Collects what Chromium reports: the page's violation events and its console's policy errors.</summary>
    private static async Task WatchAsync(IPage page, List<string> violations)
    {
        void Add(string violation)
        {
            lock (violations)
            {
                violations.Add(violation);
            }
        }

        await page.ExposeFunctionAsync("reportPolicyViolation", (string violation) => Add(violation));
        await page.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => window.reportPolicyViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));");
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                Add(message.Text);
            }
        };
    }
}
