using System.Net;
using System.Net.Http.Json;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.NoteSharing.Tests;

/// <summary>
/// Who reads which note: author / colleague / admin / another group / patient × group / private × sharing on / off.
/// A note the reader may not see is a 404 and is never counted.
/// </summary>
public sealed class NoteVisibilityTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task The_whole_visibility_matrix()
    {
        var practice = await app.NewPracticeAsync();
        var patient = (await practice.AddPatientAsync()).Id;
        using var drLee = await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password);   // a plain practitioner
        using var admin = await practice.SignedInAdminAsync();                                                            // a practice admin
        using var summit = await (await app.NewPracticeAsync()).SignedInAdminAsync();                                     // another group's admin
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
            await practice.SetNoteSharingAsync(sharing);
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

                var page = (await list.Content.ReadFromJsonAsync<NotePage>(PortalClients.Json))!;
                Assert.Equal(expected.Count, page.Total);
                Assert.Equal(expected, page.Items.Select(n => n.Id).ToHashSet());
            }
        }
    }

    [Fact]
    public async Task Patients_see_no_notes_even_their_own()
    {
        var practice = await app.NewPracticeAsync();
        var avaRecord = await practice.AddPatientAsync();
        using var drLee = await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password);
        var note = await drLee.WriteNoteAsync(avaRecord.Id, "group");
        using var ava = await practice.SignedInPatientAsync(avaRecord);

        await ProblemAssert.IsProblemAsync(await ava.GetAsync($"/api/practice/notes/{note}"), HttpStatusCode.Forbidden, "auth.forbidden");
        await ProblemAssert.IsProblemAsync(await ava.GetAsync($"/api/practice/patients/{avaRecord.Id}/notes"), HttpStatusCode.Forbidden, "auth.forbidden");
        await ProblemAssert.IsProblemAsync(await ava.PostAsJsonAsync($"/api/practice/patients/{avaRecord.Id}/notes", new { body = "x", visibility = "group" }),
            HttpStatusCode.Forbidden, "auth.forbidden");
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/practice/notes/{note}")).StatusCode);
    }

    [Fact]
    public async Task Another_group_can_neither_write_nor_amend_nor_audit()
    {
        var practice = await app.NewPracticeAsync();
        var avaRecord = await practice.AddPatientAsync();
        using var drLee = await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password);
        var note = await drLee.WriteNoteAsync(avaRecord.Id, "group");
        await practice.SetNoteSharingAsync(true);
        using var summit = await (await app.NewPracticeAsync()).SignedInAdminAsync();

        await ProblemAssert.IsProblemAsync(await summit.PostAsJsonAsync($"/api/practice/patients/{avaRecord.Id}/notes",
            new { body = "x", visibility = "group" }), HttpStatusCode.NotFound, "patients.not-found");
        await ProblemAssert.IsProblemAsync(await summit.PostAsJsonAsync($"/api/practice/notes/{note}/amendments", new { body = "x" }),
            HttpStatusCode.NotFound, "notes.not-found");
        await ProblemAssert.IsProblemAsync(await summit.GetAsync($"/api/practice/notes/{note}/access-log"), HttpStatusCode.NotFound, "notes.not-found");
    }

    [Fact]
    public async Task A_note_needs_a_body_and_a_visibility()
    {
        var practice = await app.NewPracticeAsync();
        var avaRecord = await practice.AddPatientAsync();
        using var drLee = await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password);

        var problem = await ProblemAssert.IsProblemAsync(
            await drLee.PostAsJsonAsync($"/api/practice/patients/{avaRecord.Id}/notes", new { body = " " }),
            HttpStatusCode.BadRequest, "validation.failed");
        Assert.NotEmpty(ProblemAssert.FieldErrors(problem, "body"));
        Assert.NotEmpty(ProblemAssert.FieldErrors(problem, "visibility"));
        await ProblemAssert.IsProblemAsync(
            await drLee.PostAsJsonAsync($"/api/practice/patients/{avaRecord.Id}/notes", new { body = "x", visibility = "public" }),
            HttpStatusCode.BadRequest, "request.invalid-json");
    }

    private static bool MayRead(string reader, string note, bool sharing)
    {
        var (author, visibility) = (note.Split('/')[0], note.Split('/')[1]);
        return reader != "summit" && (reader == author || (visibility == "group" && sharing));
    }

    private sealed record NoteId(Guid Id);

    private sealed record NotePage(int Total, List<NoteId> Items);
}
