using Portal.Web.Components.Api;
using Portal.Web.Server.Api;

namespace Portal.Web.Admin.Features.Notes;

/// <summary>Who may read a clinical note (the API's <c>visibility</c>).</summary>
public enum NoteVisibility
{
    /// <summary>The practice's practitioners, while the practice's note sharing is on.</summary>
    Group,
    /// <summary>Only its author.</summary>
    Private,
}

public sealed record NoteAuthor(Guid UserId, string Name);

public sealed record NoteAmendment(Guid Id, int Revision, string Body, DateTimeOffset CreatedAt, NoteAuthor Author);

public sealed record ClinicalNote(Guid Id, NoteAuthor Author, NoteVisibility Visibility, string Body, DateTimeOffset CreatedAt, IReadOnlyList<NoteAmendment> Amendments);

public sealed record NoteRead(string ReaderName, DateTimeOffset At);

/// <summary>
/// A patient's clinical notes the practitioner may read (<c>GET /api/practice/patients/{id}/notes</c>: their own, and the
/// practice's while note sharing is on), a new note, an amendment (the author only; notes are never edited in place) and
/// who read a note (<c>GET /api/practice/notes/{id}/access-log</c>: the author or a practice admin), and whether the
/// practice shares notes now.
/// </summary>
public sealed class NotesClient(PortalWebApi api)
{
    public const int PageSize = 20;

    public Task<ApiResult<Page<ClinicalNote>>> ListAsync(Guid patientId, int page) =>
        api.GetAsync<Page<ClinicalNote>>($"api/practice/patients/{patientId}/notes?page={Math.Max(1, page)}&pageSize={PageSize}");

    public Task<ApiResult<ClinicalNote>> WriteAsync(Guid patientId, string body, NoteVisibility visibility) =>
        api.PostAsync<ClinicalNote>($"api/practice/patients/{patientId}/notes", new { body, visibility });

    public Task<ApiResult<ClinicalNote>> AmendAsync(Guid noteId, string body) =>
        api.PostAsync<ClinicalNote>($"api/practice/notes/{noteId}/amendments", new { body });

    public Task<ApiResult<Page<NoteRead>>> ReadersAsync(Guid noteId) =>
        api.GetAsync<Page<NoteRead>>($"api/practice/notes/{noteId}/access-log?pageSize=50");

    /// <summary>Whether the practice shares notes now (<c>noteSharing</c> of <c>GET /api/practice/settings/portal</c>); null when unknown.</summary>
    public async Task<bool?> SharingAsync() => (await api.GetAsync<NoteSharingSetting>("api/practice/settings/portal")).Value?.NoteSharing;

    private sealed record NoteSharingSetting(bool NoteSharing);
}
