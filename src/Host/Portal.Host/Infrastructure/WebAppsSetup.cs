using Portal.Web.Admin;
using Portal.Web.Patient;

namespace Portal.Host.Infrastructure;

/// <summary>
/// The browser apps, both server-rendered Blazor: the practitioners' admin app at <c>/admin</c>
/// (docs/decisions/0014-admin-app-server-rendered.md), the patients' app at <c>/</c>
/// (docs/decisions/0013-server-rendered-web-apps-and-cookie-sessions.md). They share one session cookie per origin. Their files and pages
/// are public (among the anonymous routes of docs/api-conventions.md), files served precompressed with long-lived
/// caching for fingerprinted ones; everything they show comes from the API, which requires sign-in.
/// </summary>
internal static class WebAppsSetup
{
    /// <summary>
    /// The patients' app's addresses (its pages); the invitation email links to <c>/invite/{token}</c>, a patient's
    /// password reset email to <c>/reset-password/{token}</c> (a practitioner's to the admin app's); every "Sign out"
    /// button posts to <c>/sign-out</c>.
    /// </summary>
    public static readonly string[] PatientAppPages =
        ["/", "/invite/{token}", "/details", "/health-record", "/account", "/access-log", "/forgot-password", "/reset-password/{token}", "/sign-out",
            "/appointments", "/appointments/book", "/appointments/{id:guid}/cancel", "/appointments/{id:guid}/reschedule",
            "/funding", "/funding/{scheme}"];

    /// <summary>The practitioners' work pages: the calendar, the approvals queue, invitations, settings, staff, notifications, security log and account.</summary>
    public static readonly string[] AdminWorkPages =
        ["/admin/calendar", "/admin/schedule", "/admin/approvals", "/admin/invitations", "/admin/settings", "/admin/staff", "/admin/notifications", "/admin/security-log", "/admin/account"];

    /// <summary>
    /// The admin app's addresses (its pages, all server-rendered): sign-in and the patients list at <c>/admin</c>, a patient's
    /// tabs, the work pages; every admin "Sign out" button posts to <c>/admin/sign-out</c>, a practitioner's password reset
    /// email links to <c>/admin/reset-password/{token}</c>, a staff invitation to <c>/admin/join/{token}</c>.
    /// </summary>
    public static readonly string[] AdminAppPages = ["/admin", "/admin/sign-out", "/admin/forgot-password", "/admin/reset-password/{token}", "/admin/join/{token}", "/admin/patients/{patientid:guid}",
        "/admin/appointments/{appointmentid:guid}", .. AdminWorkPages];

    /// <summary>The web apps' services (its session cookie, its API clients) and the server rendering of its pages.</summary>
    public static IServiceCollection AddWebApps(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddRazorComponents();
        services.AddPatientWebApp(environment);
        services.AddAdminWebApp(environment);
        // The anti-forgery cookie follows the session cookie: Secure outside Development (its default is "as the request").
        services.AddAntiforgery(options => options.Cookie.SecurePolicy =
            environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);
        return services;
    }

    public static void MapWebApps(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        // The patients' pages, by name (their @page routes): anything else (an unknown /api/... route) stays a 404, not
        // an HTML page. Anyone may open them; signed out, a page shows the sign-in form. Their forms need the
        // anti-forgery token (UseAntiforgery).
        app.MapRazorComponents<Portal.Web.Patient.App>().AllowAnonymous();
        // The admin pages, by name too (their @page routes all start with /admin): a second root component with its own
        // shell (base href /admin/) and layout. Same rules: anonymous pages that show the sign-in form, anti-forgery.
        app.MapRazorComponents<Portal.Web.Admin.App>().AllowAnonymous();
    }

    /// <summary>
    /// A request for a file of the web apps' public space that is not there (<c>/favicon.ico</c>, <c>/robots.txt</c>, an
    /// old bundle's name) matches no endpoint: it is simply not found, for anyone, rather than an app's page or a
    /// demand to sign in. The API and its tools keep deny by default: an unknown address there asks an anonymous caller
    /// to sign in, and tells nothing. (A catch-all route would take part in matching every request, and change which
    /// endpoint answers a POST without a body.) Runs after routing and before authentication.
    /// </summary>
    public static void UseNotFoundForMissingFiles(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (context.GetEndpoint() is null && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && Path.HasExtension(request.Path.Value) && !ApiSpace.Any(prefix => request.Path.StartsWithSegments(prefix)))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context);
        });

    private static readonly PathString[] ApiSpace = ["/api", "/openapi", "/scalar", "/hangfire", "/health"];
}
