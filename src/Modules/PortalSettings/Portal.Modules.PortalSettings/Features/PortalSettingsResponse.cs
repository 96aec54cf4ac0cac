using Portal.Modules.PortalSettings.Contracts;
using Portal.Modules.PortalSettings.Domain;

namespace Portal.Modules.PortalSettings.Features;

/// <summary>A practice group's portal settings as the API shows them; <see cref="ETag"/> goes in the header.</summary>
public sealed record PortalSettingsResponse(
    bool PortalEnabled,
    bool PatientInvitations,
    PatientUpdatePolicy PatientUpdates,
    bool NoteSharing,
    FieldList AlwaysApproveFields,
    DateTimeOffset? UpdatedAt,
    ChangedBy? UpdatedBy)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string ETag { get; init; } = "\"0\"";

    internal static PortalSettingsResponse From(PracticePortalSettings settings) => new(
        settings.PortalEnabled,
        settings.PatientInvitations,
        settings.PatientUpdates,
        settings.NoteSharing,
        settings.AlwaysApproveFields,
        settings.UpdatedAt,
        settings.UpdatedByUserId is { } userId ? new ChangedBy(userId, settings.UpdatedByName ?? string.Empty) : null)
    {
        ETag = ETagOf(settings.Version),
    };

    internal static string ETagOf(int version) => $"\"{version}\"";
}

public sealed record ChangedBy(Guid UserId, string Name);

internal static class PortalSettingsErrors
{
    public static readonly Portal.Shared.Abstractions.Error Stale = Portal.Shared.Abstractions.Error.PreconditionFailed(
        "settings.stale",
        "The settings were changed by someone else since you loaded them. Reload them and apply your change again.");
}
