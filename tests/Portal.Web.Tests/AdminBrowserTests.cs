using System.Net.Http.Json;
using Microsoft.Playwright;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Portal.Web.Tests;

/// <summary>
/// The admin app end to end in Chromium, against the real Host on a fresh database, at 1280 px and on a 375 px phone
/// (no sideways scroll); each step checked in the page and in the API: the patients list and a patient's tabs here, the
/// work pages (settings, approvals, notifications, invitations, staff, security log) in <see cref="AdminWorkBrowserTests"/>.
/// </summary>
public sealed class AdminBrowserTests(ITestOutputHelper output)
{
    [BrowserFact]
    public Task A_practitioner_adds_a_patient_and_works_on_a_record_at_desktop_width() => WorkOnARecordAsync(1280, 900, "");

    [BrowserFact]
    public Task A_practitioner_adds_a_patient_and_works_on_a_record_on_a_phone() => WorkOnARecordAsync(375, 812, "-375");

    private async Task WorkOnARecordAsync(int width, int height, string suffix)
    {
        await using var browser = await BrowserSession.StartAsync(width, height);
        var page = browser.Page;
        using var api = await browser.App.SignedInClientAsync(DemoData.HarbourAdminEmail);

        await browser.OpenSignInAsync(output);
        await browser.ScreenshotAsync("admin-sign-in" + suffix);
        await page.FillAsync("#email", DemoData.HarbourAdminEmail);
        await page.FillAsync("#password", "wrong password!!");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator(".problem")).ToContainTextAsync("Not signed in.");
        await browser.SignInAsync(DemoData.HarbourAdminEmail, DemoData.Password);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Patients");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("Nguyen, Ava");
        await NoSidewaysScrollAsync(page);
        await browser.ScreenshotAsync("admin-patients" + suffix);

        // Add a patient: the fields are checked first, then the new patient's page opens.
        await page.ClickAsync("a:has-text('Add patient')");
        await Assertions.Expect(page.Locator("#newPatientHeading")).ToHaveTextAsync("New patient");
        await page.ClickAsync("form button:has-text('Add patient')");
        await Assertions.Expect(page.Locator("#error-givenName")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#givenName")).ToHaveAttributeAsync("aria-invalid", "true");
        await NoSidewaysScrollAsync(page);
        await browser.ScreenshotAsync("admin-add-patient" + suffix);
        await page.FillAsync("#givenName", "Noor");
        await page.FillAsync("#familyName", "Haddad");
        await page.FillAsync("#dateOfBirth", "1979-08-30");
        await page.ClickAsync("form button:has-text('Add patient')");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Noor Haddad");
        var found = await api.GetFromJsonAsync<Page<object>>("/api/practice/patients?search=Haddad", PortalClients.Json);
        Assert.Equal(1, found!.Total);

        // Ava's health record: a row added on the server, then saved.
        await page.ClickAsync("nav >> text=Patients");
        await page.ClickAsync("text=Nguyen, Ava");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Ava Nguyen");
        await OpenTabAsync(page, "Health record");
        var allergies = page.Locator("input[id^=allergy]");
        var before = await allergies.CountAsync();
        await page.ClickAsync("button:has-text('Add allergy')");
        await Assertions.Expect(allergies).ToHaveCountAsync(before + 1);   // the server answered with the form and a new row
        await allergies.Last.FillAsync("Latex");
        await page.ClickAsync("button:has-text('Save health record')");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Saved.");
        await NoSidewaysScrollAsync(page);
        await browser.ScreenshotAsync("admin-patient-health-record" + suffix);

        // Invite Ava from her page: the header follows at once.
        await OpenTabAsync(page, "Portal access");
        await page.ClickAsync("button:has-text('Send invitation')");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Invitation sent to ava@example.test");
        await Assertions.Expect(page.Locator(".invitations")).ToContainTextAsync("Waiting");
        await Assertions.Expect(page.Locator("h1 .status")).ToHaveTextAsync("Invited");
        await NoSidewaysScrollAsync(page);
        await browser.ScreenshotAsync("admin-patient-invited" + suffix);
        var invitations = await api.GetFromJsonAsync<Page<object>>($"/api/practice/invitations?status=pending&patientId={DemoPatients.AvaNguyenId}", PortalClients.Json);
        Assert.Equal(1, invitations!.Total);

        // A note, amended: both kept, in order.
        await OpenTabAsync(page, "Notes");
        await Assertions.Expect(page.Locator("h1 .status")).ToHaveTextAsync("Invited");   // on every tab, before the record's own status follows
        await page.FillAsync("#noteBody", "Asthma review: peak flow normal.");
        await page.ClickAsync("button:has-text('Save note')");
        var note = page.Locator("article.note", new() { HasText = "Asthma review" });
        await Assertions.Expect(note).ToBeVisibleAsync();
        await note.Locator("a:has-text('Amend')").ClickAsync();
        await page.FillAsync("article.note textarea", "Correction: peak flow slightly low; review in 4 weeks.");
        await page.ClickAsync("button:has-text('Save amendment')");
        await Assertions.Expect(note.Locator(".amendment")).ToContainTextAsync("Correction");
        await Assertions.Expect(note).ToContainTextAsync("Asthma review: peak flow normal.");
        await NoSidewaysScrollAsync(page);
        await browser.ScreenshotAsync("admin-patient-notes" + suffix);
        var notes = await api.GetFromJsonAsync<Page<AmendedNote>>($"/api/practice/patients/{DemoPatients.AvaNguyenId}/notes", PortalClients.Json);
        Assert.Single(notes!.Items.Single(n => n.Body.StartsWith("Asthma review", StringComparison.Ordinal)).Amendments);

        // The health record change is in the history; restoring (after confirming) takes the allergy out again.
        await OpenTabAsync(page, "History");
        await Assertions.Expect(page.Locator("ol.history > li").First).ToContainTextAsync("Latex");
        await NoSidewaysScrollAsync(page);
        await browser.ScreenshotAsync("admin-patient-history" + suffix);
        await page.Locator("ol.history > li").First.Locator("a:has-text('Restore what was there before')").ClickAsync();
        await page.ClickAsync("button:has-text('Yes, restore')");
        await Assertions.Expect(page.Locator("main .notice")).ToContainTextAsync("Restored:");
        var record = await api.GetFromJsonAsync<AllergyNames>($"/api/practice/patients/{DemoPatients.AvaNguyenId}/health-record", PortalClients.Json);
        Assert.DoesNotContain(record!.Allergies, a => a.Substance == "Latex");

        await OpenTabAsync(page, "Access log");
        await Assertions.Expect(page.Locator("table")).ToBeVisibleAsync();
        await NoSidewaysScrollAsync(page);
        await browser.ScreenshotAsync("admin-patient-access-log" + suffix);
    }

    [BrowserFact]
    public async Task The_patient_list_is_usable_at_tablet_width()
    {
        await using var browser = await BrowserSession.StartAsync(width: 768, height: 1024);
        await browser.OpenSignInAsync(output);
        await browser.SignInAsync(DemoData.DrLeeEmail, DemoData.Password);

        await browser.Page.FillAsync("#search", "ngu");
        await browser.Page.ClickAsync("button:has-text('Search')");
        await Assertions.Expect(browser.Page.Locator("tbody tr")).ToHaveCountAsync(1);
        await NoSidewaysScrollAsync(browser.Page);
        await browser.ScreenshotAsync("admin-patients-768");
    }

    /// <summary>Follows a tab's link and waits for the page that marks it current (enhanced navigation patches the page in place).</summary>
    private static async Task OpenTabAsync(IPage page, string tab)
    {
        await page.ClickAsync($".tabs a:has-text('{tab}')");
        await Assertions.Expect(page.Locator(".tabs a[aria-current=page]")).ToHaveTextAsync(tab);
    }

    private static async Task NoSidewaysScrollAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"{page.Url} scrolls sideways at {page.ViewportSize?.Width} px");

    private sealed record AmendedNote(string Body, List<object> Amendments);

    private sealed record AllergyNames(List<AllergyName> Allergies);

    private sealed record AllergyName(string Substance);
}
