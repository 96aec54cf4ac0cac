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
