using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.PatientProfile.Tests;

/// <summary>Approving and rejecting a patient's change request: applied whole, conflicts named, decided once.</summary>
public sealed class ChangeRequestDecisionTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task Approving_applies_every_field_of_the_request()
    {
        var (practice, avasRecord) = await PracticeWithAvaAsync();
        using var ava = await practice.SignedInPatientAsync(avasRecord);
        var requestId = await ava.RequestChangeAsync(new { preferredName = "Avie", mobilePhone = "0499 111 222" });
        using var drLee = await SignedInPractitionerAsync(practice);

        using var response = await drLee.PostAsync($"/api/practice/change-requests/{requestId}/approve", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var decided = (await response.Content.ReadFromJsonAsync<Decided>(PortalClients.Json))!;
        Assert.Equal("approved", decided.Status);
        Assert.Equal("Sam Lee", decided.DecidedBy);
        var profile = await ProfileAsync(ava);
        Assert.Equal("Avie", profile.PreferredName);
        Assert.Equal("+61499111222", profile.MobilePhone);
        Assert.Equal("approved", (await MyRequestsAsync(ava)).Items[0].Status);
        Assert.Equal(0, (await drLee.GetFromJsonAsync<Page<Decided>>("/api/practice/change-requests?status=pending", PortalClients.Json))!.Total);
    }

    [Fact]
    public async Task Rejecting_records_the_reason_the_patient_then_sees()
    {
        var (practice, avasRecord) = await PracticeWithAvaAsync();
        using var ava = await practice.SignedInPatientAsync(avasRecord);
        var requestId = await ava.RequestChangeAsync(new { dateOfBirth = "1991-04-12" });
        using var drLee = await SignedInPractitionerAsync(practice);

        var noReason = await ProblemAssert.IsProblemAsync(
            await drLee.PostAsJsonAsync($"/api/practice/change-requests/{requestId}/reject", new { reason = " " }), HttpStatusCode.BadRequest, "validation.failed");
        Assert.NotEmpty(ProblemAssert.FieldErrors(noReason, "reason"));
        using var response = await drLee.PostAsJsonAsync($"/api/practice/change-requests/{requestId}/reject",
            new { reason = "Your date of birth matches your Medicare card; please call us if it is wrong." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var mine = (await MyRequestsAsync(ava)).Items[0];
        Assert.Equal("rejected", mine.Status);
        Assert.StartsWith("Your date of birth matches", mine.Reason, StringComparison.Ordinal);
        Assert.Equal("Sam Lee", mine.DecidedBy);
        Assert.Equal("1990-04-12", (await ProfileAsync(ava)).DateOfBirth);
    }

    [Fact]
    public async Task A_field_changed_since_the_request_is_a_named_conflict_unless_forced()
    {
        var (practice, avasRecord) = await PracticeWithAvaAsync();
        using var ava = await practice.SignedInPatientAsync(avasRecord);
        var requestId = await ava.RequestChangeAsync(new { mobilePhone = "0499 111 222", preferredName = "Avie" });
        using var drLee = await SignedInPractitionerAsync(practice);
        var current = await drLee.GetFromJsonAsync<JsonElement>($"/api/practice/patients/{avasRecord.Id}", PortalClients.Json);
        (await drLee.PutAsJsonAsync($"/api/practice/patients/{avasRecord.Id}",
            PracticeEditTests.WithChanges(current, ("mobilePhone", "0400 000 000")))).EnsureSuccessStatusCode();

        var conflict = await ProblemAssert.IsProblemAsync(
            await drLee.PostAsync($"/api/practice/change-requests/{requestId}/approve", null), HttpStatusCode.Conflict, "change-requests.conflict");
        Assert.Equal("mobilePhone", Assert.Single(conflict.Deserialize<Conflict>(PortalClients.Json)!.Fields));
        var unchanged = await ProfileAsync(ava);
        Assert.Equal("+61400000000", unchanged.MobilePhone);
        Assert.Null(unchanged.PreferredName);   // nothing of the request applied

        using var forced = await drLee.PostAsJsonAsync($"/api/practice/change-requests/{requestId}/approve", new { force = true });
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        var profile = await ProfileAsync(ava);
        Assert.Equal("+61499111222", profile.MobilePhone);
        Assert.Equal("Avie", profile.PreferredName);
    }

    [Fact]
    public async Task Deciding_twice_gives_one_decision_and_one_already_decided()
    {
        var (practice, avasRecord) = await PracticeWithAvaAsync();
        using var ava = await practice.SignedInPatientAsync(avasRecord);
        var requestId = await ava.RequestChangeAsync(new { preferredName = "Avie" });
        using var drLee = await SignedInPractitionerAsync(practice);

        (await drLee.PostAsync($"/api/practice/change-requests/{requestId}/approve", null)).EnsureSuccessStatusCode();
        await ProblemAssert.IsProblemAsync(await drLee.PostAsync($"/api/practice/change-requests/{requestId}/approve", null),
            HttpStatusCode.Conflict, "change-requests.already-decided");
        await ProblemAssert.IsProblemAsync(await drLee.PostAsJsonAsync($"/api/practice/change-requests/{requestId}/reject", new { reason = "No" }),
            HttpStatusCode.Conflict, "change-requests.already-decided");
        Assert.Equal("approved", (await MyRequestsAsync(ava)).Items[0].Status);
    }

    [Fact]
    public async Task Two_practitioners_deciding_at_once_get_one_decision_and_one_already_decided()
    {
        var (practice, avasRecord) = await PracticeWithAvaAsync();
        using var ava = await practice.SignedInPatientAsync(avasRecord);
        using var drLee = await SignedInPractitionerAsync(practice);
        using var admin = await practice.SignedInAdminAsync();
        for (var round = 0; round < 5; round++)
        {
            var requestId = await ava.RequestChangeAsync(new { preferredName = $"Avie {round}" });

            var answers = await Task.WhenAll(
                drLee.PostAsync($"/api/practice/change-requests/{requestId}/approve", null),
                admin.PostAsJsonAsync($"/api/practice/change-requests/{requestId}/reject", new { reason = "Not needed" }));

            Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
            var loser = Assert.Single(answers, a => a.StatusCode != HttpStatusCode.OK);
            await ProblemAssert.IsProblemAsync(loser, HttpStatusCode.Conflict, "change-requests.already-decided");
            var status = (await MyRequestsAsync(ava)).Items[0].Status;
            var preferred = (await ProfileAsync(ava)).PreferredName;
            Assert.Equal(status == "approved", preferred == $"Avie {round}");
        }
    }

    [Fact]
    public async Task Another_practice_cannot_see_or_decide_the_request()
    {
        var (practice, avasRecord) = await PracticeWithAvaAsync();
        using var ava = await practice.SignedInPatientAsync(avasRecord);
        var requestId = await ava.RequestChangeAsync(new { preferredName = "Avie" });
        var anotherGroup = await app.NewPracticeAsync();
        using var otherAdmin = await anotherGroup.SignedInAdminAsync();

        Assert.Equal(0, (await otherAdmin.GetFromJsonAsync<Page<Decided>>("/api/practice/change-requests", PortalClients.Json))!.Total);
        await ProblemAssert.IsProblemAsync(await otherAdmin.PostAsync($"/api/practice/change-requests/{requestId}/approve", null),
            HttpStatusCode.NotFound, "change-requests.not-found");
        await ProblemAssert.IsProblemAsync(await otherAdmin.PostAsJsonAsync($"/api/practice/change-requests/{requestId}/reject", new { reason = "x" }),
            HttpStatusCode.NotFound, "change-requests.not-found");
        await ProblemAssert.IsProblemAsync(await ava.PostAsync($"/api/practice/change-requests/{requestId}/approve", null),
            HttpStatusCode.Forbidden, "auth.forbidden");
        Assert.Equal("pending", (await MyRequestsAsync(ava)).Items[0].Status);
    }

    [Fact]
    public async Task An_approved_health_record_change_replaces_the_list()
    {
        var practice = await app.NewPracticeAsync();
        using var ava = await practice.SignedInPatientAsync(await practice.AddAvaAsync());
        var requestId = await ava.RequestChangeAsync(new { medications = Array.Empty<object>() }, "/api/portal/health-record");
        using var drLee = await SignedInPractitionerAsync(practice);

        (await drLee.PostAsync($"/api/practice/change-requests/{requestId}/approve", null)).EnsureSuccessStatusCode();

        var record = (await ava.GetFromJsonAsync<HealthRecord>("/api/portal/health-record", PortalClients.Json))!;
        Assert.Empty(record.Medications);
        Assert.Single(record.Allergies);
    }

    /// <summary>A practice of the test's own (its policy is the default, requireApproval) and Ava's record there.</summary>
    private async Task<(TestPractice Practice, TestPatient AvasRecord)> PracticeWithAvaAsync()
    {
        var practice = await app.NewPracticeAsync();
        return (practice, await practice.AddPatientAsync());
    }

    private async Task<HttpClient> SignedInPractitionerAsync(TestPractice practice) =>
        await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password);

    private static async Task<Profile> ProfileAsync(HttpClient patient) =>
        (await patient.GetFromJsonAsync<Profile>("/api/portal/profile", PortalClients.Json))!;

    private static async Task<Page<MyRequest>> MyRequestsAsync(HttpClient patient) =>
        (await patient.GetFromJsonAsync<Page<MyRequest>>("/api/portal/change-requests", PortalClients.Json))!;

    private sealed record Decided(string Status, string? DecidedBy);

    private sealed record MyRequest(string Status, string? Reason, string? DecidedBy);

    private sealed record Page<T>(IReadOnlyList<T> Items, int Total);

    private sealed record Profile(string? PreferredName, string? MobilePhone, string DateOfBirth);

    private sealed record Conflict(IReadOnlyList<string> Fields);

    private sealed record HealthRecord(IReadOnlyList<JsonElement> Allergies, IReadOnlyList<JsonElement> Medications);
}
