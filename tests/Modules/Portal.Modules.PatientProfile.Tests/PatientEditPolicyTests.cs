using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.PatientProfile.Tests;

/// <summary>A patient's edit under each of the practice's three policies, end to end through HTTP and the jobs.</summary>
public sealed class PatientEditPolicyTests : IAsyncLifetime
{
    private readonly PortalApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Auto_update_applies_the_change_at_once_and_tells_the_practitioners()
    {
        await _app.SetPatientUpdatesAsync(DemoData.HarbourAdminEmail, "autoUpdate");
        using var ava = await _app.SignedInAvaAsync();

        using var response = await ava.PatchAsJsonAsync("/api/portal/profile",
            new { mobilePhone = "0499 111 222", address = new { line1 = "1 New Street", suburb = "Glebe", state = "NSW", postcode = "2037" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("applied", body.GetProperty("outcome").GetString());
        Assert.Equal("+61499111222", body.GetProperty("profile").GetProperty("mobilePhone").GetString());
        Assert.Equal(2, body.GetProperty("profile").GetProperty("version").GetInt32());
        var profile = await (await ava.GetAsync("/api/portal/profile")).JsonAsync();
        Assert.Equal("Glebe", profile.GetProperty("address").GetProperty("suburb").GetString());
        Assert.Equal("AU", profile.GetProperty("address").GetProperty("country").GetString());
        Assert.Equal("Ava", profile.GetProperty("givenName").GetString());   // fields not sent are kept
        Assert.Equal(0, (await (await ava.GetAsync("/api/portal/change-requests")).JsonAsync()).GetProperty("total").GetInt32());

        await _app.RunMessagingAsync();
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        var notification = await SingleNotificationAsync(drLee, "profileUpdated");
        Assert.Equal(DemoPatients.AvaNguyenId, notification.GetProperty("patientId").GetGuid());
        Assert.Equal("Ava Nguyen updated their personal details (mobile phone, address).", notification.GetProperty("summary").GetString());   // the words people read
        Assert.DoesNotContain("+61499111222", notification.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Require_approval_stores_a_request_with_each_fields_before_and_after_and_changes_nothing_yet()
    {
        using var ava = await _app.SignedInAvaAsync();   // the default policy is requireApproval

        using var response = await ava.PatchAsJsonAsync("/api/portal/profile", new { preferredName = "Avie", mobilePhone = "+61 499 111 222" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("pendingApproval", body.GetProperty("outcome").GetString());
        var requestId = body.GetProperty("changeRequestId").GetGuid();
        var profile = await (await ava.GetAsync("/api/portal/profile")).JsonAsync();
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("preferredName").ValueKind);
        Assert.Equal("+61412345678", profile.GetProperty("mobilePhone").GetString());

        var mine = await (await ava.GetAsync("/api/portal/change-requests")).JsonAsync();
        var request = Assert.Single(mine.GetProperty("items").EnumerateArray());
        Assert.Equal(requestId, request.GetProperty("id").GetGuid());
        Assert.Equal("pending", request.GetProperty("status").GetString());
        Assert.Equal("profile", request.GetProperty("subject").GetString());
        var phone = request.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("field").GetString() == "mobilePhone");
        Assert.Equal("+61412345678", phone.GetProperty("from").GetString());
        Assert.Equal("+61499111222", phone.GetProperty("to").GetString());
        Assert.Equal(2, request.GetProperty("changes").GetArrayLength());

        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        var queue = await (await drLee.GetAsync("/api/practice/change-requests?status=pending")).JsonAsync();
        var queued = Assert.Single(queue.GetProperty("items").EnumerateArray());
        Assert.Equal("Ava Nguyen", queued.GetProperty("patientName").GetString());

        await _app.RunMessagingAsync();
        var notification = await SingleNotificationAsync(drLee, "profileChangePending");
        Assert.Equal(DemoPatients.AvaNguyenId, notification.GetProperty("patientId").GetGuid());
    }

    [Fact]
    public async Task Disabled_refuses_the_edit_and_nothing_is_stored()
    {
        await _app.SetPatientUpdatesAsync(DemoData.HarbourAdminEmail, "disabled");
        using var ava = await _app.SignedInAvaAsync();

        await ProblemAssert.IsProblemAsync(await ava.PatchAsJsonAsync("/api/portal/profile", new { preferredName = "Avie" }),
            HttpStatusCode.Forbidden, "profile.updates-disabled");
        await ProblemAssert.IsProblemAsync(await ava.PatchAsJsonAsync("/api/portal/health-record", new { allergies = Array.Empty<object>() }),
            HttpStatusCode.Forbidden, "profile.updates-disabled");

        var profile = await (await ava.GetAsync("/api/portal/profile")).JsonAsync();
        Assert.Equal("disabled", profile.GetProperty("updatePolicy").GetString());
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("preferredName").ValueKind);
        Assert.Equal(0, (await (await ava.GetAsync("/api/portal/change-requests")).JsonAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_settings_change_never_applies_requests_already_pending()
    {
        using var ava = await _app.SignedInAvaAsync();
        (await ava.PatchAsJsonAsync("/api/portal/profile", new { preferredName = "Avie" })).EnsureSuccessStatusCode();

        await _app.SetPatientUpdatesAsync(DemoData.HarbourAdminEmail, "autoUpdate");
        await _app.RunMessagingAsync();

        var profile = await (await ava.GetAsync("/api/portal/profile")).JsonAsync();
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("preferredName").ValueKind);
        var request = (await (await ava.GetAsync("/api/portal/change-requests")).JsonAsync()).GetProperty("items")[0];
        Assert.Equal("pending", request.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_health_record_follows_the_same_policy()
    {
        using var ava = await _app.SignedInAvaAsync();
        var record = await (await ava.GetAsync("/api/portal/health-record")).JsonAsync();
        Assert.Equal("Penicillin", record.GetProperty("allergies")[0].GetProperty("substance").GetString());

        var allergies = new object[]
        {
            new { substance = "Penicillin", reaction = "Hives", severity = "moderate" },
            new { substance = " Peanuts ", reaction = "Anaphylaxis", severity = "severe" },
        };
        using var pending = await ava.PatchAsJsonAsync("/api/portal/health-record", new { allergies });
        Assert.Equal(HttpStatusCode.Accepted, pending.StatusCode);
        var request = (await (await ava.GetAsync("/api/portal/change-requests")).JsonAsync()).GetProperty("items")[0];
        Assert.Equal("healthRecord", request.GetProperty("subject").GetString());
        Assert.Equal("allergies", Assert.Single(request.GetProperty("changes").EnumerateArray()).GetProperty("field").GetString());

        await _app.SetPatientUpdatesAsync(DemoData.HarbourAdminEmail, "autoUpdate");
        using var applied = await ava.PatchAsJsonAsync("/api/portal/health-record",
            new { conditions = new[] { new { name = "Asthma", since = "2004" }, new { name = "Hay fever", since = "2019-09" } } });
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        var healthRecord = (await applied.JsonAsync()).GetProperty("healthRecord");
        Assert.Equal(2, healthRecord.GetProperty("conditions").GetArrayLength());
        Assert.Equal(1, healthRecord.GetProperty("allergies").GetArrayLength());   // the pending allergies are still pending
        Assert.Equal(2, healthRecord.GetProperty("version").GetInt32());
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
        await _app.SetPatientUpdatesAsync(DemoData.HarbourAdminEmail, "autoUpdate");
        using var ava = await _app.SignedInAvaAsync();

        using var response = await ava.PatchAsync("/api/portal/profile", new StringContent(patch, System.Text.Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation.failed");
        Assert.NotEmpty(ProblemAssert.FieldErrors(problem, field));
        var profile = await (await ava.GetAsync("/api/portal/profile")).JsonAsync();
        Assert.Equal(1, profile.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task With_if_match_an_edit_is_made_only_on_the_version_the_patient_saw()
    {
        await _app.SetPatientUpdatesAsync(DemoData.HarbourAdminEmail, "autoUpdate");
        using var ava = await _app.SignedInAvaAsync();

        // Adding a medication of the patient's own applies at once (removing the practice's would wait for approval).
        var medications = new object[]
        {
            new { name = "Salbutamol inhaler", dose = "100 mcg", frequency = "As needed" },
            new { name = "Cetirizine", dose = "10 mg", frequency = "Daily" },
        };
        using var first = await ava.SendAsync(PatchWithIfMatch("/api/portal/health-record", new { medications }, "\"1\""));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await ProblemAssert.IsProblemAsync(
            await ava.SendAsync(PatchWithIfMatch("/api/portal/health-record", new { allergies = Array.Empty<object>() }, "\"1\"")),
            HttpStatusCode.PreconditionFailed, "profile.stale");
        await ProblemAssert.IsProblemAsync(
            await ava.SendAsync(PatchWithIfMatch("/api/portal/profile", new { preferredName = "Avie" }, "\"2\"")),
            HttpStatusCode.PreconditionFailed, "profile.stale");   // the profile is still at version 1

        var record = await (await ava.GetAsync("/api/portal/health-record")).JsonAsync();
        Assert.Equal(1, record.GetProperty("allergies").GetArrayLength());
        Assert.Equal(2, record.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_health_record_list_cannot_be_null()
    {
        await _app.SetPatientUpdatesAsync(DemoData.HarbourAdminEmail, "autoUpdate");
        using var ava = await _app.SignedInAvaAsync();

        var problem = await ProblemAssert.IsProblemAsync(
            await ava.PatchAsync("/api/portal/health-record", new StringContent("""{"allergies":null,"conditions":[{"name":"Flu","since":"soon"}]}""",
                System.Text.Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest, "validation.failed");
        Assert.NotEmpty(ProblemAssert.FieldErrors(problem, "allergies"));
        Assert.NotEmpty(ProblemAssert.FieldErrors(problem, "conditions[0].since"));

        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        await ProblemAssert.IsProblemAsync(await drLee.PutAsJsonAsync($"/api/practice/patients/{DemoPatients.AvaNguyenId}/health-record",
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
        using var ava = await _app.SignedInAvaAsync();

        using var response = await ava.PatchAsJsonAsync("/api/portal/profile", new { mobilePhone = "0412 345 678", givenName = "Ava" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("applied", (await response.JsonAsync()).GetProperty("outcome").GetString());
        Assert.Equal(0, (await (await ava.GetAsync("/api/portal/change-requests")).JsonAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task One_change_sent_to_records_at_two_practices_follows_each_practices_policy()
    {
        using var summitAdmin = await _app.SignedInClientAsync(DemoData.SummitAdminEmail);
        using var created = await summitAdmin.PostAsJsonAsync("/api/practice/patients",
            new { givenName = "Ava", familyName = "Nguyen", dateOfBirth = "1990-04-12", email = "ava@example.test" });
        var summitRecord = (await created.JsonAsync()).GetProperty("id").GetGuid();
        await _app.LinkPatientRecordAsync("ava@example.test", PortalPatients.AvaPassword, summitRecord, DemoData.SummitPhysioId);
        await _app.SetPatientUpdatesAsync(DemoData.HarbourAdminEmail, "autoUpdate");
        await _app.SetPatientUpdatesAsync(DemoData.SummitAdminEmail, "disabled");
        using var ava = await _app.SignedInAvaAsync();

        using var response = await ava.PatchAsJsonAsync(
            $"/api/portal/profile?patientId={DemoPatients.AvaNguyenId}&patientId={summitRecord}", new { mobilePhone = "0499 111 222" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await response.JsonAsync()).GetProperty("results").EnumerateArray().ToList();
        var harbour = results.Single(r => r.GetProperty("patientId").GetGuid() == DemoPatients.AvaNguyenId);
        var summit = results.Single(r => r.GetProperty("patientId").GetGuid() == summitRecord);
        Assert.Equal("applied", harbour.GetProperty("outcome").GetString());
        Assert.Equal("refused", summit.GetProperty("outcome").GetString());
        Assert.Equal("profile.updates-disabled", summit.GetProperty("code").GetString());

        await _app.SetPatientUpdatesAsync(DemoData.SummitAdminEmail, "requireApproval");
        using var second = await ava.PatchAsJsonAsync(
            $"/api/portal/profile?patientId={DemoPatients.AvaNguyenId}&patientId={summitRecord}", new { preferredName = "Avie" });
        var outcomes = (await second.JsonAsync()).GetProperty("results").EnumerateArray()
            .ToDictionary(r => r.GetProperty("patientId").GetGuid(), r => r);
        Assert.Equal("applied", outcomes[DemoPatients.AvaNguyenId].GetProperty("outcome").GetString());
        Assert.Equal("pendingApproval", outcomes[summitRecord].GetProperty("outcome").GetString());
        Assert.NotEqual(Guid.Empty, outcomes[summitRecord].GetProperty("changeRequestId").GetGuid());
    }

    [Fact]
    public async Task A_patient_cannot_change_another_patients_record_even_in_the_same_practice()
    {
        await _app.SetPatientUpdatesAsync(DemoData.HarbourAdminEmail, "autoUpdate");
        using var ava = await _app.SignedInAvaAsync();

        await ProblemAssert.IsProblemAsync(await ava.PatchAsJsonAsync($"/api/portal/profile?patientId={DemoPatients.NoahSmithId}", new { preferredName = "X" }),
            HttpStatusCode.NotFound, "portal.patient-not-found");
        await ProblemAssert.IsProblemAsync(await ava.PatchAsJsonAsync(
                $"/api/portal/profile?patientId={DemoPatients.AvaNguyenId}&patientId={DemoPatients.JackTaylorId}", new { preferredName = "X" }),
            HttpStatusCode.NotFound, "portal.patient-not-found");
        await ProblemAssert.IsProblemAsync(await ava.GetAsync($"/api/portal/health-record?patientId={DemoPatients.NoahSmithId}"),
            HttpStatusCode.NotFound, "portal.patient-not-found");
        await ProblemAssert.IsProblemAsync(await ava.GetAsync($"/api/portal/change-requests?patientId={DemoPatients.JackTaylorId}"),
            HttpStatusCode.NotFound, "portal.patient-not-found");

        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        var noah = await (await drLee.GetAsync($"/api/practice/patients/{DemoPatients.NoahSmithId}")).JsonAsync();
        Assert.Equal(JsonValueKind.Null, noah.GetProperty("preferredName").ValueKind);
        var ownProfile = await (await ava.GetAsync("/api/portal/profile")).JsonAsync();
        Assert.Equal(1, ownProfile.GetProperty("version").GetInt32());   // the refused multi-record edit changed nothing
    }

    private static async Task<JsonElement> SingleNotificationAsync(HttpClient practitioner, string kind)
    {
        var notifications = await (await practitioner.GetAsync("/api/practice/notifications")).JsonAsync();
        return Assert.Single(notifications.GetProperty("items").EnumerateArray(), n => n.GetProperty("kind").GetString() == kind);
    }
}
