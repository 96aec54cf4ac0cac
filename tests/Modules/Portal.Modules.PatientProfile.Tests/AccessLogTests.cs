using System.Net;
using System.Net.Http.Json;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.PatientProfile.Tests;

/// <summary>Every read and change of a record by practice staff is in the patient's access log, which no one can change.</summary>
public sealed class AccessLogTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task The_patient_sees_who_read_and_changed_their_record_newest_first()
    {
        var practice = await app.NewPracticeAsync();
        var avasRecord = await practice.AddPatientAsync();
        var noahsRecord = await practice.AddNoahAsync();
        using var drLee = await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password);
        app.Clock.Advance(TimeSpan.FromSeconds(1));   // after the admin added the records
        using var ava = await practice.SignedInPatientAsync(avasRecord);
        var requestId = await ava.RequestChangeAsync(new { preferredName = "Avie" });
        using var admin = await practice.SignedInAdminAsync();

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        (await drLee.GetAsync($"/api/practice/patients/{avasRecord.Id}")).EnsureSuccessStatusCode();
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        (await admin.GetAsync($"/api/practice/patients/{avasRecord.Id}/health-record")).EnsureSuccessStatusCode();
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        (await drLee.PostAsync($"/api/practice/change-requests/{requestId}/approve", null)).EnsureSuccessStatusCode();
        (await drLee.GetAsync($"/api/practice/patients/{noahsRecord.Id}")).EnsureSuccessStatusCode();   // someone else's record

        using var response = await ava.GetAsync("/api/portal/access-log");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var log = (await response.Content.ReadFromJsonAsync<AccessLog>(PortalClients.Json))!;
        var entries = log.Items.Select(e => (Actor: e.ActorName, e.Action, e.Subject)).ToList();
        Assert.Equal(
            [("Sam Lee", "changeApproved", "profile"), ("Pat Admin", "viewed", "healthRecord"), ("Sam Lee", "viewed", "profile")],
            entries.Take(3).ToList());
        Assert.DoesNotContain(entries, e => e.Actor is null);
        Assert.Equal(log.Total, entries.Count);

        var practiceView = (await admin.GetFromJsonAsync<AccessLog>($"/api/practice/patients/{avasRecord.Id}/access-log?pageSize=2", PortalClients.Json))!;
        Assert.Equal(2, practiceView.Items.Count);
        Assert.Equal(log.Total, practiceView.Total);

        using var noah = await practice.SignedInPatientAsync(noahsRecord);
        var noahsLog = (await noah.GetFromJsonAsync<AccessLog>("/api/portal/access-log", PortalClients.Json))!;
        Assert.Equal(   // the view of his record, and the admin adding it
            [("Sam Lee", "viewed", "profile"), ("Pat Admin", "created", "profile")],
            noahsLog.Items.Select(e => (e.ActorName, e.Action, e.Subject)).ToList());
        Assert.Equal(2, noahsLog.Total);
    }

    [Fact]
    public async Task The_access_log_cannot_be_changed_through_the_api()
    {
        var practice = await app.NewPracticeAsync();
        var avasRecord = await practice.AddPatientAsync();
        app.Clock.Advance(TimeSpan.FromSeconds(1));   // after the admin added the record
        using var ava = await practice.SignedInPatientAsync(avasRecord);
        using var admin = await practice.SignedInAdminAsync();
        (await admin.GetAsync($"/api/practice/patients/{avasRecord.Id}")).EnsureSuccessStatusCode();

        foreach (var method in new[] { HttpMethod.Delete, HttpMethod.Put, HttpMethod.Post, HttpMethod.Patch })
        {
            using var patientAttempt = await ava.SendAsync(new HttpRequestMessage(method, "/api/portal/access-log") { Content = JsonContent.Create(new { }) });
            Assert.Equal(HttpStatusCode.MethodNotAllowed, patientAttempt.StatusCode);
            using var adminAttempt = await admin.SendAsync(new HttpRequestMessage(method, $"/api/practice/patients/{avasRecord.Id}/access-log")
            {
                Content = JsonContent.Create(new { }),
            });
            Assert.Equal(HttpStatusCode.MethodNotAllowed, adminAttempt.StatusCode);
        }

        var log = (await ava.GetFromJsonAsync<AccessLog>("/api/portal/access-log", PortalClients.Json))!;
        Assert.Equal([("viewed", "profile"), ("created", "profile")], log.Items.Select(e => (e.Action, e.Subject)).ToList());   // the view, and the record's creation
        Assert.Equal(2, log.Total);
    }

    private sealed record AccessLogEntry(string? ActorName, string Action, string Subject);

    private sealed record AccessLog(IReadOnlyList<AccessLogEntry> Items, int Total);
}
