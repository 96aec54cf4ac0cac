using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Modules.Identity.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.PatientProfile.Tests;

/// <summary>
/// A patient's edit never destroys what the practice recorded: practice-recorded health-record entries and the fields
/// on the practice's "always approve" list wait for a practitioner even under auto update, and every applied change
/// is kept as a version that practitioners can see and restore.
/// </summary>
public sealed class RecordSafetyTests : IAsyncLifetime
{
    private readonly PortalApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Under_auto_update_a_patient_cannot_remove_or_change_what_the_practice_recorded()
    {
        await _app.SetPatientUpdatesAsync(DemoData.HarbourAdminEmail, "autoUpdate");
        using var ava = await _app.SignedInAvaAsync();
        var before = await (await ava.GetAsync("/api/portal/health-record")).JsonAsync();
        Assert.Equal("practice", before.GetProperty("allergies")[0].GetProperty("recordedBy").GetString());

        // Penicillin (the practice's) is dropped, Salbutamol's dose changed with a forged recordedBy, Latex added.
        using var response = await ava.PatchAsJsonAsync("/api/portal/health-record", new
        {
            allergies = new[] { new { substance = "Latex", reaction = "Rash", severity = "mild" } },
            medications = new[] { new { name = "Salbutamol inhaler", dose = "200 mcg", frequency = "As needed", recordedBy = "patient" } },
        });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("pendingApproval", body.GetProperty("outcome").GetString());
        Assert.Equal(["allergies"], Strings(body.GetProperty("appliedFields")));
        Assert.Equal(["allergies", "medications"], Strings(body.GetProperty("pendingFields")).Order());

        var record = await (await ava.GetAsync("/api/portal/health-record")).JsonAsync();
        var allergies = record.GetProperty("allergies").EnumerateArray().ToList();
        Assert.Equal(["Penicillin", "Latex"], allergies.Select(a => a.GetProperty("substance").GetString()));
        Assert.Equal(["practice", "patient"], allergies.Select(a => a.GetProperty("recordedBy").GetString()));
        var medication = Assert.Single(record.GetProperty("medications").EnumerateArray());
        Assert.Equal("100 mcg", medication.GetProperty("dose").GetString());
        Assert.Equal("practice", medication.GetProperty("recordedBy").GetString());

        // The practitioner sees exactly what would go, and approving it applies it.
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        var request = (await (await drLee.GetAsync("/api/practice/change-requests?status=pending")).JsonAsync()).GetProperty("items")[0];
        var allergyChange = request.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("field").GetString() == "allergies");
        Assert.Equal(2, allergyChange.GetProperty("from").GetArrayLength());
        Assert.Equal("Latex", Assert.Single(allergyChange.GetProperty("to").EnumerateArray()).GetProperty("substance").GetString());
        using var approved = await drLee.PostAsync($"/api/practice/change-requests/{request.GetProperty("id").GetGuid()}/approve", null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var after = await (await ava.GetAsync("/api/portal/health-record")).JsonAsync();
        Assert.Equal("Latex", Assert.Single(after.GetProperty("allergies").EnumerateArray()).GetProperty("substance").GetString());
        Assert.Equal("200 mcg", after.GetProperty("medications")[0].GetProperty("dose").GetString());
    }

    [Fact]
    public async Task A_patient_changes_and_removes_their_own_entries_at_once_under_auto_update()
    {
        await _app.SetPatientUpdatesAsync(DemoData.HarbourAdminEmail, "autoUpdate");
        using var ava = await _app.SignedInAvaAsync();
        var penicillin = new { substance = "Penicillin", reaction = "Hives", severity = "moderate" };
        using var added = await ava.PatchAsJsonAsync("/api/portal/health-record",
            new { allergies = new object[] { penicillin, new { substance = "Latex", reaction = "Rash", severity = "mild" } } });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);

        using var changed = await ava.PatchAsJsonAsync("/api/portal/health-record",
            new { allergies = new object[] { penicillin, new { substance = "latex", reaction = "Swelling", severity = "moderate" } } });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var latex = (await changed.JsonAsync()).GetProperty("healthRecord").GetProperty("allergies")[1];
        Assert.Equal("Swelling", latex.GetProperty("reaction").GetString());
        Assert.Equal("patient", latex.GetProperty("recordedBy").GetString());

        using var removed = await ava.PatchAsJsonAsync("/api/portal/health-record", new { allergies = new object[] { penicillin } });
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(1, (await removed.JsonAsync()).GetProperty("healthRecord").GetProperty("allergies").GetArrayLength());
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        Assert.Equal(0, (await (await drLee.GetAsync("/api/practice/change-requests?status=pending")).JsonAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Who_the_record_is_about_waits_for_approval_even_under_auto_update_and_the_patient_is_told_before()
    {
        await _app.SetPatientUpdatesAsync(DemoData.HarbourAdminEmail, "autoUpdate");
        using var ava = await _app.SignedInAvaAsync();
        var profile = await (await ava.GetAsync("/api/portal/profile")).JsonAsync();
        Assert.Equal(["dateOfBirth", "familyName", "givenName", "sex"], Strings(profile.GetProperty("fieldsNeedingApproval")));

        using var response = await ava.PatchAsJsonAsync("/api/portal/profile",
            new { givenName = "Mallory", familyName = "Other", dateOfBirth = "1970-01-01", mobilePhone = "0499 111 222" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(["mobilePhone"], Strings(body.GetProperty("appliedFields")));
        Assert.Equal(["dateOfBirth", "familyName", "givenName"], Strings(body.GetProperty("pendingFields")).Order());
        var now = await (await ava.GetAsync("/api/portal/profile")).JsonAsync();
        Assert.Equal("Ava", now.GetProperty("givenName").GetString());
        Assert.Equal("+61499111222", now.GetProperty("mobilePhone").GetString());

        // Setting the name back withdraws what waits; the phone stays as it is.
        using var back = await ava.PatchAsJsonAsync("/api/portal/profile",
            new { givenName = "Ava", familyName = now.GetProperty("familyName").GetString(), dateOfBirth = now.GetProperty("dateOfBirth").GetString() });
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal("withdrawn", (await back.JsonAsync()).GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task The_practice_chooses_which_fields_always_wait()
    {
        using var admin = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        var settings = await (await admin.GetAsync("/api/practice/settings/portal")).JsonAsync();
        Assert.Equal(["dateOfBirth", "familyName", "givenName", "sex"], Strings(settings.GetProperty("alwaysApproveFields")));

        await ProblemAssert.IsProblemAsync(await admin.PutAsJsonAsync("/api/practice/settings/portal",
                new { portalEnabled = true, patientInvitations = true, patientUpdates = "autoUpdate", noteSharing = false, alwaysApproveFields = new[] { "password" } }),
            HttpStatusCode.BadRequest, "validation.failed");
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await drLee.PutAsJsonAsync("/api/practice/settings/portal",
            new { portalEnabled = true, patientInvitations = true, patientUpdates = "autoUpdate", noteSharing = false, alwaysApproveFields = Array.Empty<string>() })).StatusCode);

        using var saved = await admin.PutAsJsonAsync("/api/practice/settings/portal",
            new { portalEnabled = true, patientInvitations = true, patientUpdates = "autoUpdate", noteSharing = false, alwaysApproveFields = new[] { "email" } });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var history = (await (await admin.GetAsync("/api/practice/settings/portal/history")).JsonAsync()).GetProperty("items")[0];
        Assert.Equal(["email"], Strings(history.GetProperty("after").GetProperty("alwaysApproveFields")));

        using var ava = await _app.SignedInAvaAsync();
        using var response = await ava.PatchAsJsonAsync("/api/portal/profile", new { givenName = "Avie", email = "someone.else@example.test" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(["givenName"], Strings(body.GetProperty("appliedFields")));
        Assert.Equal(["email"], Strings(body.GetProperty("pendingFields")));
        var profile = await (await ava.GetAsync("/api/portal/profile")).JsonAsync();
        Assert.Equal("ava@example.test", profile.GetProperty("email").GetString());
        Assert.Equal(["email"], Strings(profile.GetProperty("fieldsNeedingApproval")));
    }

    [Fact]
    public async Task Every_applied_change_is_a_version_practitioners_see_and_restore()
    {
        await _app.SetPatientUpdatesAsync(DemoData.HarbourAdminEmail, "autoUpdate");
        using var ava = await _app.SignedInAvaAsync();
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        var avaId = Modules.PatientProfile.Contracts.DemoPatients.AvaNguyenId;
        var original = await (await ava.GetAsync("/api/portal/profile")).JsonAsync();
        using var edit = await ava.PatchAsJsonAsync("/api/portal/profile",
            new { mobilePhone = "0499 111 222", emergencyContact = new { name = "Someone", relationship = "Friend", phone = "0400 000 000" } });
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);

        var versions = await (await drLee.GetAsync($"/api/practice/patients/{avaId}/versions")).JsonAsync();
        Assert.Equal(1, versions.GetProperty("total").GetInt32());
        var version = versions.GetProperty("items")[0];
        Assert.Equal("patientEdit", version.GetProperty("source").GetString());
        Assert.Equal("profile", version.GetProperty("subject").GetString());
        var avaAccount = (await (await ava.GetAsync("/api/me")).JsonAsync()).GetProperty("userId").GetGuid();
        Assert.Equal(avaAccount, version.GetProperty("changedBy").GetProperty("userId").GetGuid());
        var phone = version.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("field").GetString() == "mobilePhone");
        Assert.Equal("+61499111222", phone.GetProperty("to").GetString());

        // Another practice sees nothing of it.
        using var summit = await _app.SignedInClientAsync(DemoData.SummitAdminEmail);
        await ProblemAssert.IsProblemAsync(await summit.GetAsync($"/api/practice/patients/{avaId}/versions"), HttpStatusCode.NotFound, "patients.not-found");
        await ProblemAssert.IsProblemAsync(
            await summit.PostAsync($"/api/practice/patients/{avaId}/versions/{version.GetProperty("id").GetGuid()}/restore", null),
            HttpStatusCode.NotFound, "patients.not-found");
        await ProblemAssert.IsProblemAsync(
            await drLee.PostAsync($"/api/practice/patients/{avaId}/versions/{Guid.NewGuid()}/restore", null), HttpStatusCode.NotFound, "versions.not-found");
        await ProblemAssert.IsProblemAsync(
            await ava.PostAsync($"/api/practice/patients/{avaId}/versions/{version.GetProperty("id").GetGuid()}/restore", null), HttpStatusCode.Forbidden, "auth.forbidden");

        // Restoring brings back what was there before, as a new version; the patient's log shows both changes.
        await ProblemAssert.IsProblemAsync(
            await drLee.PostAsJsonAsync($"/api/practice/patients/{avaId}/versions/{version.GetProperty("id").GetGuid()}/restore", new { version = 1 }),
            HttpStatusCode.Conflict, "patients.stale");
        using var restored = await drLee.PostAsJsonAsync($"/api/practice/patients/{avaId}/versions/{version.GetProperty("id").GetGuid()}/restore", new { version = 2 });
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        var restore = await restored.JsonAsync();
        Assert.Equal("restore", restore.GetProperty("source").GetString());
        Assert.Equal(version.GetProperty("id").GetGuid(), restore.GetProperty("restoredFromVersionId").GetGuid());
        var profile = await (await ava.GetAsync("/api/portal/profile")).JsonAsync();
        Assert.Equal(original.GetProperty("emergencyContact").GetRawText(), profile.GetProperty("emergencyContact").GetRawText());
        Assert.Equal(original.GetProperty("mobilePhone").GetRawText(), profile.GetProperty("mobilePhone").GetRawText());
        Assert.Equal(3, profile.GetProperty("version").GetInt32());
        await ProblemAssert.IsProblemAsync(
            await drLee.PostAsync($"/api/practice/patients/{avaId}/versions/{version.GetProperty("id").GetGuid()}/restore", null),
            HttpStatusCode.Conflict, "versions.nothing-to-restore");

        var log = (await (await ava.GetAsync("/api/portal/access-log")).JsonAsync()).GetProperty("items").EnumerateArray()
            .Select(e => (Action: e.GetProperty("action").GetString(), Subject: e.GetProperty("subject").GetString())).ToList();
        Assert.Contains(("restored", "profile"), log);
        Assert.Contains(("updated", "profile"), log);
        Assert.Contains(("viewed", "history"), log);
    }

    [Fact]
    public async Task Practice_edits_and_approvals_are_versions_too_and_a_practice_entry_stays_the_practices()
    {
        using var ava = await _app.SignedInAvaAsync();
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        var avaId = Modules.PatientProfile.Contracts.DemoPatients.AvaNguyenId;
        var requestId = await ava.RequestChangeAsync(new { preferredName = "Avie" });
        Assert.Equal(HttpStatusCode.OK, (await drLee.PostAsync($"/api/practice/change-requests/{requestId}/approve", null)).StatusCode);
        var current = await (await drLee.GetAsync($"/api/practice/patients/{avaId}/health-record")).JsonAsync();
        using var put = await drLee.PutAsJsonAsync($"/api/practice/patients/{avaId}/health-record", new
        {
            allergies = new[] { new { substance = "Penicillin", reaction = "Anaphylaxis", severity = "severe" } },
            medications = new[] { new { name = "Warfarin", dose = "5 mg", frequency = "Daily" } },
            conditions = Array.Empty<object>(),
            version = current.GetProperty("version").GetInt32(),
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("practice", (await put.JsonAsync()).GetProperty("medications")[0].GetProperty("recordedBy").GetString());

        var items = (await (await drLee.GetAsync($"/api/practice/patients/{avaId}/versions")).JsonAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["practiceEdit", "approval"], items.Select(v => v.GetProperty("source").GetString()));
        Assert.Equal(requestId, items[1].GetProperty("changeRequestId").GetGuid());
        var healthOnly = await (await drLee.GetAsync($"/api/practice/patients/{avaId}/versions?subject=healthRecord")).JsonAsync();
        Assert.Equal(1, healthOnly.GetProperty("total").GetInt32());
        await ProblemAssert.IsProblemAsync(await drLee.GetAsync($"/api/practice/patients/{avaId}/versions?subject=notes"), HttpStatusCode.BadRequest, "validation.failed");
    }

    [Fact]
    public async Task When_the_practice_changes_a_records_email_the_old_address_is_told_and_the_security_log_keeps_it()
    {
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        var avaId = Modules.PatientProfile.Contracts.DemoPatients.AvaNguyenId;
        var patient = await (await drLee.GetAsync($"/api/practice/patients/{avaId}")).JsonAsync();
        using var put = await drLee.PutAsJsonAsync($"/api/practice/patients/{avaId}", new
        {
            givenName = patient.GetProperty("givenName").GetString(),
            familyName = patient.GetProperty("familyName").GetString(),
            dateOfBirth = patient.GetProperty("dateOfBirth").GetString(),
            email = "someone.else@example.test",
            version = patient.GetProperty("version").GetInt32(),
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        await _app.RunMessagingAsync();
        using var anonymous = _app.CreateClient();
        var mailbox = await (await anonymous.GetAsync("/api/dev/mailbox?to=ava@example.test")).JsonAsync();
        Assert.Contains(mailbox.EnumerateArray(), m => m.GetProperty("subject").GetString()!.Contains("email address on your record was changed", StringComparison.Ordinal));
        using var admin = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        var log = await (await admin.GetAsync("/api/practice/security-log")).JsonAsync();
        Assert.Contains(log.GetProperty("items").EnumerateArray(), e => e.GetProperty("kind").GetString() == "recordEmailChanged");
    }

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}
