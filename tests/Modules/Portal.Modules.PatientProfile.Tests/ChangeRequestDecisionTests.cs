using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Modules.Identity.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.PatientProfile.Tests;

/// <summary>Approving and rejecting a patient's change request: applied whole, conflicts named, decided once.</summary>
public sealed class ChangeRequestDecisionTests : IAsyncLifetime
{
    private readonly PortalApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Approving_applies_every_field_of_the_request()
    {
        using var ava = await _app.SignedInAvaAsync();
        var requestId = await ava.RequestChangeAsync(new { preferredName = "Avie", mobilePhone = "0499 111 222" });
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);

        using var response = await drLee.PostAsync($"/api/practice/change-requests/{requestId}/approve", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var decided = await response.JsonAsync();
        Assert.Equal("approved", decided.GetProperty("status").GetString());
        Assert.Equal("Sam Lee", decided.GetProperty("decidedBy").GetString());
        var profile = await (await ava.GetAsync("/api/portal/profile")).JsonAsync();
        Assert.Equal("Avie", profile.GetProperty("preferredName").GetString());
        Assert.Equal("+61499111222", profile.GetProperty("mobilePhone").GetString());
        var mine = (await (await ava.GetAsync("/api/portal/change-requests")).JsonAsync()).GetProperty("items")[0];
        Assert.Equal("approved", mine.GetProperty("status").GetString());
        Assert.Equal(0, (await (await drLee.GetAsync("/api/practice/change-requests?status=pending")).JsonAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Rejecting_records_the_reason_the_patient_then_sees()
    {
        using var ava = await _app.SignedInAvaAsync();
        var requestId = await ava.RequestChangeAsync(new { dateOfBirth = "1991-04-12" });
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);

        var noReason = await ProblemAssert.IsProblemAsync(
            await drLee.PostAsJsonAsync($"/api/practice/change-requests/{requestId}/reject", new { reason = " " }), HttpStatusCode.BadRequest, "validation.failed");
        Assert.NotEmpty(ProblemAssert.FieldErrors(noReason, "reason"));
        using var response = await drLee.PostAsJsonAsync($"/api/practice/change-requests/{requestId}/reject",
            new { reason = "Your date of birth matches your Medicare card; please call us if it is wrong." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var mine = (await (await ava.GetAsync("/api/portal/change-requests")).JsonAsync()).GetProperty("items")[0];
        Assert.Equal("rejected", mine.GetProperty("status").GetString());
        Assert.StartsWith("Your date of birth matches", mine.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("Sam Lee", mine.GetProperty("decidedBy").GetString());
        Assert.Equal("1990-04-12", (await (await ava.GetAsync("/api/portal/profile")).JsonAsync()).GetProperty("dateOfBirth").GetString());
    }

    [Fact]
    public async Task A_field_changed_since_the_request_is_a_named_conflict_unless_forced()
    {
        using var ava = await _app.SignedInAvaAsync();
        var requestId = await ava.RequestChangeAsync(new { mobilePhone = "0499 111 222", preferredName = "Avie" });
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        var current = await (await drLee.GetAsync($"/api/practice/patients/{Modules.PatientProfile.Contracts.DemoPatients.AvaNguyenId}")).JsonAsync();
        (await drLee.PutAsJsonAsync($"/api/practice/patients/{Modules.PatientProfile.Contracts.DemoPatients.AvaNguyenId}",
            PracticeEditTests.WithChanges(current, ("mobilePhone", "0400 000 000")))).EnsureSuccessStatusCode();

        var conflict = await ProblemAssert.IsProblemAsync(
            await drLee.PostAsync($"/api/practice/change-requests/{requestId}/approve", null), HttpStatusCode.Conflict, "change-requests.conflict");
        Assert.Equal("mobilePhone", Assert.Single(conflict.GetProperty("fields").EnumerateArray()).GetString());
        var unchanged = await (await ava.GetAsync("/api/portal/profile")).JsonAsync();
        Assert.Equal("+61400000000", unchanged.GetProperty("mobilePhone").GetString());
        Assert.Equal(JsonValueKind.Null, unchanged.GetProperty("preferredName").ValueKind);   // nothing of the request applied

        using var forced = await drLee.PostAsJsonAsync($"/api/practice/change-requests/{requestId}/approve", new { force = true });
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        var profile = await (await ava.GetAsync("/api/portal/profile")).JsonAsync();
        Assert.Equal("+61499111222", profile.GetProperty("mobilePhone").GetString());
        Assert.Equal("Avie", profile.GetProperty("preferredName").GetString());
    }

    [Fact]
    public async Task Deciding_twice_gives_one_decision_and_one_already_decided()
    {
        using var ava = await _app.SignedInAvaAsync();
        var requestId = await ava.RequestChangeAsync(new { preferredName = "Avie" });
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);

        (await drLee.PostAsync($"/api/practice/change-requests/{requestId}/approve", null)).EnsureSuccessStatusCode();
        await ProblemAssert.IsProblemAsync(await drLee.PostAsync($"/api/practice/change-requests/{requestId}/approve", null),
            HttpStatusCode.Conflict, "change-requests.already-decided");
        await ProblemAssert.IsProblemAsync(await drLee.PostAsJsonAsync($"/api/practice/change-requests/{requestId}/reject", new { reason = "No" }),
            HttpStatusCode.Conflict, "change-requests.already-decided");
        Assert.Equal("approved", (await (await ava.GetAsync("/api/portal/change-requests")).JsonAsync()).GetProperty("items")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Two_practitioners_deciding_at_once_get_one_decision_and_one_already_decided()
    {
        using var ava = await _app.SignedInAvaAsync();
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        using var admin = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        for (var round = 0; round < 5; round++)
        {
            var requestId = await ava.RequestChangeAsync(new { preferredName = $"Avie {round}" });

            var answers = await Task.WhenAll(
                drLee.PostAsync($"/api/practice/change-requests/{requestId}/approve", null),
                admin.PostAsJsonAsync($"/api/practice/change-requests/{requestId}/reject", new { reason = "Not needed" }));

            Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
            var loser = Assert.Single(answers, a => a.StatusCode != HttpStatusCode.OK);
            await ProblemAssert.IsProblemAsync(loser, HttpStatusCode.Conflict, "change-requests.already-decided");
            var status = (await (await ava.GetAsync("/api/portal/change-requests")).JsonAsync()).GetProperty("items")[0].GetProperty("status").GetString();
            var preferred = (await (await ava.GetAsync("/api/portal/profile")).JsonAsync()).GetProperty("preferredName");
            Assert.Equal(status == "approved", preferred.ValueKind == JsonValueKind.String && preferred.GetString() == $"Avie {round}");
        }
    }

    [Fact]
    public async Task Another_practice_cannot_see_or_decide_the_request()
    {
        using var ava = await _app.SignedInAvaAsync();
        var requestId = await ava.RequestChangeAsync(new { preferredName = "Avie" });
        using var summitAdmin = await _app.SignedInClientAsync(DemoData.SummitAdminEmail);

        Assert.Equal(0, (await (await summitAdmin.GetAsync("/api/practice/change-requests")).JsonAsync()).GetProperty("total").GetInt32());
        await ProblemAssert.IsProblemAsync(await summitAdmin.PostAsync($"/api/practice/change-requests/{requestId}/approve", null),
            HttpStatusCode.NotFound, "change-requests.not-found");
        await ProblemAssert.IsProblemAsync(await summitAdmin.PostAsJsonAsync($"/api/practice/change-requests/{requestId}/reject", new { reason = "x" }),
            HttpStatusCode.NotFound, "change-requests.not-found");
        await ProblemAssert.IsProblemAsync(await ava.PostAsync($"/api/practice/change-requests/{requestId}/approve", null),
            HttpStatusCode.Forbidden, "auth.forbidden");
        Assert.Equal("pending", (await (await ava.GetAsync("/api/portal/change-requests")).JsonAsync()).GetProperty("items")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_approved_health_record_change_replaces_the_list()
    {
        using var ava = await _app.SignedInAvaAsync();
        var requestId = await ava.RequestChangeAsync(new { medications = Array.Empty<object>() }, "/api/portal/health-record");
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);

        (await drLee.PostAsync($"/api/practice/change-requests/{requestId}/approve", null)).EnsureSuccessStatusCode();

        var record = await (await ava.GetAsync("/api/portal/health-record")).JsonAsync();
        Assert.Equal(0, record.GetProperty("medications").GetArrayLength());
        Assert.Equal(1, record.GetProperty("allergies").GetArrayLength());
    }
}
