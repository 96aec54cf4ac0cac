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
    public int Sent { get; set; }
    public int Failed { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
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
    public BulkItemStatus Status { get; set; }
    public string? FailureCode { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
}
