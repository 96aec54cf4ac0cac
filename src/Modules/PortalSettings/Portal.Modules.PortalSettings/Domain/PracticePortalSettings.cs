using Portal.Modules.PortalSettings.Contracts;

namespace Portal.Modules.PortalSettings.Domain;

/// <summary>
/// One practice group's portal policy. A group without a row has <see cref="PortalSettingsSnapshot.Defaults"/>;
/// the row appears with the first change. <see cref="Version"/> is the ETag and the concurrency token.
/// </summary>
internal sealed class PracticePortalSettings
{
    public Guid PracticeGroupId { get; init; }
    public bool PortalEnabled { get; private set; }
    public bool PatientInvitations { get; private set; }
    public PatientUpdatePolicy PatientUpdates { get; private set; }
    public bool NoteSharing { get; private set; }
    public FieldList AlwaysApproveFields { get; private set; } = FieldList.DefaultAlwaysApprove;
    public int Version { get; private set; }
    public DateTimeOffset? UpdatedAt { get; private set; }
    public Guid? UpdatedByUserId { get; private set; }
    public string? UpdatedByName { get; private set; }

    public static PracticePortalSettings DefaultsFor(Guid practiceGroupId)
    {
        var defaults = PortalSettingsSnapshot.Defaults;
        return new PracticePortalSettings
        {
            PracticeGroupId = practiceGroupId,
            PortalEnabled = defaults.PortalEnabled,
            PatientInvitations = defaults.PatientInvitations,
            PatientUpdates = defaults.PatientUpdates,
            NoteSharing = defaults.NoteSharing,
            AlwaysApproveFields = defaults.AlwaysApproveFields,
        };
    }

    public PortalSettingsSnapshot Snapshot() =>
        new(PortalEnabled, PatientInvitations, PatientUpdates, NoteSharing) { AlwaysApproveFields = AlwaysApproveFields };

    /// <summary>Applies new values; answers the history entry, or null when nothing changed.</summary>
    public PortalSettingsChange? Change(PortalSettingsSnapshot next, Guid userId, string userName, DateTimeOffset now)
    {
        var before = Snapshot();
        if (before == next)
        {
            return null;
        }

        PortalEnabled = next.PortalEnabled;
        PatientInvitations = next.PatientInvitations;
        PatientUpdates = next.PatientUpdates;
        NoteSharing = next.NoteSharing;
        AlwaysApproveFields = next.AlwaysApproveFields;
        Version++;
        UpdatedAt = now;
        UpdatedByUserId = userId;
        UpdatedByName = userName;
        return new PortalSettingsChange
        {
            Id = Guid.CreateVersion7(),
            PracticeGroupId = PracticeGroupId,
            ChangedAt = now,
            ChangedByUserId = userId,
            ChangedByName = userName,
            Before = before,
            After = next,
        };
    }
}

/// <summary>One entry of the settings history: who changed what, when, from what to what.</summary>
internal sealed class PortalSettingsChange
{
    public Guid Id { get; init; }
    public Guid PracticeGroupId { get; init; }
    public DateTimeOffset ChangedAt { get; init; }
    public Guid ChangedByUserId { get; init; }
    public string ChangedByName { get; init; } = string.Empty;
    public PortalSettingsSnapshot Before { get; init; } = PortalSettingsSnapshot.Defaults;
    public PortalSettingsSnapshot After { get; init; } = PortalSettingsSnapshot.Defaults;
}
