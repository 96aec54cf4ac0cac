using System.Net;
using System.Net.Http.Json;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Invitations.Tests;

public sealed class BulkInvitationTests : IAsyncLifetime
{
    private readonly PortalApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_bulk_invitation_answers_at_once_with_what_it_skipped_and_why()
    {
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        (await drLee.InviteAsync(DemoPatients.NoahSmithId)).Dispose();

        using var response = await drLee.PostAsJsonAsync("/api/practice/invitations/bulk", new
        {
            patientIds = new[] { DemoPatients.AvaNguyenId, DemoPatients.NoahSmithId, DemoPatients.LiamWilsonId, DemoPatients.JackTaylorId, DemoPatients.AvaNguyenId },
        });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(1, body.GetProperty("accepted").GetInt32());
        var skipped = body.GetProperty("skipped").EnumerateArray().ToDictionary(s => s.GetProperty("patientId").GetGuid(), s => s.GetProperty("code").GetString());
        Assert.Equal("invitations.pending-exists", skipped[DemoPatients.NoahSmithId]);
        Assert.Equal("invitations.email-required", skipped[DemoPatients.LiamWilsonId]);
        Assert.Equal("patients.not-found", skipped[DemoPatients.JackTaylorId]);   // another group's patient
        Assert.Equal($"/api/practice/invitations/bulk/{body.GetProperty("id").GetGuid()}", response.Headers.Location!.OriginalString);

        using var summit = await _app.SignedInClientAsync(DemoData.SummitAdminEmail);
        await ProblemAssert.IsProblemAsync(await summit.GetAsync(response.Headers.Location!.OriginalString), HttpStatusCode.NotFound, "invitations.bulk-not-found");
    }

    [Fact]
    public async Task A_bulk_invitation_of_1000_patients_completes_and_sends_exactly_1000_emails()
    {
        using var admin = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        var patientIds = new List<Guid>();
        for (var n = 0; n < 1000; n++)
        {
            using var created = await admin.PostAsJsonAsync("/api/practice/patients",
                new { givenName = "Patient", familyName = $"Number{n:D4}", dateOfBirth = "1980-01-01", email = $"patient{n:D4}@example.test" });
            patientIds.Add((await created.JsonAsync()).GetProperty("id").GetGuid());
        }

        using var response = await admin.PostAsJsonAsync("/api/practice/invitations/bulk", new { patientIds });
        var body = await response.JsonAsync();
        Assert.Equal(1000, body.GetProperty("accepted").GetInt32());
        Assert.Equal(0, body.GetProperty("skipped").GetArrayLength());
        var progressUrl = response.Headers.Location!.OriginalString;
        var before = await (await admin.GetAsync(progressUrl)).JsonAsync();
        Assert.Equal(0, before.GetProperty("sent").GetInt32());

        await _app.RunJobAsync("invitations.bulk-send");
        await _app.RunJobAsync("invitations.bulk-send");   // run twice: nothing is sent twice
        await _app.RunMessagingAsync();
        await _app.RunMessagingAsync();

        var progress = await (await admin.GetAsync(progressUrl)).JsonAsync();
        Assert.Equal(1000, progress.GetProperty("total").GetInt32());
        Assert.Equal(1000, progress.GetProperty("sent").GetInt32());
        Assert.Equal(0, progress.GetProperty("failed").GetInt32());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, progress.GetProperty("completedAt").ValueKind);
        Assert.Equal(1000, await _app.MailboxCountAsync("Harbour Health invites you"));
        Assert.Equal(1000, (await (await admin.GetAsync("/api/practice/invitations?status=pending&pageSize=1")).JsonAsync()).GetProperty("total").GetInt32());
    }
}
