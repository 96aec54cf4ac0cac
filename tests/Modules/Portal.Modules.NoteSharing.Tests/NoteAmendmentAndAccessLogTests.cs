using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.NoteSharing.Contracts;
using Portal.Modules.NoteSharing.Data;
using Portal.Modules.NoteSharing.Domain;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.NoteSharing.Tests;

/// <summary>Notes are amended, never edited; every read is recorded for the author, the admins and the patient.</summary>
public sealed class NoteAmendmentAndAccessLogTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task An_amendment_is_a_new_revision_shown_after_the_unchanged_original()
    {
        var practice = await app.NewPracticeAsync();
        var patient = await practice.AddPatientAsync();
        var drLeeEmail = await practice.AddPractitionerAsync();
        await practice.SetNoteSharingAsync(true);
        using var drLee = await app.SignedInClientAsync(drLeeEmail, TestPractice.Password);
        using var admin = await practice.SignedInAdminAsync();
        var note = await drLee.WriteNoteAsync(patient.Id, "group", "Prescribed 10 mg.");

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        using var first = await drLee.PostAsJsonAsync($"/api/practice/notes/{note}/amendments", new { body = "Correction: 5 mg." });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var firstAmendment = (await first.Content.ReadFromJsonAsync<Note>(PortalClients.Json))!.Amendments[0].Id;
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        using var drLeeAgain = await app.SignedInClientAsync(drLeeEmail, TestPractice.Password);
        (await drLeeAgain.PostAsJsonAsync($"/api/practice/notes/{firstAmendment}/amendments", new { body = "Reviewed at follow-up." })).EnsureSuccessStatusCode();

        using var adminAgain = await practice.SignedInAdminAsync();
        var read = (await adminAgain.GetFromJsonAsync<Note>($"/api/practice/notes/{firstAmendment}", PortalClients.Json))!;
        Assert.Equal(note, read.Id);
        Assert.Equal("Prescribed 10 mg.", read.Body);
        Assert.Equal("Sam Lee", read.Author!.Name);
        var amendments = read.Amendments;
        Assert.Equal(["Correction: 5 mg.", "Reviewed at follow-up."], amendments.Select(a => a.Body).ToArray());
        Assert.Equal([2, 3], amendments.Select(a => a.Revision).ToArray());
        Assert.True(amendments[0].CreatedAt < amendments[1].CreatedAt);

        var readers = (await drLeeAgain.GetFromJsonAsync<AccessLog>($"/api/practice/notes/{note}/access-log", PortalClients.Json))!;
        Assert.Equal(1, readers.Total);   // one read of a note with three revisions
        var list = (await adminAgain.GetFromJsonAsync<NotePage>($"/api/practice/patients/{patient.Id}/notes", PortalClients.Json))!;
        Assert.Equal(1, list.Total);   // one note, with its amendments
        Assert.Equal(2, list.Items[0].Amendments.Count);

        await ProblemAssert.IsProblemAsync(await adminAgain.PostAsJsonAsync($"/api/practice/notes/{note}/amendments", new { body = "Mine now" }),
            HttpStatusCode.Forbidden, "notes.not-author");
        await ProblemAssert.IsProblemAsync(await drLeeAgain.PutAsJsonAsync($"/api/practice/notes/{note}", new { body = "Edited" }),
            HttpStatusCode.MethodNotAllowed, "method-not-allowed");
    }

    [Fact]
    public async Task Every_read_is_recorded_and_shown_to_the_author_the_admins_and_the_patient()
    {
        var practice = await app.NewPracticeAsync();
        var patient = await practice.AddPatientAsync();
        var drLeeEmail = await practice.AddPractitionerAsync();
        await practice.SetNoteSharingAsync(true);
        using var drLee = await app.SignedInClientAsync(drLeeEmail, TestPractice.Password);
        using var admin = await practice.SignedInAdminAsync();
        var leesNote = await drLee.WriteNoteAsync(patient.Id, "group");
        var adminsNote = await admin.WriteNoteAsync(patient.Id, "group");

        (await admin.GetAsync($"/api/practice/notes/{leesNote}")).EnsureSuccessStatusCode();
        (await admin.GetAsync($"/api/practice/patients/{patient.Id}/notes")).EnsureSuccessStatusCode();   // reads both
        (await drLee.GetAsync($"/api/practice/notes/{adminsNote}")).EnsureSuccessStatusCode();

        var asAuthor = (await drLee.GetFromJsonAsync<AccessLog>($"/api/practice/notes/{leesNote}/access-log", PortalClients.Json))!;
        Assert.Equal(2, asAuthor.Total);
        Assert.All(asAuthor.Items, e => Assert.Equal("Pat Admin", e.ReaderName));
        var asAdmin = (await admin.GetFromJsonAsync<AccessLog>($"/api/practice/notes/{leesNote}/access-log", PortalClients.Json))!;
        Assert.Equal(2, asAdmin.Total);
        await ProblemAssert.IsProblemAsync(await drLee.GetAsync($"/api/practice/notes/{adminsNote}/access-log"),
            HttpStatusCode.Forbidden, "notes.access-log-forbidden");   // a colleague who is neither author nor admin

        // A private note's existence does not show in the practice-side patient log (only in the patient's own).
        _ = await admin.WriteNoteAsync(patient.Id, "private", "Private thought.");
        await app.RunMessagingAsync();
        var practiceLog = (await drLee.GetFromJsonAsync<RecordLog>($"/api/practice/patients/{patient.Id}/access-log", PortalClients.Json))!;
        Assert.DoesNotContain(practiceLog.Items, e => e.Subject == "notes");

        using var ava = await practice.SignedInPatientAsync(patient);
        await app.RunMessagingAsync();
        var log = (await ava.GetFromJsonAsync<RecordLog>("/api/portal/access-log", PortalClients.Json))!;
        var noteEntries = log.Items.Where(e => e.Subject == "notes").ToList();
        Assert.Equal(3, noteEntries.Count(e => e.Action == "created"));
        Assert.Equal(2, noteEntries.Count(e => e.Action == "viewed" && e.ActorName == "Pat Admin"));
        Assert.Equal(1, noteEntries.Count(e => e.Action == "viewed" && e.ActorName == "Sam Lee"));
    }

    [Fact]
    public async Task A_patient_with_thousands_of_notes_is_read_page_by_page()
    {
        const int notes = 3_000;
        var practice = await app.NewPracticeAsync();
        var noah = await practice.AddPatientAsync();
        Guid drLeeId;
        using (var drLee = await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password))
        {
            drLeeId = (await drLee.GetFromJsonAsync<Me>("/api/me", PortalClients.Json))!.UserId;
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NoteSharingDbContext>();
            var start = app.Clock.GetUtcNow().AddDays(-notes);
            for (var i = 0; i < notes; i++)
            {
                db.Notes.Add(ClinicalNote.Write(practice.Id, noah.Id, drLeeId, "Sam Lee",
                    i % 3 == 0 ? NoteVisibility.Private : NoteVisibility.Group, $"Note {i}", start.AddDays(i)));
            }

            await db.SaveChangesAsync();
        }

        await practice.SetNoteSharingAsync(true);
        using var admin = await practice.SignedInAdminAsync();

        var first = (await admin.GetFromJsonAsync<NotePage>($"/api/practice/patients/{noah.Id}/notes?pageSize=200", PortalClients.Json))!;
        Assert.Equal(2_000, first.Total);   // the 1,000 private notes are not counted
        Assert.Equal(200, first.Items.Count);
        Assert.Equal("Note 2999", first.Items[0].Body);   // 2999 % 3 != 0: newest group note
        var last = (await admin.GetFromJsonAsync<NotePage>($"/api/practice/patients/{noah.Id}/notes?pageSize=200&page=10", PortalClients.Json))!;
        Assert.Equal(200, last.Items.Count);
        Assert.Equal("Note 1", last.Items[199].Body);
        var beyond = (await admin.GetFromJsonAsync<NotePage>($"/api/practice/patients/{noah.Id}/notes?pageSize=200&page=11", PortalClients.Json))!;
        Assert.Empty(beyond.Items);
    }

    private sealed record Me(Guid UserId);

    private sealed record Author(string Name);

    private sealed record Amendment(Guid Id, string Body, int Revision, DateTimeOffset CreatedAt);

    private sealed record Note(Guid Id, string Body, Author? Author, List<Amendment> Amendments);

    private sealed record NotePage(int Total, List<Note> Items);

    private sealed record Reader(string ReaderName);

    private sealed record AccessLog(int Total, List<Reader> Items);

    private sealed record LogEntry(string Subject, string Action, string? ActorName);

    private sealed record RecordLog(List<LogEntry> Items);
}
