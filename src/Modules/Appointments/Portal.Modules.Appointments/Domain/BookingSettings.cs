using NodaTime;

namespace Portal.Modules.Appointments.Domain;

/// <summary>
/// A practice group's booking rules as saved, with the version its ETag carries. A group that never saved any has the
/// defaults (<see cref="BookingRules.Defaults"/>) and no row.
/// </summary>
internal sealed class BookingSettings
{
    private BookingSettings()
    {
    }

    public Guid PracticeGroupId { get; private set; }
    public BookingRules Rules { get; private set; } = BookingRules.Defaults;
    public int Version { get; private set; }
    public Instant? UpdatedAt { get; private set; }
    public string? UpdatedByName { get; private set; }

    public static BookingSettings DefaultsFor(Guid practiceGroupId) => new() { PracticeGroupId = practiceGroupId };

    /// <summary>Applies new rules; the change to keep in the history, or null when nothing changed.</summary>
    public BookingSettingsChange? Change(BookingRules rules, Guid by, string byName, Instant now)
    {
        if (rules == Rules)
        {
            return null;
        }

        var change = new BookingSettingsChange(Guid.CreateVersion7(), PracticeGroupId, now, by, byName, Rules, rules);
        Rules = rules;
        Version++;
        UpdatedAt = now;
        UpdatedByName = byName;
        return change;
    }
}

/// <summary>One saved change of a practice's booking rules: who, when, before and after.</summary>
internal sealed class BookingSettingsChange
{
    private BookingSettingsChange()
    {
    }

    public BookingSettingsChange(Guid id, Guid practiceGroupId, Instant changedAt, Guid changedBy, string changedByName, BookingRules before, BookingRules after)
    {
        Id = id;
        PracticeGroupId = practiceGroupId;
        ChangedAt = changedAt;
        ChangedBy = changedBy;
        ChangedByName = changedByName;
        Before = before;
        After = after;
    }

    public Guid Id { get; private set; }
    public Guid PracticeGroupId { get; private set; }
    public Instant ChangedAt { get; private set; }
    public Guid ChangedBy { get; private set; }
    public string ChangedByName { get; private set; } = "";
    public BookingRules Before { get; private set; } = BookingRules.Defaults;
    public BookingRules After { get; private set; } = BookingRules.Defaults;
}
