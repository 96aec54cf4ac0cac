using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.PatientProfile.Tests;

/// <summary>A practitioner's edit applies directly, on the version they opened; two crossing edits never lose one silently.</summary>
public sealed class PracticeEditTests(PortalApp app) : IClassFixture<PortalApp>
{
    /// <summary>The body of a PUT: the record as read, with some fields replaced.</summary>
    public static JsonObject WithChanges(JsonElement patient, params (string Field, object? Value)[] changes)
    {
        var body = new JsonObject();
        foreach (var field in new[] { "givenName", "familyName", "preferredName", "dateOfBirth", "sex", "email", "mobilePhone", "address", "emergencyContact", "version" })
        {
            body[field] = JsonNode.Parse(patient.GetProperty(field).GetRawText());
        }

        foreach (var (field, value) in changes)
        {
            body[field] = JsonSerializer.SerializeToNode(value, PortalClients.Json);
        }

        return body;
    }

    [Fact]
    public async Task A_practitioners_edit_applies_directly_whatever_the_patient_policy()
    {
        var practice = await app.NewPracticeAsync();
        var noahsRecord = await practice.AddNoahAsync();
        await practice.PutPortalSettingsAsync("disabled");
        using var drLee = await SignedInPractitionerAsync(practice);
        var noah = await ReadAsync(drLee, noahsRecord);

        using var response = await drLee.PutAsJsonAsync($"/api/practice/patients/{noahsRecord.Id}",
            WithChanges(noah, ("preferredName", "Noah S"), ("mobilePhone", "(02) 9876 5432")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = (await response.Content.ReadFromJsonAsync<Patient>(PortalClients.Json))!;
        Assert.Equal("Noah S", updated.PreferredName);
        Assert.Equal("+61298765432", updated.MobilePhone);
        Assert.Equal(2, updated.Version);
    }

    [Fact]
    public async Task An_edit_made_on_an_older_version_is_refused_and_the_newer_edit_kept()
    {
        var practice = await app.NewPracticeAsync();
        var noahsRecord = await practice.AddNoahAsync();
        using var drLee = await SignedInPractitionerAsync(practice);
        using var admin = await practice.SignedInAdminAsync();
        var opened = await ReadAsync(drLee, noahsRecord);
        (await admin.PutAsJsonAsync($"/api/practice/patients/{noahsRecord.Id}", WithChanges(opened, ("email", "noah.new@example.test"))))
            .EnsureSuccessStatusCode();

        await ProblemAssert.IsProblemAsync(
            await drLee.PutAsJsonAsync($"/api/practice/patients/{noahsRecord.Id}", WithChanges(opened, ("preferredName", "Noah S"))),
            HttpStatusCode.Conflict, "patients.stale");

        var now = (await drLee.GetFromJsonAsync<Patient>($"/api/practice/patients/{noahsRecord.Id}", PortalClients.Json))!;
        Assert.Equal("noah.new@example.test", now.Email);
        Assert.Null(now.PreferredName);
    }

    [Fact]
    public async Task Two_edits_sent_at_once_on_the_same_version_save_one_and_refuse_the_other()
    {
        var practice = await app.NewPracticeAsync();
        var noahsRecord = await practice.AddNoahAsync();
        using var drLee = await SignedInPractitionerAsync(practice);
        using var admin = await practice.SignedInAdminAsync();
        for (var round = 0; round < 5; round++)
        {
            var opened = await ReadAsync(drLee, noahsRecord);

            var answers = await Task.WhenAll(
                drLee.PutAsJsonAsync($"/api/practice/patients/{noahsRecord.Id}", WithChanges(opened, ("preferredName", $"Lee {round}"))),
                admin.PutAsJsonAsync($"/api/practice/patients/{noahsRecord.Id}", WithChanges(opened, ("email", $"admin{round}@example.test"))));

            var saved = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
            await ProblemAssert.IsProblemAsync(Assert.Single(answers, a => a.StatusCode != HttpStatusCode.OK), HttpStatusCode.Conflict, "patients.stale");
            var winner = (await saved.Content.ReadFromJsonAsync<Patient>(PortalClients.Json))!;
            var now = (await drLee.GetFromJsonAsync<Patient>($"/api/practice/patients/{noahsRecord.Id}", PortalClients.Json))!;
            Assert.Equal(winner.Version, now.Version);
            Assert.Equal(winner.PreferredName, now.PreferredName);
            Assert.Equal(winner.Email, now.Email);
        }
    }

    [Fact]
    public async Task The_edit_is_validated_and_needs_the_version()
    {
        var practice = await app.NewPracticeAsync();
        var noahsRecord = await practice.AddNoahAsync();
        using var drLee = await SignedInPractitionerAsync(practice);
        var noah = await ReadAsync(drLee, noahsRecord);

        var problem = await ProblemAssert.IsProblemAsync(await drLee.PutAsJsonAsync($"/api/practice/patients/{noahsRecord.Id}",
            WithChanges(noah, ("dateOfBirth", "2999-01-01"), ("version", null))), HttpStatusCode.BadRequest, "validation.failed");
        Assert.NotEmpty(ProblemAssert.FieldErrors(problem, "dateOfBirth"));
        Assert.NotEmpty(ProblemAssert.FieldErrors(problem, "version"));
        var withStatus = WithChanges(noah);
        withStatus["portalStatus"] = "active";
        await ProblemAssert.IsProblemAsync(await drLee.PutAsJsonAsync($"/api/practice/patients/{noahsRecord.Id}", withStatus),
            HttpStatusCode.BadRequest, "request.invalid-json");
    }

    [Fact]
    public async Task Another_groups_patient_cannot_be_read_or_changed()
    {
        var practice = await app.NewPracticeAsync();
        var noahsRecord = await practice.AddNoahAsync();
        var anotherGroup = await app.NewPracticeAsync();
        var jacksRecord = await anotherGroup.AddPatientAsync(new { givenName = "Jack", familyName = "Taylor", dateOfBirth = "1979-05-17", sex = "male" });
        using var drLee = await SignedInPractitionerAsync(practice);
        var noah = await ReadAsync(drLee, noahsRecord);

        await ProblemAssert.IsProblemAsync(await drLee.PutAsJsonAsync($"/api/practice/patients/{jacksRecord.Id}", WithChanges(noah)),
            HttpStatusCode.NotFound, "patients.not-found");
        await ProblemAssert.IsProblemAsync(await drLee.GetAsync($"/api/practice/patients/{jacksRecord.Id}/health-record"),
            HttpStatusCode.NotFound, "patients.not-found");
        await ProblemAssert.IsProblemAsync(await drLee.PutAsJsonAsync($"/api/practice/patients/{jacksRecord.Id}/health-record",
            new { allergies = Array.Empty<object>(), medications = Array.Empty<object>(), conditions = Array.Empty<object>(), version = 1 }),
            HttpStatusCode.NotFound, "patients.not-found");
        await ProblemAssert.IsProblemAsync(await drLee.GetAsync($"/api/practice/patients/{jacksRecord.Id}/access-log"),
            HttpStatusCode.NotFound, "patients.not-found");

        using var otherAdmin = await anotherGroup.SignedInAdminAsync();
        var jack = (await otherAdmin.GetFromJsonAsync<Patient>($"/api/practice/patients/{jacksRecord.Id}", PortalClients.Json))!;
        Assert.Equal(1, jack.Version);
    }

    [Fact]
    public async Task The_health_record_is_edited_on_its_own_version()
    {
        var practice = await app.NewPracticeAsync();
        var avasRecord = await practice.AddAvaAsync();
        using var drLee = await SignedInPractitionerAsync(practice);
        var record = (await drLee.GetFromJsonAsync<HealthRecord>($"/api/practice/patients/{avasRecord.Id}/health-record", PortalClients.Json))!;
        Assert.Equal("Asthma", record.Conditions[0].Name);
        var body = new
        {
            allergies = new[] { new { substance = "Penicillin", reaction = "Hives", severity = "severe" } },
            medications = Array.Empty<object>(),
            conditions = new[] { new { name = "Asthma", since = "2004" } },
            version = record.Version,
        };

        using var saved = await drLee.PutAsJsonAsync($"/api/practice/patients/{avasRecord.Id}/health-record", body);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("severe", (await saved.Content.ReadFromJsonAsync<HealthRecord>(PortalClients.Json))!.Allergies[0].Severity);
        await ProblemAssert.IsProblemAsync(await drLee.PutAsJsonAsync($"/api/practice/patients/{avasRecord.Id}/health-record", body),
            HttpStatusCode.Conflict, "patients.stale");

        var profile = (await drLee.GetFromJsonAsync<Patient>($"/api/practice/patients/{avasRecord.Id}", PortalClients.Json))!;
        Assert.Equal(1, profile.Version);   // the personal details' version did not move

        var invalid = await ProblemAssert.IsProblemAsync(await drLee.PutAsJsonAsync($"/api/practice/patients/{avasRecord.Id}/health-record",
            new { allergies = new[] { new { substance = "", reaction = (string?)null, severity = "mild" } }, medications = Array.Empty<object>(),
                conditions = new[] { new { name = "Flu", since = "2999" } }, version = record.Version + 1 }),
            HttpStatusCode.BadRequest, "validation.failed");
        Assert.NotEmpty(ProblemAssert.FieldErrors(invalid, "allergies[0].substance"));
        Assert.NotEmpty(ProblemAssert.FieldErrors(invalid, "conditions[0].since"));
    }

    private async Task<HttpClient> SignedInPractitionerAsync(TestPractice practice) =>
        await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password);

    /// <summary>The record as the practice reads it, for <see cref="WithChanges"/>.</summary>
    private static async Task<JsonElement> ReadAsync(HttpClient practitioner, TestPatient patient) =>
        await practitioner.GetFromJsonAsync<JsonElement>($"/api/practice/patients/{patient.Id}", PortalClients.Json);

    private sealed record Patient(string? PreferredName, string? MobilePhone, string? Email, int Version);

    private sealed record Allergy(string Substance, string? Severity);

    private sealed record Condition(string Name);

    private sealed record HealthRecord(IReadOnlyList<Allergy> Allergies, IReadOnlyList<Condition> Conditions, int Version);
}
