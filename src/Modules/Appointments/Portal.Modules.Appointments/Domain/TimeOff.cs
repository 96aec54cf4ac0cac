using NodaTime;

namespace Portal.Modules.Appointments.Domain;

/// <summary>A stretch when a practitioner is not bookable (leave, blocked time). It hides slots; appointments it overlaps are listed, not cancelled.</summary>
internal sealed class TimeOff
{
    private TimeOff()
    {
    }

    public Guid Id { get; private set; }
    public Guid PracticeGroupId { get; private set; }
    public Guid PractitionerId { get; private set; }
    public Instant Start { get; private set; }
    public Instant End { get; private set; }
    public string? Reason { get; private set; }
    public Guid CreatedBy { get; private set; }
    public Instant CreatedAt { get; private set; }

    public Interval Interval => new(Start, End);

    public static TimeOff Create(Guid practiceGroupId, Guid practitionerId, Interval interval, string? reason, Guid createdBy, Instant now) => new()
    {
        Id = Guid.CreateVersion7(),
        PracticeGroupId = practiceGroupId,
        PractitionerId = practitionerId,
        Start = interval.Start,
        End = interval.End,
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
        CreatedBy = createdBy,
        CreatedAt = now,
    };
}
