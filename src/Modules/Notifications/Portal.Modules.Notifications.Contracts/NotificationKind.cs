using System.Text.Json.Serialization;
using Portal.Shared.Abstractions;

namespace Portal.Modules.Notifications.Contracts;

/// <summary>
/// Kinds of practitioner notifications: the <c>kind</c> of <c>GET /api/practice/notifications</c>'s items, as camelCase
/// words (<c>settingsChanged</c>, docs/api-conventions.md); the database keeps the same words.
/// </summary>
[JsonConverter(typeof(CamelCaseEnumConverter<NotificationKind>))]
public enum NotificationKind
{
    SettingsChanged,
    InvitationAccepted,
    ProfileChangePending,
    ProfileChangeWithdrawn,
    ProfileChangeApproved,
    ProfileChangeRejected,
    ProfileUpdated,
    AppointmentBooked,
    AppointmentCancelled,
    AppointmentRescheduled,
}
