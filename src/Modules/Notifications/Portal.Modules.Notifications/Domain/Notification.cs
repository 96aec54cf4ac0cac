using Portal.Modules.Notifications.Contracts;
using Portal.Modules.PatientProfile.Contracts;

namespace Portal.Modules.Notifications.Domain;

/// <summary>Something a practitioner should know, shown in their notification list until read.</summary>
internal sealed class Notification
{
    public Guid Id { get; init; }
    public Guid PracticeGroupId { get; init; }
    public Guid RecipientUserId { get; init; }
    public NotificationKind Kind { get; private set; }
    public Guid? PatientId { get; init; }

    /// <summary>The part of the patient's record a waiting change is about, so a newer request updates it.</summary>
    public RecordPart? RecordPart { get; private set; }

    public string Summary { get; private set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Also the concurrency token: an update that crosses the practitioner reading it fails and is retried, so news is never marked read unseen.</summary>
    public DateTimeOffset? ReadAt { get; private set; }

    public static Notification For(Guid practiceGroupId, Guid recipientUserId, NotificationKind kind, Guid? patientId, string summary, DateTimeOffset at,
        RecordPart? recordPart = null) => new()
    {
        Id = Guid.CreateVersion7(),
        PracticeGroupId = practiceGroupId,
        RecipientUserId = recipientUserId,
        Kind = kind,
        PatientId = patientId,
        Summary = summary,
        CreatedAt = at,
        RecordPart = recordPart,
    };

    /// <summary>Says something new about the same matter: shown again as new while unread.</summary>
    public void Update(NotificationKind kind, string summary, DateTimeOffset at)
    {
        Kind = kind;
        Summary = summary;
        CreatedAt = at;
    }

    /// <summary>Says how the matter ended where nothing is left to do: the text changes, its place in the list and whether it was read do not.</summary>
    public void Conclude(NotificationKind kind, string summary)
    {
        Kind = kind;
        Summary = summary;
    }
}
