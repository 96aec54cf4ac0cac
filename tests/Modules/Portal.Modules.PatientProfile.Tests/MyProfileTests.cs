using System.Net;
using System.Net.Http.Json;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.PatientProfile.Tests;

/// <summary>The patient's own view: which record a request is about, and never anyone else's.</summary>
public sealed class MyProfileTests : IAsyncLifetime
{
    private const string AvaPassword = "Ava's own long passphrase";
    private readonly PortalApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_patient_with_one_record_reads_it_without_naming_it()
    {
        await LinkAvaAsync(DemoPatients.AvaNguyenId, DemoData.HarbourHealthId);
        using var ava = await _app.SignedInClientAsync("ava@example.test", AvaPassword);

        var profiles = await (await ava.GetAsync("/api/portal/profiles")).JsonAsync();
        var only = Assert.Single(profiles.EnumerateArray());
        Assert.Equal("Harbour Health", only.GetProperty("practiceName").GetString());

        using var response = await ava.GetAsync("/api/portal/profile");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var profile = await response.JsonAsync();
        Assert.Equal(DemoPatients.AvaNguyenId, profile.GetProperty("patientId").GetGuid());
        Assert.Equal("+61412345678", profile.GetProperty("mobilePhone").GetString());
        Assert.Equal("Pyrmont", profile.GetProperty("address").GetProperty("suburb").GetString());
        Assert.Equal("requireApproval", profile.GetProperty("updatePolicy").GetString());
    }

    [Fact]
    public async Task With_several_records_the_patient_names_one_and_cannot_name_someone_elses()
    {
        var summitRecord = await CreateSummitRecordAsync();
        await LinkAvaAsync(DemoPatients.AvaNguyenId, DemoData.HarbourHealthId);
        await LinkAvaAsync(summitRecord, DemoData.SummitPhysioId);
        using var ava = await _app.SignedInClientAsync("ava@example.test", AvaPassword);

        Assert.Equal(2, (await (await ava.GetAsync("/api/portal/profiles")).JsonAsync()).GetArrayLength());
        await ProblemAssert.IsProblemAsync(await ava.GetAsync("/api/portal/profile"), HttpStatusCode.BadRequest, "portal.patient-required");
        var summit = await (await ava.GetAsync($"/api/portal/profile?patientId={summitRecord}")).JsonAsync();
        Assert.Equal(summitRecord, summit.GetProperty("patientId").GetGuid());

        await ProblemAssert.IsProblemAsync(await ava.GetAsync($"/api/portal/profile?patientId={DemoPatients.NoahSmithId}"), HttpStatusCode.NotFound, "portal.patient-not-found");
    }

    [Fact]
    public async Task A_practice_that_turned_its_portal_off_answers_403_for_its_records_only()
    {
        var summitRecord = await CreateSummitRecordAsync();
        await LinkAvaAsync(DemoPatients.AvaNguyenId, DemoData.HarbourHealthId);
        await LinkAvaAsync(summitRecord, DemoData.SummitPhysioId);
        using var summitAdmin = await _app.SignedInClientAsync(DemoData.SummitAdminEmail);
        await summitAdmin.PutPortalSettingsAsync("autoUpdate", portalEnabled: false);
        using var ava = await _app.SignedInClientAsync("ava@example.test", AvaPassword);

        await ProblemAssert.IsProblemAsync(await ava.GetAsync($"/api/portal/profile?patientId={summitRecord}"), HttpStatusCode.Forbidden, "portal.disabled");
        Assert.Equal(HttpStatusCode.OK, (await ava.GetAsync($"/api/portal/profile?patientId={DemoPatients.AvaNguyenId}")).StatusCode);
    }

    [Fact]
    public async Task Practitioners_do_not_use_the_patient_routes()
    {
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        await ProblemAssert.IsProblemAsync(await drLee.GetAsync("/api/portal/profile"), HttpStatusCode.Forbidden, "auth.forbidden");
    }

    private async Task<Guid> CreateSummitRecordAsync()
    {
        using var summit = await _app.SignedInClientAsync(DemoData.SummitAdminEmail);
        using var created = await summit.PostAsJsonAsync("/api/practice/patients",
            new { givenName = "Ava", familyName = "Nguyen", dateOfBirth = "1990-04-12", email = "ava@example.test" });
        return (await created.JsonAsync()).GetProperty("id").GetGuid();
    }

    private Task LinkAvaAsync(Guid patientId, Guid practiceGroupId) =>
        _app.LinkPatientRecordAsync("ava@example.test", AvaPassword, patientId, practiceGroupId);
}
