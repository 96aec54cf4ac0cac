using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Web.Patient.Api;
using Portal.Web.Patient.Features.Account;
using Portal.Web.Patient.Features.AccessLog;
using Portal.Web.Patient.Features.Details;
using Portal.Web.Patient.Features.HealthRecord;
using Portal.Web.Patient.Features.Home;
using Portal.Web.Patient.Features.Invitation;
using Portal.Web.Patient.Features.PasswordReset;
using Portal.Web.Patient.Features.Requests;
using Portal.Web.Patient.Features.SignIn;
using Portal.Web.Patient.Session;

namespace Portal.Web.Patient;

/// <summary>
/// The patients' web app's services: its session cookie scheme, the HTTP client to the REST API and one typed client
/// per feature. The Host adds them and maps the pages (<c>MapRazorComponents&lt;App&gt;()</c>).
/// </summary>
public static class PatientWebApp
{
    public static IServiceCollection AddPatientWebApp(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddHttpContextAccessor();
        services.AddMemoryCache();
        services.AddHttpClient(ApiTransport.ClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
        services.AddSingleton<WebFrontEnd>();
        services.AddSingleton<ApiAddress>();
        services.AddSingleton<TokenRefreshes>();
        services.AddSingleton<ProtectedField>();
        services.AddScoped<ApiTransport>();
        services.AddScoped<WebSession>();
        services.AddScoped<PortalWebApi>();
        services.AddScoped<CurrentRecord>();
        services.AddScoped<RecordTerms>();
        services.AddScoped<SignInClient>();
        services.AddScoped<MyRecordsClient>();
        services.AddScoped<MyDetailsClient>();
        services.AddScoped<MyHealthRecordClient>();
        services.AddScoped<ChangeRequestsClient>();
        services.AddScoped<AccountSecurityClient>();
        services.AddScoped<AccessLogClient>();
        services.AddScoped<InvitationClient>();
        services.AddScoped<PasswordResetClient>();

        // The web pages' own scheme, never the default: the REST API authenticates bearer tokens only, so a request to
        // the API carrying just this cookie is anonymous there (a cross-site form cannot act through it).
        services.AddAuthentication().AddCookie(WebSession.Scheme, options =>
        {
            options.Cookie.Name = WebSession.CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.Path = "/";
            options.Cookie.IsEssential = true;
            options.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            // The session lasts as long as the API's refresh token does; the cookie only carries it.
            options.ExpireTimeSpan = TimeSpan.FromDays(30);
            options.SlidingExpiration = false;
            options.Events = new CookieAuthenticationEvents
            {
                OnRedirectToLogin = context => { context.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; },
                OnRedirectToAccessDenied = context => { context.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; },
            };
        });
        return services;
    }
}
