namespace Portal.Modules.Invitations.Domain;

/// <summary>A practitioner's request to invite many patients; the bulk-send job works through its items.</summary>
internal sealed class BulkInvitation
{
    public Guid Id { get; init; }
    public Guid PracticeGroupId { get; init; }
    public Guid RequestedByUserId { get; init; }
    public string RequestedByName { get; init; } = string.Empty;
    public DateTimeOffset CreatedAt { get; init; }
    public int Total { get; init; }
    public int Sent { get; private set; }
    public int Failed { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>The job sent an item's invitation.</summary>
    public void ItemSent(BulkInvitationItem item, DateTimeOffset now)
    {
        item.Processed(BulkItemStatus.Sent, failureCode: null, now);
        Sent++;
    }

    /// <summary>The job could not invite an item's patient (the code says why).</summary>
    public void ItemFailed(BulkInvitationItem item, string failureCode, DateTimeOffset now)
    {
        item.Processed(BulkItemStatus.Failed, failureCode, now);
        Failed++;
    }

    /// <summary>Complete once every item is processed (or nothing is left to process).</summary>
    public void CompleteIfDone(bool nothingLeft, DateTimeOffset now)
    {
        if (nothingLeft || Sent + Failed >= Total)
        {
            CompletedAt = now;
        }
    }
}

internal enum BulkItemStatus
{
    Queued,
    Sent,
    Failed,
}

internal sealed class BulkInvitationItem
{
    public Guid BulkInvitationId { get; init; }
    public Guid PatientId { get; init; }
    public BulkItemStatus Status { get; private set; } = BulkItemStatus.Queued;
    public string? FailureCode { get; private set; }
    public DateTimeOffset? ProcessedAt { get; private set; }

    internal void Processed(BulkItemStatus status, string? failureCode, DateTimeOffset now)
    {
        Status = status;
        FailureCode = failureCode;
        ProcessedAt = now;
    }
}
