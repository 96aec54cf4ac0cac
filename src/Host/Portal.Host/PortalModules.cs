using Portal.Modules.Appointments;
using Portal.Modules.Funding;
using Portal.Modules.Identity;
using Portal.Modules.Invitations;
using Portal.Modules.NoteSharing;
using Portal.Modules.Notifications;
using Portal.Modules.PatientProfile;
using Portal.Modules.PortalSettings;
using Portal.Shared.Modules;

namespace Portal.Host;

/// <summary>The modules this Host runs. Adding a module is one line here (its project is referenced by folder).</summary>
public static class PortalModules
{
    public static readonly IReadOnlyList<IModule> All =
    [
        new IdentityModule(),
        new PortalSettingsModule(),
        new PatientProfileModule(),
        new NotificationsModule(),
        new InvitationsModule(),
        new NoteSharingModule(),
        new AppointmentsModule(),
        new FundingModule(),
    ];
}
