using Portal.Modules.PatientProfile.Contracts;

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

    /// <summary>The part of the record, or what another module reported (e.g. <see cref="AccessLogSubject.Notes"/>).</summary>
    public AccessLogSubject Subject { get; init; } = AccessLogSubject.Profile;

    public DateTimeOffset At { get; init; }

    /// <summary>The client's IP address (after trusted proxies), when the access came through the API.</summary>
    public string? RemoteAddress { get; init; }
}

internal static class AccessLogSubjects
{
    /// <summary>The access log's subject for a read or change of this part of the record.</summary>
    public static AccessLogSubject Of(RecordPart part) => part switch
    {
        RecordPart.Profile => AccessLogSubject.Profile,
        RecordPart.HealthRecord => AccessLogSubject.HealthRecord,
        RecordPart.Funding => AccessLogSubject.Funding,
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, null),
    };
}
