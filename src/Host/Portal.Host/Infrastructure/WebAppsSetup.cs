namespace Portal.Host.Infrastructure;

/// <summary>
/// The browser apps: the practitioners' admin UI at <c>/admin</c>, the patients' app at <c>/</c>. Their files are
/// public (among the anonymous routes of docs/api-conventions.md) and served precompressed with long-lived caching for
/// fingerprinted files; everything they show comes from the API, which requires sign-in.
/// </summary>
internal static class WebAppsSetup
{
    /// <summary>
    /// The patients' app's addresses (its router's pages); the invitation email links to <c>/invite/{token}</c>, a patient's
    /// password reset email to <c>/reset-password/{token}</c> (a practitioner's to the admin app's).
    /// </summary>
    public static readonly string[] PatientAppPages =
        ["/", "/invite/{token}", "/details", "/health-record", "/account", "/access-log", "/forgot-password", "/reset-password/{token}"];

    public static void MapWebApps(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        // Deep links (/admin/patients/...) load the app, which routes in the browser.
        app.MapFallbackToFile("/admin/{*path:nonfile}", "admin/index.html").AllowAnonymous();
        // The patients' pages, by name: anything else (an unknown /api/... route) stays a 404, not an HTML page.
        foreach (var page in PatientAppPages)
        {
            app.MapFallbackToFile(page, "index.html").AllowAnonymous();
        }
    }
}
