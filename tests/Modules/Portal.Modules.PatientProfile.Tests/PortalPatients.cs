using System.Net;
using System.Net.Http.Json;
using Portal.Modules.Identity.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.PatientProfile.Tests;

/// <summary>What these tests do again and again: give a demo patient a portal account, switch a practice's policy.</summary>
internal static class PortalPatients
{
    public const string AvaPassword = "Ava's own long passphrase";
    public const string NoahPassword = "Noah's own long passphrase";

    public static async Task<HttpClient> SignedInAvaAsync(this PortalApp app)
    {
        await app.LinkPatientRecordAsync("ava@example.test", AvaPassword, Modules.PatientProfile.Contracts.DemoPatients.AvaNguyenId, DemoData.HarbourHealthId);
        return await app.SignedInClientAsync("ava@example.test", AvaPassword);
    }

    public static async Task<HttpClient> SignedInNoahAsync(this PortalApp app)
    {
        await app.LinkPatientRecordAsync("noah@example.test", NoahPassword, Modules.PatientProfile.Contracts.DemoPatients.NoahSmithId, DemoData.HarbourHealthId);
        return await app.SignedInClientAsync("noah@example.test", NoahPassword);
    }

    /// <summary>Sets a practice's patient-update policy (<c>autoUpdate</c>, <c>requireApproval</c>, <c>disabled</c>) as its admin would.</summary>
    public static async Task SetPatientUpdatesAsync(this PortalApp app, string adminEmail, string policy, bool portalEnabled = true)
    {
        using var admin = await app.SignedInClientAsync(adminEmail);
        await admin.PutPortalSettingsAsync(policy, portalEnabled: portalEnabled);
    }

    /// <summary>A patient's edit that the practice must approve: asserts the 202 and answers the change request's id.</summary>
    public static async Task<Guid> RequestChangeAsync(this HttpClient patient, object patch, string route = "/api/portal/profile")
    {
        using var response = await patient.PatchAsJsonAsync(route, patch);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<EditResponse>(PortalClients.Json))!.ChangeRequestId!.Value;
    }

    /// <summary>What a patient's edit answers (<c>PATCH /api/portal/profile</c>, <c>/health-record</c>): the outcome, and the request when one waits.</summary>
    public sealed record EditResponse(string Outcome, Guid? ChangeRequestId);
}

/// <summary>The demo's patients rebuilt in a test's own practice, through the API: Ava with her health record, Noah.</summary>
internal static class OwnPatients
{
    /// <summary>Ava's health record as the demo seeds it: Penicillin (hives, moderate), Salbutamol inhaler, Asthma since 2004.</summary>
    public static object AvaHealthRecord => new
    {
        allergies = new[] { new { substance = "Penicillin", reaction = "Hives", severity = "moderate" } },
        medications = new[] { new { name = "Salbutamol inhaler", dose = "100 mcg", frequency = "As needed" } },
        conditions = new[] { new { name = "Asthma", since = "2004" } },
    };

    /// <summary>Ava Nguyen (every detail filled in) whose practice then saved her health record (<see cref="AvaHealthRecord"/>).</summary>
    public static async Task<TestPatient> AddAvaAsync(this TestPractice practice)
    {
        var ava = await practice.AddPatientAsync();
        using var admin = await practice.SignedInAdminAsync();
        var record = (await admin.GetFromJsonAsync<VersionOnly>($"/api/practice/patients/{ava.Id}/health-record", PortalClients.Json))!;
        var body = System.Text.Json.JsonSerializer.SerializeToNode(AvaHealthRecord, PortalClients.Json)!.AsObject();
        body["version"] = record.Version;
        using var saved = await admin.PutAsJsonAsync($"/api/practice/patients/{ava.Id}/health-record", body);
        Assert.True(saved.IsSuccessStatusCode, $"saving Ava's health record failed: {(int)saved.StatusCode} {await saved.Content.ReadAsStringAsync()}");
        return ava;
    }

    /// <summary>Noah Smith as the demo has him (no emergency contact), with an email of his own.</summary>
    public static Task<TestPatient> AddNoahAsync(this TestPractice practice) => practice.AddPatientAsync(new
    {
        givenName = "Noah",
        familyName = "Smith",
        dateOfBirth = "1984-11-03",
        sex = "male",
        email = $"noah.{Guid.NewGuid():N}@patients.test",
        mobilePhone = "+61423456789",
        address = new { line1 = "5 Ocean Parade", line2 = "Unit 4", suburb = "Manly", state = "NSW", postcode = "2095", country = "AU" },
    });

    private sealed record VersionOnly(int Version);
}
