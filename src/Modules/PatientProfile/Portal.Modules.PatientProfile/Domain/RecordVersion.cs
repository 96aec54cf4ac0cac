using Portal.Modules.PatientProfile.Contracts;

namespace Portal.Modules.PatientProfile.Domain;

/// <summary>
/// One applied change of a part of a patient's record (<see cref="Subject"/>), by anyone: the whole part before and
/// after, as JSON, so any earlier state can be shown and restored. Versions are only ever added.
/// </summary>
internal sealed class RecordVersion
{
    public Guid Id { get; init; }
    public Guid PatientId { get; init; }
    public Guid PracticeGroupId { get; init; }

    public RecordPart Subject { get; init; } = RecordPart.Profile;

    /// <summary>The part's version after this change.</summary>
    public int Version { get; init; }

    public DateTimeOffset At { get; init; }
    public Guid ChangedByUserId { get; init; }
    public string ChangedByName { get; init; } = string.Empty;
    public VersionSource Source { get; init; }

    /// <summary>The patient's request this change applied, when a practitioner approved one.</summary>
    public Guid? ChangeRequestId { get; init; }

    /// <summary>The version whose earlier state a restore brought back.</summary>
    public Guid? RestoredFromVersionId { get; init; }

    public string Before { get; init; } = "{}";
    public string After { get; init; } = "{}";
}
