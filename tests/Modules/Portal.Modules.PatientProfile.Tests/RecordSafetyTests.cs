using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.PatientProfile.Tests;

/// <summary>
/// A patient's edit never destroys what the practice recorded: practice-recorded health-record entries and the fields
/// on the practice's "always approve" list wait for a practitioner even under auto update, and every applied change
/// is kept as a version that practitioners can see and restore.
/// </summary>
public sealed class RecordSafetyTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task Under_auto_update_a_patient_cannot_remove_or_change_what_the_practice_recorded()
    {
        var practice = await app.NewPracticeAsync();
        await practice.PutPortalSettingsAsync("autoUpdate");
        using var ava = await practice.SignedInPatientAsync(await practice.AddAvaAsync());
        var before = await HealthRecordAsync(ava);
        Assert.Equal("practice", before.Allergies[0].RecordedBy);

        // Penicillin (the practice's) is dropped, Salbutamol's dose changed with a forged recordedBy, Latex added.
        using var response = await ava.PatchAsJsonAsync("/api/portal/health-record", new
        {
            allergies = new[] { new { substance = "Latex", reaction = "Rash", severity = "mild" } },
            medications = new[] { new { name = "Salbutamol inhaler", dose = "200 mcg", frequency = "As needed", recordedBy = "patient" } },
        });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<EditResult>(PortalClients.Json))!;
        Assert.Equal("pendingApproval", body.Outcome);
        Assert.Equal(["allergies"], body.AppliedFields!);
        Assert.Equal(["allergies", "medications"], body.PendingFields!.Order());

        var record = await HealthRecordAsync(ava);
        Assert.Equal(["Penicillin", "Latex"], record.Allergies.Select(a => a.Substance));
        Assert.Equal(["practice", "patient"], record.Allergies.Select(a => a.RecordedBy));
        var medication = Assert.Single(record.Medications);
        Assert.Equal("100 mcg", medication.Dose);
        Assert.Equal("practice", medication.RecordedBy);

        // The practitioner sees exactly what would go, and approving it applies it.
        using var drLee = await SignedInPractitionerAsync(practice);
        var request = (await drLee.GetFromJsonAsync<Page<PendingRequest>>("/api/practice/change-requests?status=pending", PortalClients.Json))!.Items[0];
        var allergyChange = request.Changes.Single(c => c.Field == "allergies");
        Assert.Equal(2, allergyChange.From.GetArrayLength());
        Assert.Equal("Latex", Assert.Single(allergyChange.To.Deserialize<List<Allergy>>(PortalClients.Json)!).Substance);
        using var approved = await drLee.PostAsync($"/api/practice/change-requests/{request.Id}/approve", null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var after = await HealthRecordAsync(ava);
        Assert.Equal("Latex", Assert.Single(after.Allergies).Substance);
        Assert.Equal("200 mcg", after.Medications[0].Dose);
    }

    [Fact]
    public async Task A_patient_changes_and_removes_their_own_entries_at_once_under_auto_update()
    {
        var practice = await app.NewPracticeAsync();
        await practice.PutPortalSettingsAsync("autoUpdate");
        using var ava = await practice.SignedInPatientAsync(await practice.AddAvaAsync());
        var penicillin = new { substance = "Penicillin", reaction = "Hives", severity = "moderate" };
        using var added = await ava.PatchAsJsonAsync("/api/portal/health-record",
            new { allergies = new object[] { penicillin, new { substance = "Latex", reaction = "Rash", severity = "mild" } } });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);

        using var changed = await ava.PatchAsJsonAsync("/api/portal/health-record",
            new { allergies = new object[] { penicillin, new { substance = "latex", reaction = "Swelling", severity = "moderate" } } });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var latex = (await changed.Content.ReadFromJsonAsync<EditResult>(PortalClients.Json))!.HealthRecord!.Allergies[1];
        Assert.Equal("Swelling", latex.Reaction);
        Assert.Equal("patient", latex.RecordedBy);

        using var removed = await ava.PatchAsJsonAsync("/api/portal/health-record", new { allergies = new object[] { penicillin } });
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Single((await removed.Content.ReadFromJsonAsync<EditResult>(PortalClients.Json))!.HealthRecord!.Allergies);
        using var drLee = await SignedInPractitionerAsync(practice);
        Assert.Equal(0, (await drLee.GetFromJsonAsync<Page<PendingRequest>>("/api/practice/change-requests?status=pending", PortalClients.Json))!.Total);
    }

    [Fact]
    public async Task Who_the_record_is_about_waits_for_approval_even_under_auto_update_and_the_patient_is_told_before()
    {
        var practice = await app.NewPracticeAsync();
        await practice.PutPortalSettingsAsync("autoUpdate");
        using var ava = await practice.SignedInPatientAsync(await practice.AddPatientAsync());
        var profile = await ProfileAsync(ava);
        Assert.Equal(["dateOfBirth", "familyName", "givenName", "sex"], profile.FieldsNeedingApproval);

        using var response = await ava.PatchAsJsonAsync("/api/portal/profile",
            new { givenName = "Mallory", familyName = "Other", dateOfBirth = "1970-01-01", mobilePhone = "0499 111 222" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<EditResult>(PortalClients.Json))!;
        Assert.Equal(["mobilePhone"], body.AppliedFields!);
        Assert.Equal(["dateOfBirth", "familyName", "givenName"], body.PendingFields!.Order());
        var now = await ProfileAsync(ava);
        Assert.Equal("Ava", now.GivenName);
        Assert.Equal("+61499111222", now.MobilePhone);

        // Setting the name back withdraws what waits; the phone stays as it is.
        using var back = await ava.PatchAsJsonAsync("/api/portal/profile",
            new { givenName = "Ava", familyName = now.FamilyName, dateOfBirth = now.DateOfBirth });
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal("withdrawn", (await back.Content.ReadFromJsonAsync<EditResult>(PortalClients.Json))!.Outcome);
    }

    [Fact]
    public async Task The_practice_chooses_which_fields_always_wait()
    {
        var practice = await app.NewPracticeAsync();
        var avasRecord = await practice.AddPatientAsync();
        using var admin = await practice.SignedInAdminAsync();
        var settings = (await admin.GetFromJsonAsync<Settings>("/api/practice/settings/portal", PortalClients.Json))!;
        Assert.Equal(["dateOfBirth", "familyName", "givenName", "sex"], settings.AlwaysApproveFields);

        await ProblemAssert.IsProblemAsync(await admin.PutAsJsonAsync("/api/practice/settings/portal",
                new { portalEnabled = true, patientInvitations = true, patientUpdates = "autoUpdate", noteSharing = false, alwaysApproveFields = new[] { "password" } }),
            HttpStatusCode.BadRequest, "validation.failed");
        using var drLee = await SignedInPractitionerAsync(practice);
        Assert.Equal(HttpStatusCode.Forbidden, (await drLee.PutAsJsonAsync("/api/practice/settings/portal",
            new { portalEnabled = true, patientInvitations = true, patientUpdates = "autoUpdate", noteSharing = false, alwaysApproveFields = Array.Empty<string>() })).StatusCode);

        using var saved = await admin.PutAsJsonAsync("/api/practice/settings/portal",
            new { portalEnabled = true, patientInvitations = true, patientUpdates = "autoUpdate", noteSharing = false, alwaysApproveFields = new[] { "email" } });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var history = (await admin.GetFromJsonAsync<Page<SettingsChange>>("/api/practice/settings/portal/history", PortalClients.Json))!.Items[0];
        Assert.Equal(["email"], history.After.AlwaysApproveFields);

        using var ava = await practice.SignedInPatientAsync(avasRecord);
        using var response = await ava.PatchAsJsonAsync("/api/portal/profile", new { givenName = "Avie", email = "someone.else@example.test" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<EditResult>(PortalClients.Json))!;
        Assert.Equal(["givenName"], body.AppliedFields!);
        Assert.Equal(["email"], body.PendingFields!);
        var profile = await ProfileAsync(ava);
        Assert.Equal(avasRecord.Email, profile.Email);
        Assert.Equal(["email"], profile.FieldsNeedingApproval);
    }

    [Fact]
    public async Task Every_applied_change_is_a_version_practitioners_see_and_restore()
    {
        var practice = await app.NewPracticeAsync();
        await practice.PutPortalSettingsAsync("autoUpdate");
        var avasRecord = await practice.AddPatientAsync();
        using var ava = await practice.SignedInPatientAsync(avasRecord);
        using var drLee = await SignedInPractitionerAsync(practice);
        var avaId = avasRecord.Id;
        var original = await ProfileAsync(ava);
        using var edit = await ava.PatchAsJsonAsync("/api/portal/profile",
            new { mobilePhone = "0499 111 222", emergencyContact = new { name = "Someone", relationship = "Friend", phone = "0400 000 000" } });
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);

        var versions = (await drLee.GetFromJsonAsync<Page<Version>>($"/api/practice/patients/{avaId}/versions", PortalClients.Json))!;
        Assert.Equal(1, versions.Total);
        var version = versions.Items[0];
        Assert.Equal("patientEdit", version.Source);
        Assert.Equal("profile", version.Subject);
        var avaAccount = (await ava.GetFromJsonAsync<Me>("/api/me", PortalClients.Json))!.UserId;
        Assert.Equal(avaAccount, version.ChangedBy!.UserId);
        var phone = version.Changes.Single(c => c.Field == "mobilePhone");
        Assert.Equal("+61499111222", phone.To.GetString());

        // Another practice sees nothing of it.
        var anotherGroup = await app.NewPracticeAsync();
        using var summit = await anotherGroup.SignedInAdminAsync();
        await ProblemAssert.IsProblemAsync(await summit.GetAsync($"/api/practice/patients/{avaId}/versions"), HttpStatusCode.NotFound, "patients.not-found");
        await ProblemAssert.IsProblemAsync(
            await summit.PostAsync($"/api/practice/patients/{avaId}/versions/{version.Id}/restore", null),
            HttpStatusCode.NotFound, "patients.not-found");
        await ProblemAssert.IsProblemAsync(
            await drLee.PostAsync($"/api/practice/patients/{avaId}/versions/{Guid.NewGuid()}/restore", null), HttpStatusCode.NotFound, "versions.not-found");
        await ProblemAssert.IsProblemAsync(
            await ava.PostAsync($"/api/practice/patients/{avaId}/versions/{version.Id}/restore", null), HttpStatusCode.Forbidden, "auth.forbidden");

        // Restoring brings back what was there before, as a new version; the patient's log shows both changes.
        await ProblemAssert.IsProblemAsync(
            await drLee.PostAsJsonAsync($"/api/practice/patients/{avaId}/versions/{version.Id}/restore", new { version = 1 }),
            HttpStatusCode.Conflict, "patients.stale");
        using var restored = await drLee.PostAsJsonAsync($"/api/practice/patients/{avaId}/versions/{version.Id}/restore", new { version = 2 });
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        var restore = (await restored.Content.ReadFromJsonAsync<Version>(PortalClients.Json))!;
        Assert.Equal("restore", restore.Source);
        Assert.Equal(version.Id, restore.RestoredFromVersionId);
        var profile = await ProfileAsync(ava);
        Assert.Equal(original.EmergencyContact.GetRawText(), profile.EmergencyContact.GetRawText());
        Assert.Equal(original.MobilePhone, profile.MobilePhone);
        Assert.Equal(3, profile.Version);
        await ProblemAssert.IsProblemAsync(
            await drLee.PostAsync($"/api/practice/patients/{avaId}/versions/{version.Id}/restore", null),
            HttpStatusCode.Conflict, "versions.nothing-to-restore");

        var log = (await ava.GetFromJsonAsync<Page<AccessLogEntry>>("/api/portal/access-log", PortalClients.Json))!.Items
            .Select(e => (e.Action, e.Subject)).ToList();
        Assert.Contains(("restored", "profile"), log);
        Assert.Contains(("updated", "profile"), log);
        Assert.Contains(("viewed", "history"), log);
    }

    [Fact]
    public async Task Practice_edits_and_approvals_are_versions_too_and_a_practice_entry_stays_the_practices()
    {
        var practice = await app.NewPracticeAsync();
        var avasRecord = await practice.AddPatientAsync();
        using var ava = await practice.SignedInPatientAsync(avasRecord);
        using var drLee = await SignedInPractitionerAsync(practice);
        var avaId = avasRecord.Id;
        var requestId = await ava.RequestChangeAsync(new { preferredName = "Avie" });
        Assert.Equal(HttpStatusCode.OK, (await drLee.PostAsync($"/api/practice/change-requests/{requestId}/approve", null)).StatusCode);
        var current = (await drLee.GetFromJsonAsync<HealthRecord>($"/api/practice/patients/{avaId}/health-record", PortalClients.Json))!;
        using var put = await drLee.PutAsJsonAsync($"/api/practice/patients/{avaId}/health-record", new
        {
            allergies = new[] { new { substance = "Penicillin", reaction = "Anaphylaxis", severity = "severe" } },
            medications = new[] { new { name = "Warfarin", dose = "5 mg", frequency = "Daily" } },
            conditions = Array.Empty<object>(),
            version = current.Version,
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("practice", (await put.Content.ReadFromJsonAsync<HealthRecord>(PortalClients.Json))!.Medications[0].RecordedBy);

        var items = (await drLee.GetFromJsonAsync<Page<Version>>($"/api/practice/patients/{avaId}/versions", PortalClients.Json))!.Items;
        Assert.Equal(["practiceEdit", "approval"], items.Select(v => v.Source));
        Assert.Equal(requestId, items[1].ChangeRequestId);
        var healthOnly = (await drLee.GetFromJsonAsync<Page<Version>>($"/api/practice/patients/{avaId}/versions?subject=healthRecord", PortalClients.Json))!;
        Assert.Equal(1, healthOnly.Total);
        await ProblemAssert.IsProblemAsync(await drLee.GetAsync($"/api/practice/patients/{avaId}/versions?subject=notes"), HttpStatusCode.BadRequest, "validation.failed");
    }

    [Fact]
    public async Task When_the_practice_changes_a_records_email_the_old_address_is_told_and_the_security_log_keeps_it()
    {
        var practice = await app.NewPracticeAsync();
        var avasRecord = await practice.AddPatientAsync();
        using var drLee = await SignedInPractitionerAsync(practice);
        var avaId = avasRecord.Id;
        var patient = (await drLee.GetFromJsonAsync<PracticePatient>($"/api/practice/patients/{avaId}", PortalClients.Json))!;
        using var put = await drLee.PutAsJsonAsync($"/api/practice/patients/{avaId}", new
        {
            givenName = patient.GivenName,
            familyName = patient.FamilyName,
            dateOfBirth = patient.DateOfBirth,
            email = "someone.else@example.test",
            version = patient.Version,
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        await app.RunMessagingAsync();
        using var anonymous = app.CreateClient();
        var mailbox = (await anonymous.GetFromJsonAsync<List<MailboxEmail>>($"/api/dev/mailbox?to={Uri.EscapeDataString(avasRecord.Email)}", PortalClients.Json))!;
        Assert.Contains(mailbox, m => m.Subject.Contains("email address on your record was changed", StringComparison.Ordinal));
        using var admin = await practice.SignedInAdminAsync();
        var log = (await admin.GetFromJsonAsync<Page<SecurityEvent>>("/api/practice/security-log", PortalClients.Json))!;
        Assert.Contains(log.Items, e => e.Kind == "recordEmailChanged");
    }

    private async Task<HttpClient> SignedInPractitionerAsync(TestPractice practice) =>
        await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password);

    private static async Task<HealthRecord> HealthRecordAsync(HttpClient patient) =>
        (await patient.GetFromJsonAsync<HealthRecord>("/api/portal/health-record", PortalClients.Json))!;

    private static async Task<Profile> ProfileAsync(HttpClient patient) =>
        (await patient.GetFromJsonAsync<Profile>("/api/portal/profile", PortalClients.Json))!;

    private sealed record Allergy(string Substance, string? Reaction, string? RecordedBy);

    private sealed record Medication(string Name, string? Dose, string? RecordedBy);

    private sealed record HealthRecord(IReadOnlyList<Allergy> Allergies, IReadOnlyList<Medication> Medications, int Version);

    private sealed record EditResult(string Outcome, IReadOnlyList<string>? AppliedFields, IReadOnlyList<string>? PendingFields, HealthRecord? HealthRecord);

    private sealed record FieldChange(string Field, JsonElement From, JsonElement To);

    private sealed record PendingRequest(Guid Id, IReadOnlyList<FieldChange> Changes);

    private sealed record Page<T>(IReadOnlyList<T> Items, int Total);

    private sealed record Profile(
        string GivenName, string FamilyName, string DateOfBirth, string? Email, string? MobilePhone, JsonElement EmergencyContact,
        IReadOnlyList<string> FieldsNeedingApproval, int Version);

    private sealed record Settings(IReadOnlyList<string> AlwaysApproveFields);

    private sealed record SettingsChange(Settings After);

    private sealed record ChangedBy(Guid UserId);

    private sealed record Version(
        Guid Id, string Source, string Subject, ChangedBy? ChangedBy, IReadOnlyList<FieldChange> Changes, Guid? ChangeRequestId, Guid? RestoredFromVersionId);

    private sealed record Me(Guid UserId);

    private sealed record AccessLogEntry(string Action, string Subject);

    private sealed record PracticePatient(string GivenName, string FamilyName, string DateOfBirth, int Version);

    private sealed record SecurityEvent(string Kind);
}
