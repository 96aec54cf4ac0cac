namespace Portal.Host.Infrastructure;

/// <summary>
/// The browser apps: the practitioners' admin UI at <c>/admin</c>. Their files are public (API.md: "the web apps'
/// pages and static files") and served precompressed with long-lived caching for fingerprinted files; everything
/// they show comes from the API, which requires sign-in.
/// </summary>
internal static class WebAppsSetup
{
    public static void MapWebApps(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        // Deep links (/admin/patients/...) load the app, which routes in the browser.
        app.MapFallbackToFile("/admin/{*path:nonfile}", "admin/index.html").AllowAnonymous();
    }
}
