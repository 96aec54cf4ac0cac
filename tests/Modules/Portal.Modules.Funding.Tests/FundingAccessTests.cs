using System.Net;
using System.Net.Http.Json;
using Portal.Testing;
using Xunit;
using static Portal.Modules.Funding.Tests.FundingApi;

namespace Portal.Modules.Funding.Tests;

/// <summary>Who may read and change whose funding details, and the access log of the practice's reads and changes.</summary>
public sealed class FundingAccessTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task A_patient_reaches_only_their_own_funding_and_a_practitioner_only_their_groups()
    {
        var harbour = await app.NewPracticeAsync();
        await harbour.PutPortalSettingsAsync("autoUpdate");
        var summit = await app.NewPracticeAsync();
        var avasRecord = await harbour.AddPatientAsync();
        var noahsRecord = await harbour.AddPatientAsync();
        using var ava = await harbour.SignedInPatientAsync(avasRecord);
        using var noah = await harbour.SignedInPatientAsync(noahsRecord);
        await (await ava.PutAsJsonAsync("/api/portal/funding/medicare", AvasCard(app))).ReadAsync<Applied>(HttpStatusCode.OK);

        await ProblemAssert.IsProblemAsync(await noah.GetAsync($"/api/portal/funding?patientId={avasRecord.Id}"), HttpStatusCode.NotFound, "portal.patient-not-found");
        await ProblemAssert.IsProblemAsync(await noah.PutAsJsonAsync($"/api/portal/funding/medicare?patientId={avasRecord.Id}", AvasCard(app)),
            HttpStatusCode.NotFound, "portal.patient-not-found");
        await ProblemAssert.IsProblemAsync(await noah.DeleteAsync($"/api/portal/funding/medicare?patientId={avasRecord.Id}"), HttpStatusCode.NotFound, "portal.patient-not-found");
        Assert.Null((await noah.MyFundingAsync()).Medicare);

        using var otherGroup = await summit.SignedInAdminAsync();
        await ProblemAssert.IsProblemAsync(await otherGroup.GetAsync($"/api/practice/patients/{avasRecord.Id}/funding"), HttpStatusCode.NotFound, "patients.not-found");
        await ProblemAssert.IsProblemAsync(await otherGroup.PutAsJsonAsync($"/api/practice/patients/{avasRecord.Id}/funding", new { medicare = (object?)null }),
            HttpStatusCode.NotFound, "patients.not-found");
        Assert.NotNull((await ava.MyFundingAsync()).Medicare);

        await ProblemAssert.IsProblemAsync(await ava.GetAsync($"/api/practice/patients/{avasRecord.Id}/funding"), HttpStatusCode.Forbidden, "auth.forbidden");
        using var staff = await harbour.SignedInAdminAsync();
        await ProblemAssert.IsProblemAsync(await staff.GetAsync("/api/portal/funding"), HttpStatusCode.Forbidden, "auth.forbidden");
        using var anonymous = app.CreateClient();
        await ProblemAssert.IsProblemAsync(await anonymous.GetAsync("/api/portal/funding"), HttpStatusCode.Unauthorized, "auth.unauthenticated");
        await ProblemAssert.IsProblemAsync(await anonymous.GetAsync("/api/portal/health-funds"), HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Fact]
    public async Task The_practices_reads_and_changes_are_in_the_patients_access_log_and_history_and_a_stale_version_changes_nothing()
    {
        var practice = await app.NewPracticeAsync();
        var record = await practice.AddPatientAsync();
        using var drLee = await app.SignedInPractitionerAsync(practice);

        var before = await drLee.FundingOfAsync(record.Id);
        var saved = await (await drLee.PutAsJsonAsync($"/api/practice/patients/{record.Id}/funding",
            new { dva = new { fileNumber = "NX123456", cardColour = "gold" }, version = before.Version })).ReadAsync<FundingView>(HttpStatusCode.OK);
        await ProblemAssert.IsProblemAsync(await drLee.PutAsJsonAsync($"/api/practice/patients/{record.Id}/funding",
            new { dva = (object?)null, version = before.Version }), HttpStatusCode.Conflict, "patients.stale");

        Assert.Equal(1, saved.Version);
        Assert.NotNull((await drLee.FundingOfAsync(record.Id)).Dva);
        var log = await app.AccessLogAsync(drLee, record.Id);
        Assert.Contains(log, entry => entry is { Action: "viewed", Subject: "funding" });
        Assert.Single(log, entry => entry is { Action: "updated", Subject: "funding" });
        var history = await drLee.GetStringAsync($"/api/practice/patients/{record.Id}/versions");
        Assert.Contains("\"subject\":\"funding\"", history, StringComparison.Ordinal);
        Assert.Contains("\"source\":\"practiceEdit\"", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_earlier_version_of_the_funding_details_can_be_restored_from_the_history()
    {
        var practice = await app.NewPracticeAsync();
        var record = await practice.AddPatientAsync();
        using var drLee = await app.SignedInPractitionerAsync(practice);
        await (await drLee.PutAsJsonAsync($"/api/practice/patients/{record.Id}/funding", new { ihi = "8003608166690503" })).ReadAsync<FundingView>(HttpStatusCode.OK);
        await (await drLee.PutAsJsonAsync($"/api/practice/patients/{record.Id}/funding", new { ihi = (string?)null })).ReadAsync<FundingView>(HttpStatusCode.OK);
        var versions = await drLee.GetFromJsonAsync<Page<RecordVersion>>($"/api/practice/patients/{record.Id}/versions", PortalClients.Json);
        var removal = versions!.Items.First(v => v.Subject == "funding");   // newest first

        using var restored = await drLee.PostAsJsonAsync($"/api/practice/patients/{record.Id}/versions/{removal.Id}/restore", new { });

        Assert.True(restored.IsSuccessStatusCode, await restored.Content.ReadAsStringAsync());
        Assert.Equal("8003608166690503", (await drLee.FundingOfAsync(record.Id)).Ihi);
    }

    private sealed record RecordVersion(Guid Id, string Subject, int Version);
}
