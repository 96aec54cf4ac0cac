namespace Portal.Modules.Notifications.Domain;

/// <summary>Something a practitioner should know, shown in their notification list until read.</summary>
internal sealed class Notification
{
    public Guid Id { get; init; }
    public Guid PracticeGroupId { get; init; }
    public Guid RecipientUserId { get; init; }
    public string Kind { get; private set; } = string.Empty;
    public Guid? PatientId { get; init; }

    /// <summary>The change request it is about (<c>profileChangePending</c>), so a patient's newer request updates it.</summary>
    public Guid? ChangeRequestId { get; private set; }

    public string Summary { get; private set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Also the concurrency token: an update that crosses the practitioner reading it fails and is retried, so news is never marked read unseen.</summary>
    public DateTimeOffset? ReadAt { get; set; }

    public static Notification For(Guid practiceGroupId, Guid recipientUserId, string kind, Guid? patientId, string summary, DateTimeOffset at,
        Guid? changeRequestId = null) => new()
    {
        Id = Guid.CreateVersion7(),
        PracticeGroupId = practiceGroupId,
        RecipientUserId = recipientUserId,
        Kind = kind,
        PatientId = patientId,
        Summary = summary,
        CreatedAt = at,
        ChangeRequestId = changeRequestId,
    };

    /// <summary>Says something new about the same matter: shown again as new while unread.</summary>
    public void Update(string kind, string summary, DateTimeOffset at, Guid? changeRequestId)
    {
        Kind = kind;
        Summary = summary;
        CreatedAt = at;
        ChangeRequestId = changeRequestId;
    }
}
