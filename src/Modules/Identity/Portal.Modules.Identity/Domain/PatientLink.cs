namespace Portal.Modules.Identity.Domain;

/// <summary>A patient record (owned by PatientProfile, in one practice group) linked to a patient account.</summary>
internal sealed class PatientLink
{
    public Guid UserId { get; init; }
    public Guid PatientId { get; init; }
    public Guid PracticeGroupId { get; init; }
    public DateTimeOffset LinkedAt { get; init; }
}
