using System.Net;
using System.Net.Http.Json;
using Portal.Testing;
using Xunit;
using static Portal.Modules.Funding.Tests.FundingApi;

namespace Portal.Modules.Funding.Tests;

/// <summary>Every scheme's invalid values over HTTP: 400 with the contract's code and the field named, and nothing kept or waiting.</summary>
public sealed class FundingValidationTests(PortalApp app) : IClassFixture<PortalApp>
{
    public static TheoryData<string, string, string, string> InvalidValues => new()
    {
        { "medicare", """{"number":"2123456711","irn":1,"validTo":"2030-01"}""", "funding.invalid-medicare-number", "medicare.number" },
        { "medicare", """{"number":"7123456701","irn":1,"validTo":"2030-01"}""", "funding.invalid-medicare-number", "medicare.number" },
        { "medicare", """{"irn":1,"validTo":"2030-01"}""", "funding.invalid-medicare-number", "medicare.number" },
        { "medicare", """{"number":"2123456701","irn":0,"validTo":"2030-01"}""", "funding.invalid-irn", "medicare.irn" },
        { "medicare", """{"number":"2123456701","irn":10,"validTo":"2030-01"}""", "funding.invalid-irn", "medicare.irn" },
        { "medicare", """{"number":"2123456701","irn":1,"validTo":"2020-01"}""", "funding.medicare-expired", "medicare.validTo" },
        { "medicare", """{"number":"2123456701","irn":1,"validTo":"01/2030"}""", "validation.failed", "medicare.validTo" },
        { "medicare", """{"number":"2123456701","irn":"one","validTo":"2030-01"}""", "validation.failed", "medicare.irn" },
        { "medicare", """{"number":"2123456701","irn":1,"validTo":"2030-01","colour":"green"}""", "validation.failed", "medicare.colour" },
        { "privateHealth", """{"fund":"acme-health","membershipNumber":"123"}""", "funding.unknown-health-fund", "privateHealth.fund" },
        { "privateHealth", """{"fund":"bupa","membershipNumber":""}""", "validation.failed", "privateHealth.membershipNumber" },
        { "ndis", """{"number":"43001234","planManagement":"self"}""", "funding.invalid-ndis-number", "ndis.number" },
        { "ndis", """{"number":"430012345","planManagement":"plan","planManager":{"name":"Plan Partners"}}""", "validation.failed", "ndis.planManager.email" },
        { "ndis", """{"number":"430012345","planManagement":"sometimes"}""", "validation.failed", "ndis.planManagement" },
        { "ndis", """{"number":"430012345","planManagement":"ndia","planStart":"2027-07-01","planEnd":"2027-06-30"}""", "validation.failed", "ndis.planEnd" },
        { "dva", """{"fileNumber":"ZX123456","cardColour":"gold"}""", "funding.invalid-dva-file-number", "dva.fileNumber" },
        { "dva", """{"fileNumber":"NX1234567890","cardColour":"gold"}""", "funding.invalid-dva-file-number", "dva.fileNumber" },
        { "dva", """{"fileNumber":"NX123456","cardColour":"green"}""", "validation.failed", "dva.cardColour" },
        { "medicare", """{"number":"2123456701","irn":1,"validTo":"0000-01"}""", "validation.failed", "medicare.validTo" },
        { "medicare", """{"number":"2123456701","irn":1,"validTo":"٢٠٣٠-01"}""", "validation.failed", "medicare.validTo" },
        { "medicare", """{"number":"2123456701","irn":"1","validTo":"2030-01"}""", "validation.failed", "medicare.irn" },
        { "ndis", """{"number":"430012345","planManagement":"self","planStart":"0001-01-01"}""", "validation.failed", "ndis.planStart" },
        { "dva", """{"fileNumber":"NX١٢٣٤٥٦","cardColour":"gold"}""", "funding.invalid-dva-file-number", "dva.fileNumber" },
        { "ihi", """{"ihi":"8003608166690504"}""", "funding.invalid-ihi", "ihi" },
        { "ihi", """{"ihi":"8003618166690503"}""", "funding.invalid-ihi", "ihi" },
    };

    [Theory]
    [MemberData(nameof(InvalidValues))]
    public async Task An_invalid_value_is_a_400_naming_its_field_and_nothing_is_kept(string scheme, string body, string code, string field)
    {
        var practice = await app.NewPracticeAsync();
        await practice.PutPortalSettingsAsync("autoUpdate");
        var record = await practice.AddPatientAsync();
        using var ava = await practice.SignedInPatientAsync(record);

        var problem = await ProblemAssert.IsProblemAsync(
            await ava.PutAsync($"/api/portal/funding/{scheme}", new StringContent(body, System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest, code);

        Assert.NotEmpty(ProblemAssert.FieldErrors(problem, field));
        Assert.Equal(0, (await ava.MyFundingAsync()).Version);
        using var staff = await practice.SignedInAdminAsync();
        await ProblemAssert.IsProblemAsync(await staff.PutAsync($"/api/practice/patients/{record.Id}/funding",
            new StringContent($$"""{"{{scheme}}":{{(scheme == "ihi" ? body[7..^1] : body)}}}""", System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest, code);
        Assert.Equal(0, (await staff.FundingOfAsync(record.Id)).Version);   // the practice's edits follow the same rules
    }

    [Fact]
    public async Task Published_example_numbers_of_every_scheme_are_accepted_and_kept_normalised()
    {
        var practice = await app.NewPracticeAsync();
        var record = await practice.AddPatientAsync();
        using var staff = await practice.SignedInAdminAsync();

        using var saved = await staff.PutAsJsonAsync($"/api/practice/patients/{record.Id}/funding", new
        {
            medicare = new { number = "2123 45670 1", irn = 1, validTo = NextYear(app) },
            privateHealth = new { fund = "BUPA", membershipNumber = " 12345678 ", memberReference = "01" },
            ndis = new { number = "430 012 345", planManagement = "plan", planManager = new { name = "Plan Partners", email = "invoices@planpartners.example" }, planStart = "2026-07-01", planEnd = "2027-06-30" },
            dva = new { fileNumber = "qx901533b", cardColour = "orange" },
            ihi = "8003 6081 6669 0503",
        });

        var funding = await saved.ReadAsync<FundingView>(HttpStatusCode.OK);
        Assert.Equal(new Medicare("2123456701", 1, NextYear(app)), funding.Medicare);
        Assert.Equal(new PrivateHealth("bupa", "12345678", "01"), funding.PrivateHealth);
        Assert.Equal(new Ndis("430012345", "plan", new PlanManager("Plan Partners", "invoices@planpartners.example"), new DateOnly(2026, 7, 1), new DateOnly(2027, 6, 30)), funding.Ndis);
        Assert.Equal(new Dva("QX901533B", "orange"), funding.Dva);
        Assert.Equal("8003608166690503", funding.Ihi);
        Assert.Equal(funding, await staff.FundingOfAsync(record.Id));
    }

    [Fact]
    public async Task A_self_managed_plan_keeps_no_plan_manager_and_an_unknown_scheme_is_not_found()
    {
        var practice = await app.NewPracticeAsync();
        await practice.PutPortalSettingsAsync("autoUpdate");
        var record = await practice.AddPatientAsync();
        using var ava = await practice.SignedInPatientAsync(record);

        var applied = await (await ava.PutAsJsonAsync("/api/portal/funding/ndis",
            new { number = "430012345", planManagement = "self", planManager = new { name = "Ignored", email = "x@example.test" } })).ReadAsync<Applied>(HttpStatusCode.OK);

        Assert.Equal(new Ndis("430012345", "self", null, null, null), applied.Funding.Ndis);
        await ProblemAssert.IsProblemAsync(await ava.PutAsJsonAsync("/api/portal/funding/pbs", new { number = "1" }), HttpStatusCode.NotFound, "funding.unknown-scheme");
        var extra = await ProblemAssert.IsProblemAsync(await ava.PutAsJsonAsync("/api/portal/funding/ihi", new { ihi = "8003608166690503", medicare = (object?)null }),
            HttpStatusCode.BadRequest, "validation.failed");
        Assert.NotEmpty(ProblemAssert.FieldErrors(extra, "medicare"));
        Assert.Null((await ava.MyFundingAsync()).Ihi);
        using var staff = await practice.SignedInAdminAsync();
        await ProblemAssert.IsProblemAsync(await staff.PutAsJsonAsync($"/api/practice/patients/{record.Id}/funding", new { pbs = new { number = "1" } }),
            HttpStatusCode.BadRequest, "validation.failed");
    }

    [Fact]
    public async Task The_registered_health_funds_are_listed_by_name_for_patients_and_staff()
    {
        var practice = await app.NewPracticeAsync();
        using var ava = await practice.SignedInPatientAsync(await practice.AddPatientAsync());
        using var staff = await practice.SignedInAdminAsync();

        var funds = (await ava.GetFromJsonAsync<List<HealthFund>>("/api/portal/health-funds", PortalClients.Json))!;

        Assert.True(funds.Count >= 30, $"{funds.Count} funds");
        Assert.Contains(new HealthFund("bupa", "Bupa"), funds);
        Assert.Contains(new HealthFund("medibank", "Medibank"), funds);
        Assert.Equal(funds.Select(f => f.Name).Order(StringComparer.OrdinalIgnoreCase), funds.Select(f => f.Name));
        Assert.Equal(funds, await staff.GetFromJsonAsync<List<HealthFund>>("/api/practice/health-funds", PortalClients.Json));
    }

    private sealed record HealthFund(string Code, string Name);
}
