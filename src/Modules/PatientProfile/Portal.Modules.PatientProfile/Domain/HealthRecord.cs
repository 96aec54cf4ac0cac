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
    public string Content { get; private set; } = EmptyContent;
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; } = 1;

    /// <summary>A patient's health record, empty or with <paramref name="content"/> (version 1).</summary>
    public static HealthRecord For(Patient patient, DateTimeOffset now, string content = EmptyContent) =>
        new() { PatientId = patient.Id, PracticeGroupId = patient.PracticeGroupId, UpdatedAt = now, Content = content };

    /// <summary>Stores valid content (as the record part serializes it) and moves the version on.</summary>
    public void Rewrite(string content, DateTimeOffset now)
    {
        Content = content;
        UpdatedAt = now;
        Version++;
    }
}

/// <summary>The last day (in the practice's time zone) a practitioner was sent the approvals digest.</summary>
internal sealed class ApprovalReminder
{
    public Guid PractitionerUserId { get; init; }
    public DateOnly LastSentOn { get; private set; }

    public static ApprovalReminder SentTo(Guid practitionerUserId, DateOnly today) => new() { PractitionerUserId = practitionerUserId, LastSentOn = today };

    public void SentAgain(DateOnly today) => LastSentOn = today;
}
