using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.Identity.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.NoteSharing.Tests;

internal static class NoteDriver
{
    public static async Task<Guid> WriteNoteAsync(this HttpClient practitioner, Guid patientId, string visibility, string body = "Reviewed today.")
    {
        using var response = await practitioner.PostAsJsonAsync($"/api/practice/patients/{patientId}/notes", new { body, visibility });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    public static async Task SetNoteSharingAsync(this PortalApp app, bool on)
    {
        using var admin = await app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        using var response = await admin.PutAsJsonAsync("/api/practice/settings/portal",
            new { portalEnabled = true, patientInvitations = true, patientUpdates = "requireApproval", noteSharing = on });
        response.EnsureSuccessStatusCode();
    }

    public static async Task LinkPatientAsync(this PortalApp app, string email, string password, Guid patientId, Guid practiceGroupId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var identity = scope.ServiceProvider.GetRequiredService<IIdentityApi>();
        var userId = (await identity.CreatePatientAccountAsync(new NewPatientAccount(email, password, "Demo", "Patient"), default)).Value;
        Assert.True((await identity.LinkPatientRecordAsync(userId, patientId, practiceGroupId, default)).IsSuccess);
    }
}
