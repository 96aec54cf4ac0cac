namespace Portal.Modules.PatientProfile.Domain;

/// <summary>
/// One read or change of a patient's record by practice staff: who, what (<see cref="Action"/> on
/// <see cref="Subject"/>), when and from where. Entries are only ever added.
/// </summary>
internal sealed class PatientAccessEntry
{
    public Guid Id { get; init; }
    public Guid PatientId { get; init; }
    public Guid PracticeGroupId { get; init; }
    public Guid ActorUserId { get; init; }
    public string ActorName { get; init; } = string.Empty;
    public PatientAccessAction Action { get; init; }

    /// <summary>The part of the record: one of <see cref="RecordSubjects"/>, or another module's (e.g. <c>note</c>).</summary>
    public string Subject { get; init; } = RecordSubjects.Profile;

    public DateTimeOffset At { get; init; }

    /// <summary>The client's IP address (after trusted proxies), when the access came through the API.</summary>
    public string? RemoteAddress { get; init; }
}

internal enum PatientAccessAction
{
    Viewed,
    Created,
    Updated,
    ChangeApproved,
    ChangeRejected,

    /// <summary>A practitioner brought back part of the record as it was before an earlier change.</summary>
    Restored,

    // Portal access, reported by Invitations and Identity.
    Invited,
    InvitationResent,
    InvitationRevoked,
    Accepted,
    Unlinked,
}

/// <summary>The parts of a patient's record this module keeps; change requests and the access log name them.</summary>
internal static class RecordSubjects
{
    public const string Profile = "profile";
    public const string HealthRecord = "healthRecord";

    /// <summary>The record's versions (every applied change with before and after).</summary>
    public const string History = "history";
}
