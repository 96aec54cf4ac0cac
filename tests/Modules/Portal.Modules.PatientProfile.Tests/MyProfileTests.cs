using System.Net;
using System.Net.Http.Json;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.PatientProfile.Tests;

/// <summary>The patient's own view: which record a request is about, and never anyone else's.</summary>
public sealed class MyProfileTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task A_patient_with_one_record_reads_it_without_naming_it()
    {
        var practice = await app.NewPracticeAsync();
        var ava = await practice.AddPatientAsync();
        using var signedIn = await practice.SignedInPatientAsync(ava);

        var only = Assert.Single((await signedIn.GetFromJsonAsync<List<ProfileListItem>>("/api/portal/profiles", PortalClients.Json))!);
        Assert.Equal(practice.Name, only.PracticeName);

        using var response = await signedIn.GetAsync("/api/portal/profile");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var profile = (await response.Content.ReadFromJsonAsync<Profile>(PortalClients.Json))!;
        Assert.Equal(ava.Id, profile.PatientId);
        Assert.Equal("+61412345678", profile.MobilePhone);
        Assert.Equal("Pyrmont", profile.Address!.Suburb);
        Assert.Equal("requireApproval", profile.UpdatePolicy);
    }

    [Fact]
    public async Task With_several_records_the_patient_names_one_and_cannot_name_someone_elses()
    {
        var (first, firstRecord, second, secondRecord) = await OnePatientInTwoPracticesAsync();
        var someoneElse = await first.AddPatientAsync();
        using var ava = await first.SignedInPatientAsync(firstRecord);
        await second.SignedInPatientAsync(secondRecord);

        Assert.Equal(2, (await ava.GetFromJsonAsync<List<ProfileListItem>>("/api/portal/profiles", PortalClients.Json))!.Count);
        await ProblemAssert.IsProblemAsync(await ava.GetAsync("/api/portal/profile"), HttpStatusCode.BadRequest, "portal.patient-required");
        var chosen = await ava.GetFromJsonAsync<Profile>($"/api/portal/profile?patientId={secondRecord.Id}", PortalClients.Json);
        Assert.Equal(secondRecord.Id, chosen!.PatientId);

        await ProblemAssert.IsProblemAsync(await ava.GetAsync($"/api/portal/profile?patientId={someoneElse.Id}"), HttpStatusCode.NotFound, "portal.patient-not-found");
    }

    [Fact]
    public async Task A_practice_that_turned_its_portal_off_answers_403_for_its_records_only()
    {
        var (first, firstRecord, second, secondRecord) = await OnePatientInTwoPracticesAsync();
        using var ava = await first.SignedInPatientAsync(firstRecord);
        await second.SignedInPatientAsync(secondRecord);
        await second.PutPortalSettingsAsync("autoUpdate", portalEnabled: false);

        await ProblemAssert.IsProblemAsync(await ava.GetAsync($"/api/portal/profile?patientId={secondRecord.Id}"), HttpStatusCode.Forbidden, "portal.disabled");
        Assert.Equal(HttpStatusCode.OK, (await ava.GetAsync($"/api/portal/profile?patientId={firstRecord.Id}")).StatusCode);
    }

    [Fact]
    public async Task Practitioners_do_not_use_the_patient_routes()
    {
        var practice = await app.NewPracticeAsync();
        using var practitioner = await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password);
        await ProblemAssert.IsProblemAsync(await practitioner.GetAsync("/api/portal/profile"), HttpStatusCode.Forbidden, "auth.forbidden");
    }

    /// <summary>Two practices of the test's own, each with a record of the same person (same email, so one portal account).</summary>
    private async Task<(TestPractice First, TestPatient FirstRecord, TestPractice Second, TestPatient SecondRecord)> OnePatientInTwoPracticesAsync()
    {
        var first = await app.NewPracticeAsync();
        var firstRecord = await first.AddPatientAsync();
        var second = await app.NewPracticeAsync();
        var secondRecord = await second.AddPatientAsync(new { givenName = "Ava", familyName = "Nguyen", dateOfBirth = "1990-04-12", email = firstRecord.Email });
        return (first, firstRecord, second, secondRecord);
    }

    private sealed record ProfileListItem(Guid PatientId, string PracticeName);

    private sealed record Profile(Guid PatientId, string? MobilePhone, ProfileAddress? Address, string UpdatePolicy);

    private sealed record ProfileAddress(string Suburb);
}
