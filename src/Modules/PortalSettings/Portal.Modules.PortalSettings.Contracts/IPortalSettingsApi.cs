using System.Text.Json.Serialization;
using Portal.Shared.Abstractions;
namespace Portal.Modules.PortalSettings.Contracts;

/// <summary>
/// How other modules read a practice group's portal policy at the moment of a request. Cached for a
/// second or two; a change is seen at once on the instance that made it, on the others within
/// <see cref="MaxStaleness"/>.
/// </summary>
public interface IPortalSettingsApi
{
    static readonly TimeSpan MaxStaleness = TimeSpan.FromSeconds(2);

    Task<PortalSettingsSnapshot> GetAsync(Guid practiceGroupId, CancellationToken cancellationToken);
}

/// <summary>
/// What a patient's edit does: applied at once, waits for a practitioner, or is refused. Settings events stored it as a
/// number before it had its converter; those rows still read.
/// </summary>
[JsonConverter(typeof(CamelCaseEnumReadingNumbersConverter<PatientUpdatePolicy>))]
public enum PatientUpdatePolicy
{
    AutoUpdate,
    RequireApproval,
    Disabled,
}

public sealed record PortalSettingsSnapshot(
    bool PortalEnabled,
    bool PatientInvitations,
    PatientUpdatePolicy PatientUpdates,
    bool NoteSharing)
{
    /// <summary>
    /// The fields of a patient's record whose change always waits for a practitioner, even under
    /// <see cref="PatientUpdatePolicy.AutoUpdate"/> (who a person is must not change unseen). Events written before the
    /// setting existed read as the default.
    /// </summary>
    public FieldList AlwaysApproveFields { get; init; } = FieldList.DefaultAlwaysApprove;

    /// <summary>A new practice group's settings (docs/api-conventions.md, "Defaults worth knowing").</summary>
    public static readonly PortalSettingsSnapshot Defaults = new(
        PortalEnabled: true,
        PatientInvitations: true,
        PatientUpdates: PatientUpdatePolicy.RequireApproval,
        NoteSharing: false);
}
