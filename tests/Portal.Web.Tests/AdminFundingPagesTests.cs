using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Web.Tests;

/// <summary>
/// The practice's screens for a patient's funding details (issue 17) at /admin over HTTP against the real Host: the
/// patient page's Funding tab (in words, edited one scheme at a time with the version read), the approvals queue with
/// a patient's funding change, and the "always needs approval" list in the settings. The demo practice is only read; a
/// test that changes something has a practice of its own.
/// </summary>
public sealed class AdminFundingPagesTests(PortalApp app) : IClassFixture<PortalApp>
{
    private const string ValidMedicare = "2123456701";
    private const string ValidIhi = "8003608166690503";

    /// <summary>A month the card is still valid to, as the API takes it (2027-03) and as the card prints it (03/2027).</summary>
    private DateOnly FutureMonth => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddYears(2);

    private static string Iso(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string Card(DateOnly month) => month.ToString("MM/yyyy", CultureInfo.InvariantCulture);

    private static string Tab(Guid patientId, string extra = "") => $"/admin/patients/{patientId}?tab=funding{extra}";

    [Fact]
    public async Task The_tab_shows_the_funding_in_words_with_the_medicare_expiry_badge()
    {
        using var browser = new PageClient(app);
        await browser.SignInAsync(DemoData.HarbourAdminEmail, DemoData.Password, Tab(DemoPatients.AvaNguyenId));

        Assert.Equal(HttpStatusCode.OK, browser.Status);
        Assert.Equal("page", browser.Page.QuerySelector("nav.tabs a[href$='tab=funding']")!.GetAttribute("aria-current"));
        Assert.Equal("Funding details", browser.Page.QuerySelector("nav.tabs a[href$='tab=funding']")!.TextContent.Trim());
        var medicare = Section(browser, "medicare");
        Assert.Contains("2123 45670 1", medicare, StringComparison.Ordinal);
        Assert.Equal("Medicare card expires soon", browser.Text("#medicare-expiry"));
        var privateHealth = Section(browser, "privateHealth");
        Assert.Contains("Bupa", privateHealth, StringComparison.Ordinal);
        Assert.DoesNotContain("bupa", privateHealth, StringComparison.Ordinal);   // the fund by its name, not its code
        Assert.Contains("12345678", privateHealth, StringComparison.Ordinal);
        Assert.Contains("None recorded.", Section(browser, "ndis"), StringComparison.Ordinal);
        Assert.Equal($"/admin/patients/{DemoPatients.AvaNguyenId}?tab=funding&edit=medicare#funding-medicare",
            browser.Page.QuerySelector("#funding-medicare")!.ParentElement!.ParentElement!.QuerySelector("p.edit a")!.GetAttribute("href"));

        await browser.OpenAsync(Tab(DemoPatients.NoahSmithId));
        Assert.Contains("NX123456", Section(browser, "dva"), StringComparison.Ordinal);
        Assert.Contains("Gold card", Section(browser, "dva"), StringComparison.Ordinal);
        Assert.Contains("8003 6081 6669 0503", Section(browser, "ihi"), StringComparison.Ordinal);
        Assert.Null(browser.Page.QuerySelector("#medicare-expiry"));
    }

    [Fact]
    public async Task A_scheme_is_edited_saved_with_a_redirect_and_removed_after_confirming()
    {
        var practice = await app.NewPracticeAsync();
        var patient = await practice.AddPatientAsync();
        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.AdminEmail, TestPractice.Password, Tab(patient.Id, "&edit=medicare"));

        await browser.SubmitAsync("funding", new Dictionary<string, string>
        {
            ["Form.MedicareNumber"] = "2123 45670 1", ["Form.Irn"] = "1", ["Form.ValidTo"] = Card(FutureMonth),
        }, ("Form.Command", "save"));

        Assert.Equal(Tab(patient.Id, "&done=medicare-saved"), browser.Path);   // the post redirected: a reload sends nothing
        Assert.Equal("Medicare card saved.", browser.Text("[role=status]"));
        Assert.Contains($"valid to", Section(browser, "medicare"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Card(FutureMonth), Section(browser, "medicare"), StringComparison.Ordinal);
        var saved = await FundingAsync(practice, patient.Id);
        Assert.Equal(ValidMedicare, saved.GetProperty("medicare").GetProperty("number").GetString());
        Assert.Equal(Iso(FutureMonth), saved.GetProperty("medicare").GetProperty("validTo").GetString());

        await browser.OpenAsync(Tab(patient.Id, "&edit=ndis"));
        await browser.SubmitAsync("funding", new Dictionary<string, string>
        {
            ["Form.NdisNumber"] = "430123456", ["Form.PlanManagement"] = "plan", ["Form.ManagerName"] = "Plan Partners",
            ["Form.ManagerEmail"] = "invoices@planpartners.test", ["Form.PlanStart"] = "2026-07-01", ["Form.PlanEnd"] = "2027-06-30",
        }, ("Form.Command", "save"));
        var ndis = Section(browser, "ndis");
        Assert.Contains("Plan-managed (by a plan manager)", ndis, StringComparison.Ordinal);
        Assert.Contains("1 Jul 2026 to 30 Jun 2027", ndis, StringComparison.Ordinal);
        Assert.Contains("invoices@planpartners.test", ndis, StringComparison.Ordinal);

        // The record's history says the funding changes in the same words, and filters them.
        await browser.OpenAsync($"/admin/patients/{patient.Id}?tab=history&subject=funding");
        Assert.Equal("page", browser.Page.QuerySelectorAll("a[aria-current=page]").Single(a => a.GetAttribute("href")!.EndsWith("subject=funding", StringComparison.Ordinal))
            .GetAttribute("aria-current"));
        Assert.Contains($"2123 45670 1, ref 1, valid to {Card(FutureMonth)}", browser.Html, StringComparison.Ordinal);
        Assert.Contains("430123456, plan-managed", browser.Html, StringComparison.Ordinal);

        await browser.OpenAsync(Tab(patient.Id, "&edit=medicare"));
        await browser.SubmitAsync("funding", button: ("Form.Command", "remove"));
        Assert.Contains("Remove the Medicare card from this patient's record?", browser.Text(".confirm"), StringComparison.Ordinal);
        Assert.True((await FundingAsync(practice, patient.Id)).TryGetProperty("medicare", out _));   // not yet

        await browser.SubmitAsync("funding", button: ("Form.Command", "remove-confirmed"));
        Assert.Equal("Medicare card removed.", browser.Text("[role=status]"));
        Assert.Contains("None recorded.", Section(browser, "medicare"), StringComparison.Ordinal);
        Assert.False((await FundingAsync(practice, patient.Id)).TryGetProperty("medicare", out var gone) && gone.ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public async Task An_invalid_number_shows_the_servers_message_at_its_field_and_saves_nothing()
    {
        var practice = await app.NewPracticeAsync();
        var patient = await practice.AddPatientAsync();
        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.AdminEmail, TestPractice.Password, Tab(patient.Id, "&edit=medicare"));

        await browser.SubmitAsync("funding", new Dictionary<string, string>
        {
            ["Form.MedicareNumber"] = "2123456711", ["Form.Irn"] = "1", ["Form.ValidTo"] = Card(FutureMonth),
        }, ("Form.Command", "save"));

        Assert.StartsWith("A Medicare card number is the 10 digits on the card", browser.Text("#error-medicare-number"), StringComparison.Ordinal);
        var input = browser.Page.QuerySelector("#medicare-number")!;
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Contains("error-medicare-number", input.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal("2123456711", input.GetAttribute("value"));   // what was typed stays
        Assert.False((await FundingAsync(practice, patient.Id)).TryGetProperty("medicare", out var medicare) && medicare.ValueKind != JsonValueKind.Null);

        await browser.OpenAsync(Tab(patient.Id, "&edit=ihi"));
        await browser.SubmitAsync("funding", new Dictionary<string, string> { ["Form.Ihi"] = "8003608166690504" }, ("Form.Command", "save"));
        Assert.StartsWith("An Individual Healthcare Identifier is 16 digits", browser.Text("#error-ihi"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_save_over_someone_elses_change_saves_nothing_and_shows_the_current_details()
    {
        var practice = await app.NewPracticeAsync();
        var patient = await practice.AddPatientAsync();
        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.AdminEmail, TestPractice.Password, Tab(patient.Id, "&edit=medicare"));

        using (var other = await practice.SignedInAdminAsync())   // someone else, meanwhile
        {
            using var put = await other.PutAsJsonAsync($"/api/practice/patients/{patient.Id}/funding", new { ihi = ValidIhi });
            Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        }

        await browser.SubmitAsync("funding", new Dictionary<string, string>
        {
            ["Form.MedicareNumber"] = ValidMedicare, ["Form.Irn"] = "2", ["Form.ValidTo"] = Card(FutureMonth),
        }, ("Form.Command", "save"));

        Assert.Contains("Someone else changed this patient's funding details", browser.Text(".problem"), StringComparison.Ordinal);
        Assert.Contains("8003 6081 6669 0503", Section(browser, "ihi"), StringComparison.Ordinal);   // theirs, shown
        var funding = await FundingAsync(practice, patient.Id);
        Assert.False(funding.TryGetProperty("medicare", out var medicare) && medicare.ValueKind != JsonValueKind.Null);
        Assert.Equal(funding.GetProperty("version").GetInt32().ToString(CultureInfo.InvariantCulture),
            browser.Page.QuerySelector("input[name='Form.Version']")!.GetAttribute("value"));   // a second save goes on their version
    }

    [Fact]
    public async Task Another_practices_patient_is_not_found()
    {
        var practice = await app.NewPracticeAsync();
        var theirs = await (await app.NewPracticeAsync()).AddPatientAsync();
        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.AdminEmail, TestPractice.Password, Tab(theirs.Id));

        Assert.Contains("This patient could not be loaded.", browser.Text(".problem"), StringComparison.Ordinal);
        Assert.Null(browser.Page.QuerySelector("section.scheme"));
    }

    [Fact]
    public async Task The_approvals_queue_shows_a_funding_change_in_words_and_approves_it()
    {
        var practice = await app.NewPracticeAsync();
        var patient = await practice.AddPatientAsync();
        using (var ava = await practice.SignedInPatientAsync(patient))
        {
            using var asked = await ava.PutAsJsonAsync("/api/portal/funding/medicare", new { number = ValidMedicare, irn = 1, validTo = Iso(FutureMonth) });
            Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
            using var cover = await ava.PutAsJsonAsync("/api/portal/funding/privateHealth", new { fund = "bupa", membershipNumber = "12345678" });
            Assert.True(cover.IsSuccessStatusCode, await cover.Content.ReadAsStringAsync());
        }

        // The practitioners are told which details wait, never the numbers (those are only on the patient's own screens).
        await app.RunMessagingAsync();
        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.AdminEmail, TestPractice.Password, "/admin/notifications");
        Assert.Contains("Medicare card", browser.Text("ul.notifications"), StringComparison.Ordinal);
        Assert.DoesNotContain("12345678", browser.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("45670", browser.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(ValidMedicare, browser.Html, StringComparison.Ordinal);

        await browser.OpenAsync("/admin/approvals");
        Assert.Contains("funding details", browser.Text("article h2"), StringComparison.Ordinal);
        var rows = browser.Page.QuerySelectorAll("table.diff tbody tr");
        var medicare = rows.Single(r => r.QuerySelector("th")!.TextContent.Contains("Medicare card", StringComparison.Ordinal));
        Assert.Equal("none", medicare.QuerySelector("td.from")!.TextContent.Trim());
        Assert.Equal($"2123 45670 1, ref 1, valid to {Card(FutureMonth)}", medicare.QuerySelector("td.to")!.TextContent.Trim());
        Assert.DoesNotContain("{", browser.Text("table.diff"), StringComparison.Ordinal);
        var cover2 = rows.Single(r => r.QuerySelector("th")!.TextContent.Contains("rivate health", StringComparison.Ordinal));
        Assert.Equal("Bupa, membership 12345678", cover2.QuerySelector("td.to")!.TextContent.Trim());

        var pending = await PendingAsync(practice);
        await browser.SubmitAsync($"approve-{pending.GetProperty("id").GetGuid()}", button: ("Decision.Force", "false"));

        Assert.Contains("Approved: Ava Nguyen's", browser.Text("[role=status]"), StringComparison.Ordinal);
        var funding = await FundingAsync(practice, patient.Id);
        Assert.Equal(ValidMedicare, funding.GetProperty("medicare").GetProperty("number").GetString());
    }

    [Fact]
    public async Task The_settings_put_medicare_on_the_always_approve_list_under_funding_details()
    {
        var practice = await app.NewPracticeAsync();
        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.AdminEmail, TestPractice.Password, "/admin/settings");

        var group = browser.Page.QuerySelector("fieldset.always-approve fieldset.funding")!;
        Assert.Equal("Funding details", group.QuerySelector("legend")!.TextContent.Trim());
        Assert.Equal(["Medicare card", "Private health insurance", "NDIS plan", "DVA card", "Individual Healthcare Identifier (IHI)"],
            group.QuerySelectorAll("label").Select(l => l.TextContent.Trim()));
        Assert.False(browser.Page.QuerySelector("#approve-medicare")!.HasAttribute("checked"));

        await browser.SubmitAsync("settings", new Dictionary<string, string> { ["Input.AlwaysApprove[medicare]"] = "true" });

        Assert.Equal("Saved. The settings apply to every practitioner now.", browser.Text("[role=status]"));
        Assert.True(browser.Page.QuerySelector("#approve-medicare")!.HasAttribute("checked"));
        using var admin = await practice.SignedInAdminAsync();
        var settings = await admin.GetFromJsonAsync<JsonElement>("/api/practice/settings/portal", PortalClients.Json);
        Assert.Contains("medicare", settings.GetProperty("alwaysApproveFields").EnumerateArray().Select(f => f.GetString()));
    }

    /// <summary>The text of one scheme's card on the tab.</summary>
    private static string Section(PageClient browser, string scheme) =>
        browser.Page.QuerySelector($"section[aria-labelledby='funding-{scheme}']")?.TextContent
        ?? throw new InvalidOperationException($"No {scheme} on {browser.Path}: {browser.Html}");

    private static async Task<JsonElement> FundingAsync(TestPractice practice, Guid patientId)
    {
        using var admin = await practice.SignedInAdminAsync();
        return await admin.GetFromJsonAsync<JsonElement>($"/api/practice/patients/{patientId}/funding", PortalClients.Json);
    }

    private static async Task<JsonElement> PendingAsync(TestPractice practice)
    {
        using var admin = await practice.SignedInAdminAsync();
        var pending = await admin.GetFromJsonAsync<JsonElement>("/api/practice/change-requests?status=pending", PortalClients.Json);
        return pending.GetProperty("items")[0];
    }
}
