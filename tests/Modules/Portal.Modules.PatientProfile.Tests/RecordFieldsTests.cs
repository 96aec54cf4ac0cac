using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.PatientProfile.Tests;

/// <summary>
/// How the API names the record and its changes for people: one vocabulary with each field's label (the same words
/// the notifications use), and a list of the health record changed entry by entry, never as two whole lists.
/// </summary>
public sealed class RecordFieldsTests(PortalApp app) : IClassFixture<PortalApp>
{
    private sealed record Term(string Name, string Label, string Heading);

    private sealed record Part(string Name, string Label, string Heading, IReadOnlyList<Term> Fields);

    private sealed record Vocabulary(IReadOnlyList<Part> Parts);

    private sealed record EntryChange(string Change, JsonObject? From, JsonObject? To);

    private sealed record FieldChange(string Field, JsonNode? From, JsonNode? To, IReadOnlyList<EntryChange>? Entries);

    private sealed record ChangeRequest(Guid Id, string Subject, string Status, IReadOnlyList<FieldChange> Changes);

    private sealed record Version(string Source, Guid? ChangeRequestId, IReadOnlyList<FieldChange> Changes);

    private sealed record Page<T>(IReadOnlyList<T> Items, int Total);

    [Fact]
    public async Task Every_signed_in_account_reads_the_records_parts_and_fields_with_their_labels_in_form_order()
    {
        var practice = await app.NewPracticeAsync();
        using var drLee = await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password);
        using var ava = await practice.SignedInPatientAsync(await practice.AddPatientAsync());

        var vocabulary = await drLee.GetFromJsonAsync<Vocabulary>("/api/record-fields", PortalClients.Json);

        Assert.Equal(["profile", "healthRecord", "funding"], vocabulary!.Parts.Select(p => p.Name));
        Assert.Equal(("personal details", "Personal details"), (vocabulary.Parts[0].Label, vocabulary.Parts[0].Heading));
        Assert.Equal(["givenName", "familyName", "preferredName", "dateOfBirth", "sex", "email", "mobilePhone", "address", "emergencyContact"],
            vocabulary.Parts[0].Fields.Select(f => f.Name));
        Assert.Equal(new Term("mobilePhone", "mobile phone", "Mobile phone"), vocabulary.Parts[0].Fields.Single(f => f.Name == "mobilePhone"));
        Assert.Equal(["allergies", "medications", "conditions"], vocabulary.Parts[1].Fields.Select(f => f.Name));
        Assert.Equal(["medicare", "privateHealth", "ndis", "dva", "ihi"], vocabulary.Parts[2].Fields.Select(f => f.Name));   // kept by module Funding
        Assert.Equal(new Term("medicare", "Medicare card", "Medicare card"), vocabulary.Parts[2].Fields[0]);
        Assert.Equal(await drLee.GetStringAsync("/api/record-fields"), await ava.GetStringAsync("/api/record-fields"));   // patients read the same words
        using var anonymous = app.CreateClient();
        await ProblemAssert.IsProblemAsync(await anonymous.GetAsync("/api/record-fields"), HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Fact]
    public async Task A_list_change_shows_each_entry_added_changed_and_removed_and_other_fields_whole()
    {
        var practice = await app.NewPracticeAsync();
        var avasRecord = await practice.AddAvaAsync();
        using var ava = await practice.SignedInPatientAsync(avasRecord);   // the default policy is requireApproval
        // Ava's record: Penicillin (hives, moderate), Salbutamol inhaler, Asthma. Penicillin's reaction changes (in another
        // case), Peanuts is added, the inhaler removed, Asthma is not sent.
        var requestId = await ava.RequestChangeAsync(new
        {
            allergies = new object[] { new { substance = "penicillin", reaction = "Rash", severity = "moderate" }, new { substance = "Peanuts", reaction = "Swelling", severity = "severe" } },
            medications = Array.Empty<object>(),
        }, "/api/portal/health-record");
        await ava.RequestChangeAsync(new { mobilePhone = "0499 111 222" });
        using var drLee = await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password);

        var queue = (await drLee.GetFromJsonAsync<Page<ChangeRequest>>("/api/practice/change-requests?status=pending", PortalClients.Json))!.Items;

        var health = queue.Single(r => r.Id == requestId);
        var allergies = health.Changes.Single(c => c.Field == "allergies").Entries!;
        Assert.Equal(["changed", "added"], allergies.Select(e => e.Change));
        Assert.Equal(("Penicillin", "Hives"), (Text(allergies[0].From, "substance"), Text(allergies[0].From, "reaction")));
        Assert.Equal(("penicillin", "Rash"), (Text(allergies[0].To, "substance"), Text(allergies[0].To, "reaction")));
        Assert.Null(allergies[1].From);
        Assert.Equal("Peanuts", Text(allergies[1].To, "substance"));
        var medication = Assert.Single(health.Changes.Single(c => c.Field == "medications").Entries!);
        Assert.Equal(("removed", "Salbutamol inhaler"), (medication.Change, Text(medication.From, "name")));
        Assert.Null(medication.To);
        Assert.DoesNotContain(health.Changes, c => c.Field == "conditions");
        Assert.Equal(2, health.Changes.Single(c => c.Field == "allergies").To!.AsArray().Count);   // the whole lists are still there
        var phone = Assert.Single(queue.Single(r => r.Subject == "profile").Changes);
        Assert.Null(phone.Entries);

        (await drLee.PostAsync($"/api/practice/change-requests/{requestId}/approve", null)).EnsureSuccessStatusCode();

        var history = await drLee.GetFromJsonAsync<Page<Version>>($"/api/practice/patients/{avasRecord.Id}/versions?subject=healthRecord", PortalClients.Json);
        var approval = Assert.Single(history!.Items, v => v.ChangeRequestId == requestId);
        Assert.Equal(["changed", "added"], approval.Changes.Single(c => c.Field == "allergies").Entries!.Select(e => e.Change));
        Assert.Equal("removed", Assert.Single(approval.Changes.Single(c => c.Field == "medications").Entries!).Change);
    }

    private static string? Text(JsonObject? entry, string property) => entry?[property]?.GetValue<string>();
}
