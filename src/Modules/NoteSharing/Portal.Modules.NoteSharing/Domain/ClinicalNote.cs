using Portal.Modules.NoteSharing.Contracts;

namespace Portal.Modules.NoteSharing.Domain;

/// <summary>
/// A practitioner's clinical note on a patient, or an amendment of one. Notes are never edited in place: an
/// amendment is a new row with the same <see cref="RootNoteId"/> and the next <see cref="Revision"/>; the original
/// (revision 1) decides the note's author and visibility for all its revisions.
/// </summary>
internal sealed class ClinicalNote
{
    public const int MaxBodyLength = 20_000;

    public Guid Id { get; init; }
    public Guid PracticeGroupId { get; init; }
    public Guid PatientId { get; init; }

    /// <summary>The original note's id (its own id for the original).</summary>
    public Guid RootNoteId { get; init; }

    /// <summary>1 for the original, 2 for its first amendment, and so on; unique per note.</summary>
    public int Revision { get; init; }

    public Guid AuthorUserId { get; init; }
    public string AuthorName { get; init; } = string.Empty;
    public NoteVisibility Visibility { get; init; }
    public string Body { get; init; } = string.Empty;
    public DateTimeOffset CreatedAt { get; init; }

    public bool IsOriginal => Revision == 1;

    public static ClinicalNote Write(Guid practiceGroupId, Guid patientId, Guid authorUserId, string authorName, NoteVisibility visibility,
        string body, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7();
        return new ClinicalNote
        {
            Id = id, PracticeGroupId = practiceGroupId, PatientId = patientId, RootNoteId = id, Revision = 1,
            AuthorUserId = authorUserId, AuthorName = authorName, Visibility = visibility, Body = body, CreatedAt = now,
        };
    }

    /// <summary>The next revision of this note (which must be the original), written by its author.</summary>
    public ClinicalNote Amend(int revision, string body, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), PracticeGroupId = PracticeGroupId, PatientId = PatientId, RootNoteId = RootNoteId, Revision = revision,
        AuthorUserId = AuthorUserId, AuthorName = AuthorName, Visibility = Visibility, Body = body, CreatedAt = now,
    };
}

/// <summary>One read of a note (<see cref="NoteId"/> is the original's id): who, when, from where. Entries are only ever added.</summary>
internal sealed class NoteAccessEntry
{
    public Guid Id { get; init; }
    public Guid NoteId { get; init; }
    public Guid PracticeGroupId { get; init; }
    public Guid ReaderUserId { get; init; }
    public string ReaderName { get; init; } = string.Empty;
    public DateTimeOffset At { get; init; }
    public string? RemoteAddress { get; init; }
}
