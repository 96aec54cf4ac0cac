using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Testing;
using Xunit;

namespace Portal.Web.Tests;

/// <summary>
/// The patients' funding pages over HTTP against the real Host (in memory, fresh database): each scheme shown or "Not
/// given", a scheme given under auto update and under approval (what waits shown, withdrawn), the API's refusal at its
/// field with nothing saved, removing a scheme, the Medicare expiry notice on the home page, and one patient's funding
/// never on another's pages. Each test has a practice and patients of its own.
/// </summary>
public sealed class PatientFundingPagesTests(PortalApp app) : IClassFixture<PortalApp>
{
    private const string MedicareNumber = "2123456701";
    private const string Ihi = "8003608166690503";

    private async Task<(TestPractice Practice, TestPatient Patient, PageClient Browser)> SignedInAsync(string path, string? policy = null)
    {
        var practice = await app.NewPracticeAsync();
        if (policy is not null)
        {
            await practice.PutPortalSettingsAsync(policy);
        }

        var patient = await practice.AddPatientAsync();
        await app.LinkPatientRecordAsync(patient.Email, TestPractice.Password, patient.Id, practice.Id);
        var browser = new PageClient(app);
        await browser.SignInAsync(patient.Email, TestPractice.Password, path);
        return (practice, patient, browser);
    }

    /// <summary>A valid-to month a year ahead of the app's clock, as the card prints it (01/2027) and as the API keeps it.</summary>
    private (string Card, string Api) NextYear()
    {
        var month = app.Clock.GetUtcNow().AddYears(1);
        return (month.ToString("MM/yyyy", CultureInfo.InvariantCulture), month.ToString("yyyy-MM", CultureInfo.InvariantCulture));
    }

    private static async Task<JsonElement> FundingOfAsync(TestPractice practice, Guid patientId)
    {
        using var admin = await practice.SignedInAdminAsync();
        return await admin.GetFromJsonAsync<JsonElement>($"/api/practice/patients/{patientId}/funding", PortalClients.Json);
    }

    private static async Task PutFundingAsync(TestPractice practice, Guid patientId, object funding)
    {
        using var admin = await practice.SignedInAdminAsync();
        using var response = await admin.PutAsJsonAsync($"/api/practice/patients/{patientId}/funding", funding, PortalClients.Json);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_page_shows_each_scheme_and_a_medicare_card_given_under_auto_update_is_saved_and_shown()
    {
        var (practice, patient, browser) = await SignedInAsync("/funding", "autoUpdate");
        using var _ = browser;

        Assert.Equal(HttpStatusCode.OK, browser.Status);
        Assert.Equal("Funding details", browser.Text("h1"));
        Assert.Equal(["Medicare card", "Private health insurance", "NDIS plan", "DVA card", "Individual Healthcare Identifier (IHI)"],
            browser.Page.QuerySelectorAll("section.scheme h2").Select(h => h.TextContent.Trim()));
        Assert.Equal(5, browser.Page.QuerySelectorAll("section.scheme .muted").Count(p => p.TextContent.Trim() == "Not given"));
        Assert.NotNull(browser.Page.QuerySelector("nav[aria-label=Main] a[href=funding]"));
        Assert.Equal("funding/medicare", browser.Page.QuerySelector("#medicare a")!.GetAttribute("href"));

        // The card the practice has is replaced. (Given for the first time it is not saved: see the skipped test below.)
        var (card, month) = NextYear();
        await PutFundingAsync(practice, patient.Id, new { medicare = new { number = "2428778132", irn = 2, validTo = month } });
        await browser.OpenAsync("/funding/medicare");
        Assert.Contains("straight away", browser.Text(".notice"), StringComparison.Ordinal);
        Assert.Contains("left of your name", browser.Text("main form"), StringComparison.Ordinal);
        Assert.Equal("2428778132", browser.Page.QuerySelector("#number")!.GetAttribute("value"));
        Assert.Equal(card, browser.Page.QuerySelector("#validTo")!.GetAttribute("value"));
        await browser.SubmitAsync("funding-scheme", new Dictionary<string, string>
        {
            ["Input.Form.Number"] = "2123 45670 1", ["Input.Form.Irn"] = "1", ["Input.Form.ValidTo"] = card,
        });

        // Redirected to the funding page, which says what happened: reloading it sends nothing again.
        Assert.StartsWith("/funding?", browser.Path, StringComparison.Ordinal);
        Assert.Contains("Saved.", browser.Text("[role=status]"), StringComparison.Ordinal);
        Assert.Contains("2123 45670 1", browser.Text("#medicare"), StringComparison.Ordinal);
        var medicare = (await FundingOfAsync(practice, patient.Id)).GetProperty("medicare");
        Assert.Equal(MedicareNumber, medicare.GetProperty("number").GetString());
        Assert.Equal(1, medicare.GetProperty("irn").GetInt32());
        Assert.Equal(month, medicare.GetProperty("validTo").GetString());

        // The form starts from the card given; sending it unchanged sends nothing.
        await browser.OpenAsync("/funding/medicare");
        Assert.Equal(MedicareNumber, browser.Page.QuerySelector("#number")!.GetAttribute("value"));
        Assert.Equal(card, browser.Page.QuerySelector("#validTo")!.GetAttribute("value"));
        await browser.SubmitAsync("funding-scheme");
        Assert.Contains("Nothing changed", browser.Text("[role=status]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Under_require_approval_a_change_waits_the_page_shows_what_waits_and_it_can_be_withdrawn()
    {
        var (practice, patient, browser) = await SignedInAsync("/funding/dva");
        using var _ = browser;
        Assert.Contains($"sent to {practice.Name} for approval", browser.Text(".notice"), StringComparison.Ordinal);
        Assert.Equal("Send to my practice", browser.Text("form button.primary"));

        await browser.SubmitAsync("funding-scheme", new Dictionary<string, string>
        {
            ["Input.Form.FileNumber"] = "NX123456", ["Input.Form.CardColour"] = "gold",
        });

        Assert.StartsWith("/funding?", browser.Path, StringComparison.Ordinal);
        Assert.Contains($"Sent to {practice.Name} for approval", browser.Text("[role=status]"), StringComparison.Ordinal);
        Assert.Contains("NX123456", browser.Text("#dva .waiting"), StringComparison.Ordinal);
        Assert.Contains("Gold card", browser.Text("#dva .waiting"), StringComparison.Ordinal);
        Assert.Contains("Not given", browser.Text("#dva"), StringComparison.Ordinal);   // not the practice's yet
        Assert.False((await FundingOfAsync(practice, patient.Id)).TryGetProperty("dva", out var dva) && dva.ValueKind == JsonValueKind.Object);
        using (var admin = await practice.SignedInAdminAsync())
        {
            var pending = await admin.GetFromJsonAsync<JsonElement>("/api/practice/change-requests?status=pending", PortalClients.Json);
            var request = Assert.Single(pending.GetProperty("items").EnumerateArray());
            Assert.Equal("dva", Assert.Single(request.GetProperty("changes").EnumerateArray()).GetProperty("field").GetString());
        }

        // The scheme's form starts from what waits.
        await browser.OpenAsync("/funding/dva");
        Assert.Equal("NX123456", browser.Page.QuerySelector("#fileNumber")!.GetAttribute("value"));
        Assert.True(browser.Page.QuerySelector("#colour-gold")!.HasAttribute("checked"));

        await browser.OpenAsync("/funding");
        await browser.SubmitAsync("withdraw-funding");
        Assert.Contains("Your request is withdrawn", browser.Text("[role=status]"), StringComparison.Ordinal);
        Assert.Null(browser.Page.QuerySelector("#dva .waiting"));
        Assert.Null(browser.Page.QuerySelector("form input[name=_handler][value=withdraw-funding]"));
    }

    [Fact]
    public async Task An_invalid_medicare_number_is_said_at_its_field_keeps_what_was_typed_and_saves_nothing()
    {
        var (practice, patient, browser) = await SignedInAsync("/funding/medicare", "autoUpdate");
        using var _ = browser;

        await browser.SubmitAsync("funding-scheme", new Dictionary<string, string>
        {
            ["Input.Form.Number"] = "2123456711", ["Input.Form.Irn"] = "1", ["Input.Form.ValidTo"] = NextYear().Card,
        });

        Assert.Equal("/funding/medicare", browser.Path);
        Assert.Contains("these do not add up", browser.Text("#error-medicare-number"), StringComparison.Ordinal);
        Assert.Equal("true", browser.Page.QuerySelector("#number")!.GetAttribute("aria-invalid"));
        Assert.Contains("error-medicare-number", browser.Page.QuerySelector("#number")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal("2123456711", browser.Page.QuerySelector("#number")!.GetAttribute("value"));
        Assert.Contains("Not sent.", browser.Text(".problem"), StringComparison.Ordinal);
        Assert.False((await FundingOfAsync(practice, patient.Id)).TryGetProperty("medicare", out var medicare) && medicare.ValueKind == JsonValueKind.Object);

        // A reference number that is not a digit is said before anything is sent.
        await browser.SubmitAsync("funding-scheme", new Dictionary<string, string>
        {
            ["Input.Form.Number"] = MedicareNumber, ["Input.Form.Irn"] = "A", ["Input.Form.ValidTo"] = NextYear().Card,
        });
        Assert.NotNull(browser.Page.QuerySelector("#error-medicare-irn"));

        // The NDIS plan manager's email, needed for a plan-managed plan, at its field.
        await browser.OpenAsync("/funding/ndis");
        await browser.SubmitAsync("funding-scheme", new Dictionary<string, string>
        {
            ["Input.Form.Number"] = "430000000", ["Input.Form.PlanManagement"] = "plan", ["Input.Form.ManagerName"] = "Plan Partners",
        });
        Assert.NotNull(browser.Page.QuerySelector("#error-ndis-planManager-email"));
        Assert.Equal("true", browser.Page.QuerySelector("#managerEmail")!.GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task Private_health_chooses_from_the_registered_funds_and_a_scheme_is_removed()
    {
        var (practice, patient, browser) = await SignedInAsync("/", "autoUpdate");
        using var _ = browser;
        await PutFundingAsync(practice, patient.Id, new { privateHealth = new { fund = "ahm", membershipNumber = "999" } });
        await browser.OpenAsync("/funding/private-health");
        Assert.True(browser.Page.QuerySelector("#fund option[value=ahm]")!.HasAttribute("selected"));
        Assert.Equal(37, browser.Page.QuerySelectorAll("#fund option").Length);   // "Choose your fund" and the 36 funds
        Assert.NotNull(browser.Page.QuerySelector("label[for=fund]"));

        await browser.SubmitAsync("funding-scheme", new Dictionary<string, string>
        {
            ["Input.Form.Fund"] = "bupa", ["Input.Form.MembershipNumber"] = "12345678",
        });
        Assert.True(browser.Page.QuerySelector("#private-health") is { } cover && cover.TextContent.Contains("Bupa", StringComparison.Ordinal), browser.Path + browser.Html);

        await PutFundingAsync(practice, patient.Id, new { ihi = Ihi });
        await browser.OpenAsync("/funding/ihi");
        Assert.Equal(Ihi, browser.Page.QuerySelector("#ihi")!.GetAttribute("value"));
        await browser.SubmitAsync("funding-scheme", button: ("Input.Command", "remove"));

        Assert.Contains("Removed.", browser.Text("[role=status]"), StringComparison.Ordinal);
        Assert.Contains("Not given", browser.Text("#ihi"), StringComparison.Ordinal);
        var funding = await FundingOfAsync(practice, patient.Id);
        Assert.False(funding.TryGetProperty("ihi", out var ihi) && ihi.ValueKind == JsonValueKind.String);
        Assert.Equal("bupa", funding.GetProperty("privateHealth").GetProperty("fund").GetString());
    }

    [Fact]
    public async Task A_medicare_card_ending_soon_is_said_on_the_home_page_with_a_link_to_update_it()
    {
        var practice = await app.NewPracticeAsync();
        var patient = await practice.AddPatientAsync();
        var nextMonth = app.Clock.GetUtcNow().AddMonths(1);
        await PutFundingAsync(practice, patient.Id, new { medicare = new { number = MedicareNumber, irn = 1, validTo = nextMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture) } });
        await app.LinkPatientRecordAsync(patient.Email, TestPractice.Password, patient.Id, practice.Id);
        using var browser = new PageClient(app);

        await browser.SignInAsync(patient.Email, TestPractice.Password);

        var notice = browser.Text(".medicare-expiry");
        Assert.Contains($"Your Medicare card expires at the end of {nextMonth.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}", notice, StringComparison.Ordinal);
        Assert.Equal("funding/medicare", browser.Page.QuerySelector(".medicare-expiry a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Another_patient_sees_only_their_own_funding_and_a_practice_that_takes_no_changes_offers_no_form()
    {
        var practice = await app.NewPracticeAsync();
        var first = await practice.AddPatientAsync();
        await PutFundingAsync(practice, first.Id, new { medicare = new { number = MedicareNumber, irn = 1, validTo = NextYear().Api }, ihi = Ihi });
        var (_, _, browser) = await SignedInAsync("/funding", "disabled");
        using var _ = browser;

        Assert.Equal(5, browser.Page.QuerySelectorAll("section.scheme .muted").Count(p => p.TextContent.Trim() == "Not given"));
        Assert.DoesNotContain("45670", browser.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("8003 6081", browser.Html, StringComparison.Ordinal);
        Assert.Contains("does not accept changes online", browser.Text(".warning"), StringComparison.Ordinal);
        Assert.Empty(browser.Page.QuerySelectorAll("section.scheme a"));

        await browser.OpenAsync("/funding/medicare");
        Assert.True(browser.Page.QuerySelector("form[aria-label] fieldset")!.HasAttribute("disabled"));
        Assert.Null(browser.Page.QuerySelector("form[aria-label] button[type=submit]"));
        await browser.OpenAsync("/funding/not-a-scheme");
        Assert.Contains("no such part", browser.Text(".problem"), StringComparison.Ordinal);
    }

    /// <summary>
    /// API bug (PatientProfile's PortalRecordEditor): under auto update a scheme the patient did not have yet is answered
    /// 200 "applied" but not saved, because the applied fields are those of the current value only, and a kept funding
    /// value leaves out the schemes not given. The page does its part: it sends the PUT and says what the API answered.
    /// </summary>
    [Fact]
    public async Task A_scheme_given_for_the_first_time_under_auto_update_is_saved()
    {
        var (practice, patient, browser) = await SignedInAsync("/funding/ihi", "autoUpdate");
        using var _ = browser;

        await browser.SubmitAsync("funding-scheme", new Dictionary<string, string> { ["Input.Form.Ihi"] = "8003 6081 6669 0503" });

        Assert.Contains("Saved.", browser.Text("[role=status]"), StringComparison.Ordinal);
        Assert.Contains("8003 6081 6669 0503", browser.Text("#ihi"), StringComparison.Ordinal);
        Assert.Equal(Ihi, (await FundingOfAsync(practice, patient.Id)).GetProperty("ihi").GetString());
    }
}
