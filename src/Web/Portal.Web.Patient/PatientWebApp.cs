using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Web.Server.Account;
using Portal.Web.Patient.Features.AccessLog;
using Portal.Web.Patient.Features.Appointments;
using Portal.Web.Patient.Features.Details;
using Portal.Web.Patient.Features.Funding;
using Portal.Web.Patient.Features.HealthRecord;
using Portal.Web.Patient.Features.Home;
using Portal.Web.Patient.Features.Invitation;
using Portal.Web.Patient.Features.PasswordReset;
using Portal.Web.Patient.Features.Requests;
using Portal.Web.Patient.Features.SignIn;
using Portal.Web.Patient.Session;
using Portal.Web.Server;

namespace Portal.Web.Patient;

/// <summary>
/// The patients' web app's services: the shared web session (its cookie scheme and the HTTP client to the REST API,
/// <see cref="PortalWebSession.AddPortalWebSession"/>), the record the browser looks at and one typed client per
/// feature. The Host adds them and maps the pages (<c>MapRazorComponents&lt;App&gt;()</c>).
/// </summary>
public static class PatientWebApp
{
    public static IServiceCollection AddPatientWebApp(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddPortalWebSession(environment);
        services.AddMemoryCache();
        services.AddScoped<CurrentRecord>();
        services.AddScoped<RecordTerms>();
        services.AddScoped<SignInClient>();
        services.AddScoped<MyRecordsClient>();
        services.AddScoped<MyDetailsClient>();
        services.AddScoped<MyHealthRecordClient>();
        services.AddScoped<MyFundingClient>();
        services.AddScoped<ChangeRequestsClient>();
        services.AddScoped<AccountSecurityClient>();
        services.AddScoped<AccessLogClient>();
        services.AddScoped<AppointmentsClient>();
        services.AddScoped<InvitationClient>();
        services.AddScoped<PasswordResetClient>();
        return services;
    }
}
