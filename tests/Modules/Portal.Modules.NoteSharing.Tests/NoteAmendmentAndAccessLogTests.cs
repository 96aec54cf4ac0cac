using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.NoteSharing.Contracts;
using Portal.Modules.NoteSharing.Data;
using Portal.Modules.NoteSharing.Domain;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.NoteSharing.Tests;

/// <summary>Notes are amended, never edited; every read is recorded for the author, the admins and the patient.</summary>
public sealed class NoteAmendmentAndAccessLogTests : IAsyncLifetime
{
    private readonly PortalApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_amendment_is_a_new_revision_shown_after_the_unchanged_original()
    {
        await _app.SetNoteSharingAsync(true);
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        using var admin = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        var note = await drLee.WriteNoteAsync(DemoPatients.AvaNguyenId, "group", "Prescribed 10 mg.");

        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        using var first = await drLee.PostAsJsonAsync($"/api/practice/notes/{note}/amendments", new { body = "Correction: 5 mg." });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var firstAmendment = (await first.JsonAsync()).GetProperty("amendments")[0].GetProperty("id").GetGuid();
        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        using var drLeeAgain = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        (await drLeeAgain.PostAsJsonAsync($"/api/practice/notes/{firstAmendment}/amendments", new { body = "Reviewed at follow-up." })).EnsureSuccessStatusCode();

        using var adminAgain = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        var read = await (await adminAgain.GetAsync($"/api/practice/notes/{firstAmendment}")).JsonAsync();
        Assert.Equal(note, read.GetProperty("id").GetGuid());
        Assert.Equal("Prescribed 10 mg.", read.GetProperty("body").GetString());
        Assert.Equal("Sam Lee", read.GetProperty("author").GetProperty("name").GetString());
        var amendments = read.GetProperty("amendments").EnumerateArray().ToList();
        Assert.Equal(["Correction: 5 mg.", "Reviewed at follow-up."], amendments.Select(a => a.GetProperty("body").GetString()!).ToArray());
        Assert.Equal([2, 3], amendments.Select(a => a.GetProperty("revision").GetInt32()).ToArray());
        Assert.True(amendments[0].GetProperty("createdAt").GetDateTimeOffset() < amendments[1].GetProperty("createdAt").GetDateTimeOffset());

        var readers = await (await drLeeAgain.GetAsync($"/api/practice/notes/{note}/access-log")).JsonAsync();
        Assert.Equal(1, readers.GetProperty("total").GetInt32());   // one read of a note with three revisions
        var list = await (await adminAgain.GetAsync($"/api/practice/patients/{DemoPatients.AvaNguyenId}/notes")).JsonAsync();
        Assert.Equal(1, list.GetProperty("total").GetInt32());   // one note, with its amendments
        Assert.Equal(2, list.GetProperty("items")[0].GetProperty("amendments").GetArrayLength());

        await ProblemAssert.IsProblemAsync(await adminAgain.PostAsJsonAsync($"/api/practice/notes/{note}/amendments", new { body = "Mine now" }),
            HttpStatusCode.Forbidden, "notes.not-author");
        await ProblemAssert.IsProblemAsync(await drLeeAgain.PutAsJsonAsync($"/api/practice/notes/{note}", new { body = "Edited" }),
            HttpStatusCode.MethodNotAllowed, "method-not-allowed");
    }

    [Fact]
    public async Task Every_read_is_recorded_and_shown_to_the_author_the_admins_and_the_patient()
    {
        await _app.SetNoteSharingAsync(true);
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        using var admin = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        var leesNote = await drLee.WriteNoteAsync(DemoPatients.AvaNguyenId, "group");
        var adminsNote = await admin.WriteNoteAsync(DemoPatients.AvaNguyenId, "group");

        (await admin.GetAsync($"/api/practice/notes/{leesNote}")).EnsureSuccessStatusCode();
        (await admin.GetAsync($"/api/practice/patients/{DemoPatients.AvaNguyenId}/notes")).EnsureSuccessStatusCode();   // reads both
        (await drLee.GetAsync($"/api/practice/notes/{adminsNote}")).EnsureSuccessStatusCode();

        var asAuthor = await (await drLee.GetAsync($"/api/practice/notes/{leesNote}/access-log")).JsonAsync();
        Assert.Equal(2, asAuthor.GetProperty("total").GetInt32());
        Assert.All(asAuthor.GetProperty("items").EnumerateArray(), e => Assert.Equal("Alex Morgan", e.GetProperty("readerName").GetString()));
        var asAdmin = await (await admin.GetAsync($"/api/practice/notes/{leesNote}/access-log")).JsonAsync();
        Assert.Equal(2, asAdmin.GetProperty("total").GetInt32());
        await ProblemAssert.IsProblemAsync(await drLee.GetAsync($"/api/practice/notes/{adminsNote}/access-log"),
            HttpStatusCode.Forbidden, "notes.access-log-forbidden");   // a colleague who is neither author nor admin

        // A private note's existence does not show in the practice-side patient log (only in the patient's own).
        _ = await admin.WriteNoteAsync(DemoPatients.AvaNguyenId, "private", "Private thought.");
        await _app.RunMessagingAsync();
        var practiceLog = await (await drLee.GetAsync($"/api/practice/patients/{DemoPatients.AvaNguyenId}/access-log")).JsonAsync();
        Assert.DoesNotContain(practiceLog.GetProperty("items").EnumerateArray(), e => e.GetProperty("subject").GetString() == "notes");

        await _app.LinkPatientRecordAsync("ava@example.test", "Ava's own long passphrase", DemoPatients.AvaNguyenId, DemoData.HarbourHealthId);
        await _app.RunMessagingAsync();
        using var ava = await _app.SignedInClientAsync("ava@example.test", "Ava's own long passphrase");
        var log = await (await ava.GetAsync("/api/portal/access-log")).JsonAsync();
        var noteEntries = log.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("subject").GetString() == "notes").ToList();
        Assert.Equal(3, noteEntries.Count(e => e.GetProperty("action").GetString() == "created"));
        Assert.Equal(2, noteEntries.Count(e => e.GetProperty("action").GetString() == "viewed" && e.GetProperty("actorName").GetString() == "Alex Morgan"));
        Assert.Equal(1, noteEntries.Count(e => e.GetProperty("action").GetString() == "viewed" && e.GetProperty("actorName").GetString() == "Sam Lee"));
    }

    [Fact]
    public async Task A_patient_with_thousands_of_notes_is_read_page_by_page()
    {
        const int notes = 3_000;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NoteSharingDbContext>();
            var start = _app.Clock.GetUtcNow().AddDays(-notes);
            for (var i = 0; i < notes; i++)
            {
                db.Notes.Add(ClinicalNote.Write(DemoData.HarbourHealthId, DemoPatients.NoahSmithId, DemoData.DrLeeId, "Sam Lee",
                    i % 3 == 0 ? NoteVisibility.Private : NoteVisibility.Group, $"Note {i}", start.AddDays(i)));
            }

            await db.SaveChangesAsync();
        }

        await _app.SetNoteSharingAsync(true);
        using var admin = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);

        var first = await (await admin.GetAsync($"/api/practice/patients/{DemoPatients.NoahSmithId}/notes?pageSize=200")).JsonAsync();
        Assert.Equal(2_000, first.GetProperty("total").GetInt32());   // the 1,000 private notes are not counted
        Assert.Equal(200, first.GetProperty("items").GetArrayLength());
        Assert.Equal("Note 2999", first.GetProperty("items")[0].GetProperty("body").GetString());   // 2999 % 3 != 0: newest group note
        var last = await (await admin.GetAsync($"/api/practice/patients/{DemoPatients.NoahSmithId}/notes?pageSize=200&page=10")).JsonAsync();
        Assert.Equal(200, last.GetProperty("items").GetArrayLength());
        Assert.Equal("Note 1", last.GetProperty("items")[199].GetProperty("body").GetString());
        var beyond = await (await admin.GetAsync($"/api/practice/patients/{DemoPatients.NoahSmithId}/notes?pageSize=200&page=11")).JsonAsync();
        Assert.Equal(0, beyond.GetProperty("items").GetArrayLength());
    }
}
