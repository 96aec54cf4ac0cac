using System.Net;
using System.Net.Http.Json;
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
        await admin.PutPortalSettingsAsync(noteSharing: on);
    }
}
