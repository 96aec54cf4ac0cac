using System.Net;
using System.Net.Http.Json;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.NoteSharing.Tests;

internal static class NoteDriver
{
    public static async Task<Guid> WriteNoteAsync(this HttpClient practitioner, Guid patientId, string visibility, string body = "Reviewed today.")
    {
        using var response = await practitioner.PostAsJsonAsync($"/api/practice/patients/{patientId}/notes", new { body, visibility });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<WrittenNote>(PortalClients.Json))!.Id;
    }

    public static Task SetNoteSharingAsync(this TestPractice practice, bool on) => practice.PutPortalSettingsAsync(noteSharing: on);

    private sealed record WrittenNote(Guid Id);
}
