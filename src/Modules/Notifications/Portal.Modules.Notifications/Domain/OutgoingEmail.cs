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
    public string TextBody { get; private set; } = string.Empty;
    public string HtmlBody { get; private set; } = string.Empty;
    public string MessageId { get; init; } = string.Empty;
    public DateTimeOffset CreatedAt { get; init; }
    public EmailStatus Status { get; private set; }

    /// <summary>Counted by the delivery job's claim (one conditional update that also sets the lease).</summary>
    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? LeaseUntil { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public string? LastError { get; private set; }

    /// <summary>Files sent with it (e.g. an appointment's <c>.ics</c>); forgotten with the bodies.</summary>
    public List<EmailFile> Attachments { get; private set; } = [];

    /// <summary>An email waiting to be delivered, due at once.</summary>
    public static OutgoingEmail Queue(Guid id, Guid? practiceGroupId, string to, string subject, string textBody, string htmlBody, DateTimeOffset now,
        IEnumerable<EmailFile>? attachments = null) => new()
    {
        Id = id,
        PracticeGroupId = practiceGroupId,
        To = to,
        Subject = subject,
        TextBody = textBody,
        HtmlBody = htmlBody,
        MessageId = $"{id:N}@portal",
        CreatedAt = now,
        Status = EmailStatus.Pending,
        NextAttemptAt = now,
        Attachments = attachments?.ToList() ?? [],
    };

    /// <summary>The server took it. The bodies (patients' details, one-time links) are not kept: the record says who got what, when.</summary>
    public void Sent(DateTimeOffset now)
    {
        Status = EmailStatus.Sent;
        SentAt = now;
        LastError = null;
        ForgetBodies();
        LeaseUntil = null;
    }

    /// <summary>This attempt failed: tried again at <paramref name="nextAttemptAt"/>.</summary>
    public void WillRetry(string error, DateTimeOffset nextAttemptAt)
    {
        Status = EmailStatus.Pending;
        LastError = error;
        NextAttemptAt = nextAttemptAt;
        LeaseUntil = null;
    }

    /// <summary>Given up: nothing will send it, so its links are not kept either.</summary>
    public void GivenUp(string error)
    {
        Status = EmailStatus.Failed;
        LastError = error;
        ForgetBodies();
        LeaseUntil = null;
    }

    private void ForgetBodies()
    {
        TextBody = string.Empty;
        HtmlBody = string.Empty;
        Attachments.Clear();
    }
}

/// <summary>A file attached to an email (owned by the email, in a table of its own).</summary>
internal sealed class EmailFile
{
    public Guid Id { get; init; }
    public string FileName { get; init; } = string.Empty;
    public string ContentType { get; init; } = string.Empty;
    public byte[] Content { get; init; } = [];

    public static EmailFile From(string fileName, string contentType, byte[] content) =>
        new() { Id = Guid.CreateVersion7(), FileName = fileName, ContentType = contentType, Content = content };
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
    public List<EmailFile> Attachments { get; init; } = [];
}
