using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.NoteSharing.Contracts;
using Portal.Modules.NoteSharing.Data;
using Portal.Modules.NoteSharing.Domain;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Modules.PortalSettings.Contracts;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;
using Portal.Shared.Messaging;

namespace Portal.Modules.NoteSharing.Features.Shared;

/// <summary>
/// Who may read which note, and the record of every read. The author always reads their notes; the other
/// practitioners of the group (admins included) read <c>group</c> notes only while the group's <c>noteSharing</c>
/// setting is on; <c>private</c> notes are the author's alone. A note the caller may not read does not exist for
/// them: it is never counted, and asking for it answers 404.
/// </summary>
internal sealed class NoteReading(
    NoteSharingDbContext db, IPortalSettingsApi settings, ICurrentUser currentUser, IHttpContextAccessor http, TimeProvider clock)
{
    public static readonly Error NotFound = Error.NotFound("notes.not-found", "No such note.");

    /// <summary>Where the current request came from, for the audit of reads and writes.</summary>
    public string? RemoteAddressOfRequest => RemoteAddress.Of(http.HttpContext);

    /// <summary>Every revision of the notes the caller may read, in their practice group (not tracked).</summary>
    public async Task<IQueryable<ClinicalNote>> VisibleNotesAsync(CancellationToken cancellationToken)
    {
        var groupId = currentUser.StaffPracticeGroupId;
        var me = currentUser.UserId;
        var sharing = (await settings.GetAsync(groupId, cancellationToken)).NoteSharing;
        return db.Notes.AsNoTracking()
            .Where(n => n.PracticeGroupId == groupId && (n.AuthorUserId == me || (sharing && n.Visibility == NoteVisibility.Group)));
    }

    /// <summary>
    /// Records that the caller read these notes (one entry per note, whatever its revisions), and tells the patients'
    /// access logs once per patient. Saved at once: a read changes nothing else, and no read goes unrecorded.
    /// </summary>
    public async Task RecordReadsAsync(IReadOnlyCollection<ClinicalNote> notes, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var remoteAddress = RemoteAddressOfRequest;
        foreach (var note in notes.DistinctBy(n => n.RootNoteId))
        {
            db.AccessLog.Add(new NoteAccessEntry
            {
                Id = Guid.CreateVersion7(), NoteId = note.RootNoteId, PracticeGroupId = note.PracticeGroupId,
                ReaderUserId = currentUser.UserId, ReaderName = currentUser.Name, At = now, RemoteAddress = remoteAddress,
            });
        }

        foreach (var patient in notes.Select(n => (n.PatientId, n.PracticeGroupId)).Distinct())
        {
            db.Publish(new PatientRecordAccessed(Guid.CreateVersion7(), now, patient.PatientId, patient.PracticeGroupId,
                currentUser.UserId, currentUser.Name, PatientAccessAction.Viewed, AccessLogSubject.Notes, remoteAddress));
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

public sealed record NoteAuthor(Guid UserId, string Name);

/// <summary>An amendment of a note: a later revision, shown after the original with its author and time.</summary>
public sealed record NoteAmendment(Guid Id, int Revision, string Body, DateTimeOffset CreatedAt, NoteAuthor Author);

/// <summary>A note as practitioners read it: the original and its amendments in order.</summary>
public sealed record NoteResponse(
    Guid Id,
    Guid PatientId,
    NoteAuthor Author,
    NoteVisibility Visibility,
    string Body,
    DateTimeOffset CreatedAt,
    IReadOnlyList<NoteAmendment> Amendments)
{
    /// <summary>The note from its revisions (the original first).</summary>
    internal static NoteResponse From(ClinicalNote original, IEnumerable<ClinicalNote> amendments) => new(
        original.Id,
        original.PatientId,
        new NoteAuthor(original.AuthorUserId, original.AuthorName),
        original.Visibility,
        original.Body,
        original.CreatedAt,
        amendments.OrderBy(a => a.Revision)
            .Select(a => new NoteAmendment(a.Id, a.Revision, a.Body, a.CreatedAt, new NoteAuthor(a.AuthorUserId, a.AuthorName)))
            .ToList());
}

internal static class NoteQueries
{
    /// <summary>The amendments of these notes, in one query.</summary>
    public static async Task<ILookup<Guid, ClinicalNote>> AmendmentsOfAsync(
        IQueryable<ClinicalNote> visible, IReadOnlyCollection<Guid> rootNoteIds, CancellationToken cancellationToken) =>
        (await visible.Where(n => rootNoteIds.Contains(n.RootNoteId) && n.Revision > 1).ToListAsync(cancellationToken))
        .ToLookup(n => n.RootNoteId);
}
