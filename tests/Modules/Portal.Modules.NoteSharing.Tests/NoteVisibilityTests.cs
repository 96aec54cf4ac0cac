using System.Net;
using System.Net.Http.Json;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.NoteSharing.Tests;

/// <summary>
/// Who reads which note: author / colleague / admin / another group / patient × group / private × sharing on / off.
/// A note the reader may not see is a 404 and is never counted.
/// </summary>
public sealed class NoteVisibilityTests : IAsyncLifetime
{
    private readonly PortalApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_whole_visibility_matrix()
    {
        var patient = DemoPatients.AvaNguyenId;
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);          // a plain practitioner
        using var admin = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);   // a practice admin
        using var summit = await _app.SignedInClientAsync(DemoData.SummitAdminEmail);   // another group's admin
        var notes = new Dictionary<string, Guid>
        {
            ["lee/group"] = await drLee.WriteNoteAsync(patient, "group"),
            ["lee/private"] = await drLee.WriteNoteAsync(patient, "private"),
            ["admin/group"] = await admin.WriteNoteAsync(patient, "group"),
            ["admin/private"] = await admin.WriteNoteAsync(patient, "private"),
        };
        var readers = new Dictionary<string, HttpClient> { ["lee"] = drLee, ["admin"] = admin, ["summit"] = summit };

        foreach (var sharing in new[] { false, true, false, true })   // off hides at once, on shows again
        {
            await _app.SetNoteSharingAsync(sharing);
            foreach (var (reader, client) in readers)
            {
                var expected = notes.Where(n => MayRead(reader, n.Key, sharing)).Select(n => n.Value).ToHashSet();
                foreach (var (name, id) in notes)
                {
                    using var response = await client.GetAsync($"/api/practice/notes/{id}");
                    if (expected.Contains(id))
                    {
                        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{reader} should read {name} (sharing {sharing})");
                    }
                    else
                    {
                        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "notes.not-found");
                    }
                }

                using var list = await client.GetAsync($"/api/practice/patients/{patient}/notes");
                if (reader == "summit")
                {
                    await ProblemAssert.IsProblemAsync(list, HttpStatusCode.NotFound, "patients.not-found");
                    continue;
                }

                var page = await list.JsonAsync();
                Assert.Equal(expected.Count, page.GetProperty("total").GetInt32());
                Assert.Equal(expected, page.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("id").GetGuid()).ToHashSet());
            }
        }
    }

    [Fact]
    public async Task Patients_see_no_notes_even_their_own()
    {
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        var note = await drLee.WriteNoteAsync(DemoPatients.AvaNguyenId, "group");
        await _app.LinkPatientRecordAsync("ava@example.test", "Ava's own long passphrase", DemoPatients.AvaNguyenId, DemoData.HarbourHealthId);
        using var ava = await _app.SignedInClientAsync("ava@example.test", "Ava's own long passphrase");

        await ProblemAssert.IsProblemAsync(await ava.GetAsync($"/api/practice/notes/{note}"), HttpStatusCode.Forbidden, "auth.forbidden");
        await ProblemAssert.IsProblemAsync(await ava.GetAsync($"/api/practice/patients/{DemoPatients.AvaNguyenId}/notes"), HttpStatusCode.Forbidden, "auth.forbidden");
        await ProblemAssert.IsProblemAsync(await ava.PostAsJsonAsync($"/api/practice/patients/{DemoPatients.AvaNguyenId}/notes", new { body = "x", visibility = "group" }),
            HttpStatusCode.Forbidden, "auth.forbidden");
        using var anonymous = _app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/practice/notes/{note}")).StatusCode);
    }

    [Fact]
    public async Task Another_group_can_neither_write_nor_amend_nor_audit()
    {
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        var note = await drLee.WriteNoteAsync(DemoPatients.AvaNguyenId, "group");
        await _app.SetNoteSharingAsync(true);
        using var summit = await _app.SignedInClientAsync(DemoData.SummitAdminEmail);

        await ProblemAssert.IsProblemAsync(await summit.PostAsJsonAsync($"/api/practice/patients/{DemoPatients.AvaNguyenId}/notes",
            new { body = "x", visibility = "group" }), HttpStatusCode.NotFound, "patients.not-found");
        await ProblemAssert.IsProblemAsync(await summit.PostAsJsonAsync($"/api/practice/notes/{note}/amendments", new { body = "x" }),
            HttpStatusCode.NotFound, "notes.not-found");
        await ProblemAssert.IsProblemAsync(await summit.GetAsync($"/api/practice/notes/{note}/access-log"), HttpStatusCode.NotFound, "notes.not-found");
    }

    [Fact]
    public async Task A_note_needs_a_body_and_a_visibility()
    {
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);

        var problem = await ProblemAssert.IsProblemAsync(
            await drLee.PostAsJsonAsync($"/api/practice/patients/{DemoPatients.AvaNguyenId}/notes", new { body = " " }),
            HttpStatusCode.BadRequest, "validation.failed");
        Assert.NotEmpty(ProblemAssert.FieldErrors(problem, "body"));
        Assert.NotEmpty(ProblemAssert.FieldErrors(problem, "visibility"));
        await ProblemAssert.IsProblemAsync(
            await drLee.PostAsJsonAsync($"/api/practice/patients/{DemoPatients.AvaNguyenId}/notes", new { body = "x", visibility = "public" }),
            HttpStatusCode.BadRequest, "request.invalid-json");
    }

    private static bool MayRead(string reader, string note, bool sharing)
    {
        var (author, visibility) = (note.Split('/')[0], note.Split('/')[1]);
        return reader != "summit" && (reader == author || (visibility == "group" && sharing));
    }
}
