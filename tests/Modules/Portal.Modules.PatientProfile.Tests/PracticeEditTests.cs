using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.PatientProfile.Tests;

/// <summary>A practitioner's edit applies directly, on the version they opened; two crossing edits never lose one silently.</summary>
public sealed class PracticeEditTests : IAsyncLifetime
{
    private readonly PortalApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

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
        await _app.SetPatientUpdatesAsync(DemoData.HarbourAdminEmail, "disabled");
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        var noah = await (await drLee.GetAsync($"/api/practice/patients/{DemoPatients.NoahSmithId}")).JsonAsync();

        using var response = await drLee.PutAsJsonAsync($"/api/practice/patients/{DemoPatients.NoahSmithId}",
            WithChanges(noah, ("preferredName", "Noah S"), ("mobilePhone", "(02) 9876 5432")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = await response.JsonAsync();
        Assert.Equal("Noah S", updated.GetProperty("preferredName").GetString());
        Assert.Equal("+61298765432", updated.GetProperty("mobilePhone").GetString());
        Assert.Equal(2, updated.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task An_edit_made_on_an_older_version_is_refused_and_the_newer_edit_kept()
    {
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        using var admin = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        var opened = await (await drLee.GetAsync($"/api/practice/patients/{DemoPatients.NoahSmithId}")).JsonAsync();
        (await admin.PutAsJsonAsync($"/api/practice/patients/{DemoPatients.NoahSmithId}", WithChanges(opened, ("email", "noah.new@example.test"))))
            .EnsureSuccessStatusCode();

        await ProblemAssert.IsProblemAsync(
            await drLee.PutAsJsonAsync($"/api/practice/patients/{DemoPatients.NoahSmithId}", WithChanges(opened, ("preferredName", "Noah S"))),
            HttpStatusCode.Conflict, "patients.stale");

        var now = await (await drLee.GetAsync($"/api/practice/patients/{DemoPatients.NoahSmithId}")).JsonAsync();
        Assert.Equal("noah.new@example.test", now.GetProperty("email").GetString());
        Assert.Equal(JsonValueKind.Null, now.GetProperty("preferredName").ValueKind);
    }

    [Fact]
    public async Task Two_edits_sent_at_once_on_the_same_version_save_one_and_refuse_the_other()
    {
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        using var admin = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        for (var round = 0; round < 5; round++)
        {
            var opened = await (await drLee.GetAsync($"/api/practice/patients/{DemoPatients.NoahSmithId}")).JsonAsync();

            var answers = await Task.WhenAll(
                drLee.PutAsJsonAsync($"/api/practice/patients/{DemoPatients.NoahSmithId}", WithChanges(opened, ("preferredName", $"Lee {round}"))),
                admin.PutAsJsonAsync($"/api/practice/patients/{DemoPatients.NoahSmithId}", WithChanges(opened, ("email", $"admin{round}@example.test"))));

            var saved = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
            await ProblemAssert.IsProblemAsync(Assert.Single(answers, a => a.StatusCode != HttpStatusCode.OK), HttpStatusCode.Conflict, "patients.stale");
            var winner = await saved.JsonAsync();
            var now = await (await drLee.GetAsync($"/api/practice/patients/{DemoPatients.NoahSmithId}")).JsonAsync();
            Assert.Equal(winner.GetProperty("version").GetInt32(), now.GetProperty("version").GetInt32());
            Assert.Equal(winner.GetProperty("preferredName").GetRawText(), now.GetProperty("preferredName").GetRawText());
            Assert.Equal(winner.GetProperty("email").GetRawText(), now.GetProperty("email").GetRawText());
        }
    }

    [Fact]
    public async Task The_edit_is_validated_and_needs_the_version()
    {
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        var noah = await (await drLee.GetAsync($"/api/practice/patients/{DemoPatients.NoahSmithId}")).JsonAsync();

        var problem = await ProblemAssert.IsProblemAsync(await drLee.PutAsJsonAsync($"/api/practice/patients/{DemoPatients.NoahSmithId}",
            WithChanges(noah, ("dateOfBirth", "2999-01-01"), ("version", null))), HttpStatusCode.BadRequest, "validation.failed");
        Assert.NotEmpty(ProblemAssert.FieldErrors(problem, "dateOfBirth"));
        Assert.NotEmpty(ProblemAssert.FieldErrors(problem, "version"));
        var withStatus = WithChanges(noah);
        withStatus["portalStatus"] = "active";
        await ProblemAssert.IsProblemAsync(await drLee.PutAsJsonAsync($"/api/practice/patients/{DemoPatients.NoahSmithId}", withStatus),
            HttpStatusCode.BadRequest, "request.invalid-json");
    }

    [Fact]
    public async Task Another_groups_patient_cannot_be_read_or_changed()
    {
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        var noah = await (await drLee.GetAsync($"/api/practice/patients/{DemoPatients.NoahSmithId}")).JsonAsync();

        await ProblemAssert.IsProblemAsync(await drLee.PutAsJsonAsync($"/api/practice/patients/{DemoPatients.JackTaylorId}", WithChanges(noah)),
            HttpStatusCode.NotFound, "patients.not-found");
        await ProblemAssert.IsProblemAsync(await drLee.GetAsync($"/api/practice/patients/{DemoPatients.JackTaylorId}/health-record"),
            HttpStatusCode.NotFound, "patients.not-found");
        await ProblemAssert.IsProblemAsync(await drLee.PutAsJsonAsync($"/api/practice/patients/{DemoPatients.JackTaylorId}/health-record",
            new { allergies = Array.Empty<object>(), medications = Array.Empty<object>(), conditions = Array.Empty<object>(), version = 1 }),
            HttpStatusCode.NotFound, "patients.not-found");
        await ProblemAssert.IsProblemAsync(await drLee.GetAsync($"/api/practice/patients/{DemoPatients.JackTaylorId}/access-log"),
            HttpStatusCode.NotFound, "patients.not-found");

        using var summit = await _app.SignedInClientAsync(DemoData.SummitAdminEmail);
        var jack = await (await summit.GetAsync($"/api/practice/patients/{DemoPatients.JackTaylorId}")).JsonAsync();
        Assert.Equal(1, jack.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task The_health_record_is_edited_on_its_own_version()
    {
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        var record = await (await drLee.GetAsync($"/api/practice/patients/{DemoPatients.AvaNguyenId}/health-record")).JsonAsync();
        Assert.Equal("Asthma", record.GetProperty("conditions")[0].GetProperty("name").GetString());
        var body = new
        {
            allergies = new[] { new { substance = "Penicillin", reaction = "Hives", severity = "severe" } },
            medications = Array.Empty<object>(),
            conditions = new[] { new { name = "Asthma", since = "2004" } },
            version = record.GetProperty("version").GetInt32(),
        };

        using var saved = await drLee.PutAsJsonAsync($"/api/practice/patients/{DemoPatients.AvaNguyenId}/health-record", body);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("severe", (await saved.JsonAsync()).GetProperty("allergies")[0].GetProperty("severity").GetString());
        await ProblemAssert.IsProblemAsync(await drLee.PutAsJsonAsync($"/api/practice/patients/{DemoPatients.AvaNguyenId}/health-record", body),
            HttpStatusCode.Conflict, "patients.stale");

        var profile = await (await drLee.GetAsync($"/api/practice/patients/{DemoPatients.AvaNguyenId}")).JsonAsync();
        Assert.Equal(1, profile.GetProperty("version").GetInt32());   // the personal details' version did not move

        var invalid = await ProblemAssert.IsProblemAsync(await drLee.PutAsJsonAsync($"/api/practice/patients/{DemoPatients.AvaNguyenId}/health-record",
            new { allergies = new[] { new { substance = "", reaction = (string?)null, severity = "mild" } }, medications = Array.Empty<object>(),
                conditions = new[] { new { name = "Flu", since = "2999" } }, version = 2 }),
            HttpStatusCode.BadRequest, "validation.failed");
        Assert.NotEmpty(ProblemAssert.FieldErrors(invalid, "allergies[0].substance"));
        Assert.NotEmpty(ProblemAssert.FieldErrors(invalid, "conditions[0].since"));
    }
}
