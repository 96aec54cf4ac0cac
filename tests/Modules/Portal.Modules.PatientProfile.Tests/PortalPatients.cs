using Portal.Modules.Identity.Contracts;
using Portal.Testing;

namespace Portal.Modules.PatientProfile.Tests;

/// <summary>What these tests do again and again: give a demo patient a portal account, switch a practice's policy.</summary>
internal static class PortalPatients
{
    public const string AvaPassword = "Ava's own long passphrase";
    public const string NoahPassword = "Noah's own long passphrase";

    public static async Task<HttpClient> AvaAsync(this PortalApp app)
    {
        await app.LinkPatientRecordAsync("ava@example.test", AvaPassword, Modules.PatientProfile.Contracts.DemoPatients.AvaNguyenId, DemoData.HarbourHealthId);
        return await app.SignedInClientAsync("ava@example.test", AvaPassword);
    }

    /// <summary>Sets a practice's patient-update policy (<c>autoUpdate</c>, <c>requireApproval</c>, <c>disabled</c>) as its admin would.</summary>
    public static async Task SetPatientUpdatesAsync(this PortalApp app, string adminEmail, string policy, bool portalEnabled = true)
    {
        using var admin = await app.SignedInClientAsync(adminEmail);
        await admin.PutPortalSettingsAsync(policy, portalEnabled: portalEnabled);
    }
}
