namespace Portal.Modules.Notifications.Domain;

/// <summary>Something a practitioner should know, shown in their notification list until read.</summary>
internal sealed class Notification
{
    public Guid Id { get; init; }
    public Guid PracticeGroupId { get; init; }
    public Guid RecipientUserId { get; init; }
    public string Kind { get; init; } = string.Empty;
    public Guid? PatientId { get; init; }
    public string Summary { get; init; } = string.Empty;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ReadAt { get; set; }
}
