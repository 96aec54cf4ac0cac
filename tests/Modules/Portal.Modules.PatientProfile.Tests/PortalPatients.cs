using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.Identity.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.PatientProfile.Tests;

/// <summary>What these tests do again and again: give a demo patient a portal account, switch a practice's policy.</summary>
internal static class PortalPatients
{
    public const string AvaPassword = "Ava's own long passphrase";
    public const string NoahPassword = "Noah's own long passphrase";

    /// <summary>Links a patient record to the account with this email (created on first use), as an accepted invitation does.</summary>
    public static async Task LinkAsync(this PortalApp app, string email, string password, Guid patientId, Guid practiceGroupId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var identity = scope.ServiceProvider.GetRequiredService<IIdentityApi>();
        var account = await identity.FindAccountByEmailAsync(email, default);
        var userId = account?.UserId ?? (await identity.CreatePatientAccountAsync(new NewPatientAccount(email, password, "Demo", "Patient"), default)).Value;
        Assert.True((await identity.LinkPatientRecordAsync(userId, patientId, practiceGroupId, default)).IsSuccess);
    }

    public static async Task<HttpClient> AvaAsync(this PortalApp app)
    {
        await app.LinkAsync("ava@example.test", AvaPassword, Modules.PatientProfile.Contracts.DemoPatients.AvaNguyenId, DemoData.HarbourHealthId);
        return await app.SignedInClientAsync("ava@example.test", AvaPassword);
    }

    /// <summary>Sets a practice's patient-update policy (<c>autoUpdate</c>, <c>requireApproval</c>, <c>disabled</c>) as its admin would.</summary>
    public static async Task SetPatientUpdatesAsync(this PortalApp app, string adminEmail, string policy, bool portalEnabled = true)
    {
        using var admin = await app.SignedInClientAsync(adminEmail);
        using var response = await admin.PutAsJsonAsync("/api/practice/settings/portal",
            new { portalEnabled, patientInvitations = true, patientUpdates = policy, noteSharing = false });
        response.EnsureSuccessStatusCode();
    }
}
