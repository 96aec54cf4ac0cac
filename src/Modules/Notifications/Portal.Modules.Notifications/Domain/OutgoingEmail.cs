namespace Portal.Modules.Notifications.Domain;

internal enum EmailStatus
{
    Pending,
    Sending,
    Sent,
    Failed,
}

/// <summary>
/// An email in the email outbox. The delivery job claims it (Sending, with a lease), sends it with the fixed
/// <see cref="MessageId"/> and records the outcome; a lease that runs out (the process died mid-send) makes it
/// due again. Transient failures retry with back-off; permanent ones are recorded as Failed.
/// </summary>
internal sealed class OutgoingEmail
{
    public Guid Id { get; init; }
    public Guid? PracticeGroupId { get; init; }
    public string To { get; init; } = string.Empty;
    public string Subject { get; init; } = string.Empty;
    public string TextBody { get; set; } = string.Empty;
    public string HtmlBody { get; set; } = string.Empty;
    public string MessageId { get; init; } = string.Empty;
    public DateTimeOffset CreatedAt { get; init; }
    public EmailStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
}

/// <summary>An email "delivered" in Development: kept in the database and listed by <c>GET /api/dev/mailbox</c>.</summary>
internal sealed class DevelopmentMailboxEntry
{
    public Guid Id { get; init; }
    public string MessageId { get; init; } = string.Empty;
    public string To { get; init; } = string.Empty;
    public string Subject { get; init; } = string.Empty;
    public string TextBody { get; init; } = string.Empty;
    public string HtmlBody { get; init; } = string.Empty;
    public DateTimeOffset SentAt { get; init; }
}
