namespace Portal.Modules.PatientProfile.Domain;

/// <summary>
/// A patient's health record as they and their practice keep it: allergies, medications, conditions. Stored as one
/// JSON document (<see cref="Content"/>) and versioned apart from the personal details, so editing one never
/// conflicts with editing the other. Every patient has one from the day the record is created.
/// </summary>
internal sealed class HealthRecord
{
    public const string EmptyContent = """{"allergies":[],"medications":[],"conditions":[]}""";

    public Guid PatientId { get; init; }
    public Guid PracticeGroupId { get; init; }
    public string Content { get; set; } = EmptyContent;
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; } = 1;
}

/// <summary>The last day (in the practice's time zone) a practitioner was sent the approvals digest.</summary>
internal sealed class ApprovalReminder
{
    public Guid PractitionerUserId { get; init; }
    public DateOnly LastSentOn { get; private set; }

    public static ApprovalReminder SentTo(Guid practitionerUserId, DateOnly today) => new() { PractitionerUserId = practitionerUserId, LastSentOn = today };

    public void SentAgain(DateOnly today) => LastSentOn = today;
}
