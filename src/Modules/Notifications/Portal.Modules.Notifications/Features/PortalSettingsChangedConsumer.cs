using Portal.Modules.Identity.Contracts;
using Portal.Modules.Notifications.Contracts;
using Portal.Modules.Notifications.Data;
using Portal.Modules.Notifications.Domain;
using Portal.Modules.Notifications.Email;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Modules.PortalSettings.Contracts;
using Portal.Shared.Messaging;

namespace Portal.Modules.Notifications.Features;

/// <summary>
/// Tells the group's practice admins that the portal settings changed: a notification for each admin but the one who
/// changed them (nobody is told of their own change), and an email for each admin, that one included (an admin whose
/// account was misused learns of it too).
/// </summary>
[InboxName("notifications.announce-settings-changed")]
internal sealed class PortalSettingsChangedConsumer(NotificationsDbContext db, IIdentityApi identity, EmailOutbox emails, TimeProvider clock)
    : IdempotentConsumer<PortalSettingsChanged>(db, clock)
{
    protected override async Task HandleAsync(PortalSettingsChanged change, CancellationToken cancellationToken)
    {
        var changes = Describe(change.Before, change.After);
        var summary = $"{change.ChangedByName} changed the portal settings: {string.Join("; ", changes)}.";
        var admins = (await identity.GetPractitionersAsync(change.PracticeGroupId, cancellationToken)).Where(p => p.IsPracticeAdmin);
        foreach (var admin in admins)
        {
            if (admin.UserId != change.ChangedByUserId)
            {
                db.Notifications.Add(Notification.For(change.PracticeGroupId, admin.UserId, NotificationKind.SettingsChanged, patientId: null,
                    summary.Length > 500 ? summary[..500] : summary, change.OccurredAt));
            }

            await emails.QueueAsync(
                EmailIdFor(change.EventId, admin.UserId),
                change.PracticeGroupId,
                admin.Email,
                new EmailContent(
                    "Your practice's portal settings were changed",
                    "Portal settings changed",
                    [$"{change.ChangedByName} changed your practice's patient portal settings on {change.OccurredAt:d MMMM yyyy 'at' HH:mm} (UTC):", .. changes,
                        "If you did not expect this change, review the settings and their history in Portal."]),
                cancellationToken);
        }
    }

    private static IReadOnlyList<string> Describe(PortalSettingsSnapshot before, PortalSettingsSnapshot after)
    {
        var lines = new List<string>();
        if (before.PortalEnabled != after.PortalEnabled)
        {
            lines.Add($"Patient portal: {OnOff(before.PortalEnabled)} → {OnOff(after.PortalEnabled)}");
        }

        if (before.PatientInvitations != after.PatientInvitations)
        {
            lines.Add($"Patient invitations: {OnOff(before.PatientInvitations)} → {OnOff(after.PatientInvitations)}");
        }

        if (before.PatientUpdates != after.PatientUpdates)
        {
            lines.Add($"Patient updates: {Policy(before.PatientUpdates)} → {Policy(after.PatientUpdates)}");
        }

        if (before.NoteSharing != after.NoteSharing)
        {
            lines.Add($"Note sharing: {OnOff(before.NoteSharing)} → {OnOff(after.NoteSharing)}");
        }

        if (before.AlwaysApproveFields != after.AlwaysApproveFields)
        {
            lines.Add($"Always needs approval: {FieldsOf(before.AlwaysApproveFields)} → {FieldsOf(after.AlwaysApproveFields)}");
        }

        return lines;
    }

    private static string OnOff(bool value) => value ? "on" : "off";

    /// <summary>The fields in the order of the form, as a person reads them.</summary>
    private static string FieldsOf(FieldList fields) =>
        fields.Names.Count == 0
            ? "none"
            : PatientProfileFields.LabelsOf(PatientProfileFields.Approvable.Where(fields.Contains).Concat(fields.Names.Except(PatientProfileFields.Approvable)));

    private static string Policy(PatientUpdatePolicy policy) => policy switch
    {
        PatientUpdatePolicy.AutoUpdate => "auto update",
        PatientUpdatePolicy.RequireApproval => "require approval",
        _ => "disabled",
    };

    /// <summary>One email per admin per event, with an id that is the same on every redelivery.</summary>
    private static Guid EmailIdFor(Guid eventId, Guid userId)
    {
        var bytes = eventId.ToByteArray();
        var user = userId.ToByteArray();
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] ^= user[i];
        }

        return new Guid(bytes);
    }
}
