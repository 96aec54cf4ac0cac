using Portal.Shared.Abstractions;

namespace Portal.Modules.PortalSettings.Contracts;

/// <summary>A practice admin changed the group's portal settings.</summary>
[IntegrationEvent("portal-settings.changed")]
public sealed record PortalSettingsChanged(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PracticeGroupId,
    Guid ChangedByUserId,
    string ChangedByName,
    PortalSettingsSnapshot Before,
    PortalSettingsSnapshot After) : IIntegrationEvent;
