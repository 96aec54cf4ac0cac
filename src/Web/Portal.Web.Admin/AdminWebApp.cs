using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Web.Admin.Features.Appointments;
using Portal.Web.Admin.Features.Approvals;
using Portal.Web.Admin.Features.Invitations;
using Portal.Web.Admin.Features.Join;
using Portal.Web.Admin.Features.Notifications;
using Portal.Web.Admin.Features.PasswordReset;
using Portal.Web.Admin.Features.PatientDetail;
using Portal.Web.Admin.Features.SecurityLog;
using Portal.Web.Admin.Features.Settings;
using Portal.Web.Admin.Features.Shared;
using Portal.Web.Admin.Features.Patients;
using Portal.Web.Admin.Features.Schedule;
using Portal.Web.Admin.Features.SignIn;
using Portal.Web.Admin.Features.PortalAccess;
using Portal.Web.Admin.Features.Notes;
using Portal.Web.Admin.Features.RecordHistory;
using Portal.Web.Admin.Features.Staff;
using Portal.Web.Admin.Session;
using Portal.Web.Server;
using Portal.Web.Server.Account;

namespace Portal.Web.Admin;

/// <summary>
/// The admin app's services: the shared web session (<see cref="PortalWebSession.AddPortalWebSession"/>: one
/// <c>portal.session</c> cookie per origin, shared with the patients' app), the signed-in practitioner and one typed
/// client per feature. The Host adds them and maps the pages (<c>MapRazorComponents&lt;Portal.Web.Admin.App&gt;()</c>).
/// </summary>
public static class AdminWebApp
{
    public static IServiceCollection AddAdminWebApp(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddPortalWebSession(environment);
        services.AddScoped<CurrentPractitioner>();
        services.AddScoped<SignInClient>();
        services.AddMemoryCache();
        services.AddScoped<RecordTerms>();
        services.AddScoped<PatientsClient>();
        services.AddScoped<PatientRecordClient>();
        services.AddScoped<PasswordResetClient>();
        services.AddScoped<StaffInvitationClient>();
        services.AddScoped<PortalAccessClient>();
        services.AddScoped<NotesClient>();
        services.AddScoped<RecordHistoryClient>();
        services.AddScoped<ApprovalsClient>();
        services.AddScoped<SettingsClient>();
        services.AddScoped<AccountSecurityClient>();
        services.AddScoped<NotificationsClient>();
        services.AddScoped<InvitationsClient>();
        services.AddScoped<StaffClient>();
        services.AddScoped<SecurityLogClient>();
        services.AddScoped<AppointmentsClient>();
        services.AddScoped<ScheduleClient>();
        services.AddScoped<BookingRulesClient>();
        services.AddScoped<Features.Funding.FundingClient>();
        return services;
    }
}
