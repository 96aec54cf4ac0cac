using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.PatientProfile.Tests;

/// <summary>A patient's edit under each of the practice's three policies, end to end through HTTP and the jobs.</summary>
public sealed class PatientEditPolicyTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task Auto_update_applies_the_change_at_once_and_tells_the_practitioners()
    {
        var practice = await app.NewPracticeAsync();
        await practice.PutPortalSettingsAsync("autoUpdate");
        var avasRecord = await practice.AddPatientAsync();
        using var ava = await practice.SignedInPatientAsync(avasRecord);
        using var drLee = await SignedInPractitionerAsync(practice);

        using var response = await ava.PatchAsJsonAsync("/api/portal/profile",
            new { mobilePhone = "0499 111 222", address = new { line1 = "1 New Street", suburb = "Glebe", state = "NSW", postcode = "2037" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await EditResultAsync(response);
        Assert.Equal("applied", body.Outcome);
        Assert.Equal("+61499111222", body.Profile!.MobilePhone);
        Assert.Equal(2, body.Profile.Version);
        var profile = await ProfileAsync(ava);
        Assert.Equal("Glebe", profile.Address!.Suburb);
        Assert.Equal("AU", profile.Address.Country);
        Assert.Equal("Ava", profile.GivenName);   // fields not sent are kept
        Assert.Equal(0, (await MyRequestsAsync(ava)).Total);

        await app.RunMessagingAsync();
        var notification = await SingleNotificationAsync(drLee, "profileUpdated");
        Assert.Equal(avasRecord.Id, notification.PatientId);
        Assert.Equal("Ava Nguyen updated their personal details (mobile phone, address).", notification.Summary);   // the words people read
        Assert.DoesNotContain("+61499111222", notification.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Require_approval_stores_a_request_with_each_fields_before_and_after_and_changes_nothing_yet()
    {
        var practice = await app.NewPracticeAsync();
        var avasRecord = await practice.AddPatientAsync();
        using var ava = await practice.SignedInPatientAsync(avasRecord);   // the default policy is requireApproval
        using var drLee = await SignedInPractitionerAsync(practice);

        using var response = await ava.PatchAsJsonAsync("/api/portal/profile", new { preferredName = "Avie", mobilePhone = "+61 499 111 222" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await EditResultAsync(response);
        Assert.Equal("pendingApproval", body.Outcome);
        var requestId = body.ChangeRequestId!.Value;
        var profile = await ProfileAsync(ava);
        Assert.Null(profile.PreferredName);
        Assert.Equal("+61412345678", profile.MobilePhone);

        var mine = await MyRequestsAsync(ava);
        var request = Assert.Single(mine.Items);
        Assert.Equal(requestId, request.Id);
        Assert.Equal("pending", request.Status);
        Assert.Equal("profile", request.Subject);
        var phone = request.Changes.Single(c => c.Field == "mobilePhone");
        Assert.Equal("+61412345678", phone.From.GetString());
        Assert.Equal("+61499111222", phone.To.GetString());
        Assert.Equal(2, request.Changes.Count);

        var queue = (await drLee.GetFromJsonAsync<Page<Queued>>("/api/practice/change-requests?status=pending", PortalClients.Json))!;
        var queued = Assert.Single(queue.Items);
        Assert.Equal("Ava Nguyen", queued.PatientName);

        await app.RunMessagingAsync();
        var notification = await SingleNotificationAsync(drLee, "profileChangePending");
        Assert.Equal(avasRecord.Id, notification.PatientId);
    }

    [Fact]
    public async Task Disabled_refuses_the_edit_and_nothing_is_stored()
    {
        var practice = await app.NewPracticeAsync();
        await practice.PutPortalSettingsAsync("disabled");
        using var ava = await practice.SignedInPatientAsync(await practice.AddAvaAsync());

        await ProblemAssert.IsProblemAsync(await ava.PatchAsJsonAsync("/api/portal/profile", new { preferredName = "Avie" }),
            HttpStatusCode.Forbidden, "profile.updates-disabled");
        await ProblemAssert.IsProblemAsync(await ava.PatchAsJsonAsync("/api/portal/health-record", new { allergies = Array.Empty<object>() }),
            HttpStatusCode.Forbidden, "profile.updates-disabled");

        var profile = await ProfileAsync(ava);
        Assert.Equal("disabled", profile.UpdatePolicy);
        Assert.Null(profile.PreferredName);
        Assert.Equal(0, (await MyRequestsAsync(ava)).Total);
    }

    [Fact]
    public async Task A_settings_change_never_applies_requests_already_pending()
    {
        var practice = await app.NewPracticeAsync();
        using var ava = await practice.SignedInPatientAsync(await practice.AddPatientAsync());
        (await ava.PatchAsJsonAsync("/api/portal/profile", new { preferredName = "Avie" })).EnsureSuccessStatusCode();

        await practice.PutPortalSettingsAsync("autoUpdate");
        await app.RunMessagingAsync();

        var profile = await ProfileAsync(ava);
        Assert.Null(profile.PreferredName);
        var request = (await MyRequestsAsync(ava)).Items[0];
        Assert.Equal("pending", request.Status);
    }

    [Fact]
    public async Task The_health_record_follows_the_same_policy()
    {
        var practice = await app.NewPracticeAsync();
        using var ava = await practice.SignedInPatientAsync(await practice.AddAvaAsync());
        var record = await HealthRecordAsync(ava);
        Assert.Equal("Penicillin", record.Allergies[0].Substance);

        var allergies = new object[]
        {
            new { substance = "Penicillin", reaction = "Hives", severity = "moderate" },
            new { substance = " Peanuts ", reaction = "Anaphylaxis", severity = "severe" },
        };
        using var pending = await ava.PatchAsJsonAsync("/api/portal/health-record", new { allergies });
        Assert.Equal(HttpStatusCode.Accepted, pending.StatusCode);
        var request = (await MyRequestsAsync(ava)).Items[0];
        Assert.Equal("healthRecord", request.Subject);
        Assert.Equal("allergies", Assert.Single(request.Changes).Field);

        await practice.PutPortalSettingsAsync("autoUpdate");
        using var applied = await ava.PatchAsJsonAsync("/api/portal/health-record",
            new { conditions = new[] { new { name = "Asthma", since = "2004" }, new { name = "Hay fever", since = "2019-09" } } });
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        var healthRecord = (await EditResultAsync(applied)).HealthRecord!;
        Assert.Equal(2, healthRecord.Conditions.Count);
        Assert.Single(healthRecord.Allergies);   // the pending allergies are still pending
        Assert.Equal(record.Version + 1, healthRecord.Version);
    }

    [Theory]
    [InlineData("""{"dateOfBirth":"2999-01-01"}""", "dateOfBirth")]
    [InlineData("""{"address":{"line1":"1 A St","suburb":"X","state":"XYZ","postcode":"2000"}}""", "address.state")]
    [InlineData("""{"address":{"line1":"1 A St","suburb":"X","state":"NSW","postcode":"20000"}}""", "address.postcode")]
    [InlineData("""{"address":{"line1":"1 A St","suburb":"X","state":"NSW","postcode":"2000","gate":"B"}}""", "address.gate")]
    [InlineData("""{"mobilePhone":"12345"}""", "mobilePhone")]
    [InlineData("""{"email":"not-an-email"}""", "email")]
    [InlineData("""{"givenName":""}""", "givenName")]
    [InlineData("""{"givenName":null}""", "givenName")]
    [InlineData("""{"dateOfBirth":"yesterday"}""", "dateOfBirth")]
    [InlineData("""{"sex":"unknown"}""", "sex")]
    [InlineData("""{"portalStatus":"active"}""", "portalStatus")]
    [InlineData("""{"id":"b1b2c3d4-0000-4000-8000-000000000002"}""", "id")]
    [InlineData("""{"practiceGroupId":"b1b2c3d4-0000-4000-8000-000000000002"}""", "practiceGroupId")]
    [InlineData("""{"version":7}""", "version")]
    public async Task Invalid_values_and_fields_a_patient_may_not_set_are_refused_with_400_and_store_nothing(string patch, string field)
    {
        var practice = await app.NewPracticeAsync();
        await practice.PutPortalSettingsAsync("autoUpdate");
        using var ava = await practice.SignedInPatientAsync(await practice.AddPatientAsync());

        using var response = await ava.PatchAsync("/api/portal/profile", new StringContent(patch, System.Text.Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation.failed");
        Assert.NotEmpty(ProblemAssert.FieldErrors(problem, field));
        Assert.Equal(1, (await ProfileAsync(ava)).Version);
    }

    [Fact]
    public async Task With_if_match_an_edit_is_made_only_on_the_version_the_patient_saw()
    {
        var practice = await app.NewPracticeAsync();
        await practice.PutPortalSettingsAsync("autoUpdate");
        using var ava = await practice.SignedInPatientAsync(await practice.AddAvaAsync());
        var seen = $"\"{(await HealthRecordAsync(ava)).Version}\"";   // the version the practice saved her record at

        // Adding a medication of the patient's own applies at once (removing the practice's would wait for approval).
        var medications = new object[]
        {
            new { name = "Salbutamol inhaler", dose = "100 mcg", frequency = "As needed" },
            new { name = "Cetirizine", dose = "10 mg", frequency = "Daily" },
        };
        using var first = await ava.SendAsync(PatchWithIfMatch("/api/portal/health-record", new { medications }, seen));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await ProblemAssert.IsProblemAsync(
            await ava.SendAsync(PatchWithIfMatch("/api/portal/health-record", new { allergies = Array.Empty<object>() }, seen)),
            HttpStatusCode.PreconditionFailed, "profile.stale");
        await ProblemAssert.IsProblemAsync(
            await ava.SendAsync(PatchWithIfMatch("/api/portal/profile", new { preferredName = "Avie" }, "\"2\"")),
            HttpStatusCode.PreconditionFailed, "profile.stale");   // the profile is still at version 1

        var record = await HealthRecordAsync(ava);
        Assert.Single(record.Allergies);
        Assert.Equal($"\"{record.Version - 1}\"", seen);
    }

    [Fact]
    public async Task A_health_record_list_cannot_be_null()
    {
        var practice = await app.NewPracticeAsync();
        await practice.PutPortalSettingsAsync("autoUpdate");
        var avasRecord = await practice.AddPatientAsync();
        using var ava = await practice.SignedInPatientAsync(avasRecord);

        var problem = await ProblemAssert.IsProblemAsync(
            await ava.PatchAsync("/api/portal/health-record", new StringContent("""{"allergies":null,"conditions":[{"name":"Flu","since":"soon"}]}""",
                System.Text.Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest, "validation.failed");
        Assert.NotEmpty(ProblemAssert.FieldErrors(problem, "allergies"));
        Assert.NotEmpty(ProblemAssert.FieldErrors(problem, "conditions[0].since"));

        using var drLee = await SignedInPractitionerAsync(practice);
        await ProblemAssert.IsProblemAsync(await drLee.PutAsJsonAsync($"/api/practice/patients/{avasRecord.Id}/health-record",
            new { allergies = Array.Empty<object>(), version = 1 }), HttpStatusCode.BadRequest, "validation.failed");
    }

    private static HttpRequestMessage PatchWithIfMatch(string route, object body, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, route) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    [Fact]
    public async Task An_edit_that_changes_nothing_makes_no_request()
    {
        var practice = await app.NewPracticeAsync();
        using var ava = await practice.SignedInPatientAsync(await practice.AddPatientAsync());

        using var response = await ava.PatchAsJsonAsync("/api/portal/profile", new { mobilePhone = "0412 345 678", givenName = "Ava" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("applied", (await EditResultAsync(response)).Outcome);
        Assert.Equal(0, (await MyRequestsAsync(ava)).Total);
    }

    [Fact]
    public async Task One_change_sent_to_records_at_two_practices_follows_each_practices_policy()
    {
        var harbourPractice = await app.NewPracticeAsync();
        var avasRecord = await harbourPractice.AddPatientAsync();
        var summitPractice = await app.NewPracticeAsync();
        var summitRecord = (await summitPractice.AddPatientAsync(
            new { givenName = "Ava", familyName = "Nguyen", dateOfBirth = "1990-04-12", email = avasRecord.Email })).Id;
        (await summitPractice.SignedInPatientAsync(new TestPatient(summitRecord, avasRecord.Email))).Dispose();   // links her account to it
        await harbourPractice.PutPortalSettingsAsync("autoUpdate");
        await summitPractice.PutPortalSettingsAsync("disabled");
        using var ava = await harbourPractice.SignedInPatientAsync(avasRecord);

        using var response = await ava.PatchAsJsonAsync(
            $"/api/portal/profile?patientId={avasRecord.Id}&patientId={summitRecord}", new { mobilePhone = "0499 111 222" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await EditResultAsync(response)).Results!;
        var harbour = results.Single(r => r.PatientId == avasRecord.Id);
        var summit = results.Single(r => r.PatientId == summitRecord);
        Assert.Equal("applied", harbour.Outcome);
        Assert.Equal("refused", summit.Outcome);
        Assert.Equal("profile.updates-disabled", summit.Code);

        await summitPractice.PutPortalSettingsAsync("requireApproval");
        using var second = await ava.PatchAsJsonAsync(
            $"/api/portal/profile?patientId={avasRecord.Id}&patientId={summitRecord}", new { preferredName = "Avie" });
        var outcomes = (await EditResultAsync(second)).Results!.ToDictionary(r => r.PatientId);
        Assert.Equal("applied", outcomes[avasRecord.Id].Outcome);
        Assert.Equal("pendingApproval", outcomes[summitRecord].Outcome);
        Assert.NotEqual(Guid.Empty, outcomes[summitRecord].ChangeRequestId!.Value);
    }

    [Fact]
    public async Task A_patient_cannot_change_another_patients_record_even_in_the_same_practice()
    {
        var practice = await app.NewPracticeAsync();
        await practice.PutPortalSettingsAsync("autoUpdate");
        var avasRecord = await practice.AddPatientAsync();
        var noahsRecord = await practice.AddNoahAsync();
        var anotherGroup = await app.NewPracticeAsync();
        var jacksRecord = await anotherGroup.AddPatientAsync(new { givenName = "Jack", familyName = "Taylor", dateOfBirth = "1979-05-17", sex = "male" });
        using var ava = await practice.SignedInPatientAsync(avasRecord);

        await ProblemAssert.IsProblemAsync(await ava.PatchAsJsonAsync($"/api/portal/profile?patientId={noahsRecord.Id}", new { preferredName = "X" }),
            HttpStatusCode.NotFound, "portal.patient-not-found");
        await ProblemAssert.IsProblemAsync(await ava.PatchAsJsonAsync(
                $"/api/portal/profile?patientId={avasRecord.Id}&patientId={jacksRecord.Id}", new { preferredName = "X" }),
            HttpStatusCode.NotFound, "portal.patient-not-found");
        await ProblemAssert.IsProblemAsync(await ava.GetAsync($"/api/portal/health-record?patientId={noahsRecord.Id}"),
            HttpStatusCode.NotFound, "portal.patient-not-found");
        await ProblemAssert.IsProblemAsync(await ava.GetAsync($"/api/portal/change-requests?patientId={jacksRecord.Id}"),
            HttpStatusCode.NotFound, "portal.patient-not-found");

        using var drLee = await SignedInPractitionerAsync(practice);
        var noah = (await drLee.GetFromJsonAsync<ProfileView>($"/api/practice/patients/{noahsRecord.Id}", PortalClients.Json))!;
        Assert.Null(noah.PreferredName);
        Assert.Equal(1, (await ProfileAsync(ava)).Version);   // the refused multi-record edit changed nothing
    }

    private static async Task<Notification> SingleNotificationAsync(HttpClient practitioner, string kind)
    {
        var notifications = (await practitioner.GetFromJsonAsync<Page<Notification>>("/api/practice/notifications", PortalClients.Json))!;
        return Assert.Single(notifications.Items, n => n.Kind == kind);
    }

    private async Task<HttpClient> SignedInPractitionerAsync(TestPractice practice) =>
        await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password);

    private static async Task<EditResult> EditResultAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<EditResult>(PortalClients.Json))!;

    private static async Task<ProfileView> ProfileAsync(HttpClient patient) =>
        (await patient.GetFromJsonAsync<ProfileView>("/api/portal/profile", PortalClients.Json))!;

    private static async Task<HealthRecordView> HealthRecordAsync(HttpClient patient) =>
        (await patient.GetFromJsonAsync<HealthRecordView>("/api/portal/health-record", PortalClients.Json))!;

    private static async Task<Page<MyRequest>> MyRequestsAsync(HttpClient patient) =>
        (await patient.GetFromJsonAsync<Page<MyRequest>>("/api/portal/change-requests", PortalClients.Json))!;

    private sealed record Page<T>(IReadOnlyList<T> Items, int Total);

    private sealed record AddressView(string Suburb, string Country);

    private sealed record ProfileView(string GivenName, string? PreferredName, string? MobilePhone, AddressView? Address, string? UpdatePolicy, int Version);

    private sealed record Allergy(string Substance);

    private sealed record HealthRecordView(IReadOnlyList<Allergy> Allergies, IReadOnlyList<JsonElement> Conditions, int Version);

    private sealed record RecordResult(Guid PatientId, string Outcome, string? Code, Guid? ChangeRequestId);

    private sealed record EditResult(string Outcome, Guid? ChangeRequestId, ProfileView? Profile, HealthRecordView? HealthRecord, IReadOnlyList<RecordResult>? Results);

    private sealed record FieldChange(string Field, JsonElement From, JsonElement To);

    private sealed record MyRequest(Guid Id, string Status, string Subject, IReadOnlyList<FieldChange> Changes);

    private sealed record Queued(string PatientName);

    private sealed record Notification(string Kind, Guid? PatientId, string Summary);
}
