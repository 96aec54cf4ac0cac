using System.Net;
using System.Net.Http.Json;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.PatientProfile.Tests;

/// <summary>Every read and change of a record by practice staff is in the patient's access log, which no one can change.</summary>
public sealed class AccessLogTests : IAsyncLifetime
{
    private readonly PortalApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_patient_sees_who_read_and_changed_their_record_newest_first()
    {
        using var ava = await _app.SignedInAvaAsync();
        var requestId = (await (await ava.PatchAsJsonAsync("/api/portal/profile", new { preferredName = "Avie" })).JsonAsync()).GetProperty("changeRequestId").GetGuid();
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        using var admin = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);

        _app.Clock.Advance(TimeSpan.FromSeconds(1));
        (await drLee.GetAsync($"/api/practice/patients/{DemoPatients.AvaNguyenId}")).EnsureSuccessStatusCode();
        _app.Clock.Advance(TimeSpan.FromSeconds(1));
        (await admin.GetAsync($"/api/practice/patients/{DemoPatients.AvaNguyenId}/health-record")).EnsureSuccessStatusCode();
        _app.Clock.Advance(TimeSpan.FromSeconds(1));
        (await drLee.PostAsync($"/api/practice/change-requests/{requestId}/approve", null)).EnsureSuccessStatusCode();
        (await drLee.GetAsync($"/api/practice/patients/{DemoPatients.NoahSmithId}")).EnsureSuccessStatusCode();   // someone else's record

        using var response = await ava.GetAsync("/api/portal/access-log");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var log = await response.JsonAsync();
        var entries = log.GetProperty("items").EnumerateArray()
            .Select(e => (Actor: e.GetProperty("actorName").GetString(), Action: e.GetProperty("action").GetString(), Subject: e.GetProperty("subject").GetString()))
            .ToList();
        Assert.Equal(
            [("Sam Lee", "changeApproved", "profile"), ("Alex Morgan", "viewed", "healthRecord"), ("Sam Lee", "viewed", "profile")],
            entries.Take(3).ToList());
        Assert.DoesNotContain(entries, e => e.Actor is null);
        Assert.Equal(log.GetProperty("total").GetInt32(), entries.Count);

        var practiceView = await (await admin.GetAsync($"/api/practice/patients/{DemoPatients.AvaNguyenId}/access-log?pageSize=2")).JsonAsync();
        Assert.Equal(2, practiceView.GetProperty("items").GetArrayLength());
        Assert.Equal(log.GetProperty("total").GetInt32(), practiceView.GetProperty("total").GetInt32());

        using var noah = await _app.SignedInNoahAsync();
        var noahsLog = await (await noah.GetAsync("/api/portal/access-log")).JsonAsync();
        Assert.All(noahsLog.GetProperty("items").EnumerateArray(), e => Assert.Equal("Sam Lee", e.GetProperty("actorName").GetString()));
        Assert.Equal(1, noahsLog.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_access_log_cannot_be_changed_through_the_api()
    {
        using var ava = await _app.SignedInAvaAsync();
        using var admin = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        (await admin.GetAsync($"/api/practice/patients/{DemoPatients.AvaNguyenId}")).EnsureSuccessStatusCode();

        foreach (var method in new[] { HttpMethod.Delete, HttpMethod.Put, HttpMethod.Post, HttpMethod.Patch })
        {
            using var patientAttempt = await ava.SendAsync(new HttpRequestMessage(method, "/api/portal/access-log") { Content = JsonContent.Create(new { }) });
            Assert.Equal(HttpStatusCode.MethodNotAllowed, patientAttempt.StatusCode);
            using var adminAttempt = await admin.SendAsync(new HttpRequestMessage(method, $"/api/practice/patients/{DemoPatients.AvaNguyenId}/access-log")
            {
                Content = JsonContent.Create(new { }),
            });
            Assert.Equal(HttpStatusCode.MethodNotAllowed, adminAttempt.StatusCode);
        }

        Assert.Equal(1, (await (await ava.GetAsync("/api/portal/access-log")).JsonAsync()).GetProperty("total").GetInt32());
    }
}
