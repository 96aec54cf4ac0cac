namespace Portal.Host.Infrastructure;

/// <summary>
/// Headers every answer carries: no framing (clickjacking of "Apply anyway" and the like), no MIME sniffing, no
/// referrer; no caching of API answers and of the patients' pages (they hold personal and health data, which must not
/// stay in a browser's or a proxy's cache); and a Content-Security-Policy.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>
    /// The web apps' pages (server-rendered, the patients' at / and the practitioners' at /admin): their own script (blazor.web.js, for enhanced navigation and forms only)
    /// and stylesheets, nothing inline, no WebAssembly; calls to this origin only; the two-factor QR code is inline SVG.
    /// No plug-ins, no other origin, no framing, forms post here only.
    /// </summary>
    public const string PatientPagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-src 'none'; frame-ancestors 'none'";

    /// <summary>API answers are data, never a page: nothing in them may load or run.</summary>
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>
    /// The API reference (/scalar) and the jobs dashboard (/hangfire) are third-party pages with inline scripts;
    /// they keep only the framing rule. Both are off or restricted outside Development.
    /// </summary>
    public const string ToolPolicy = "frame-ancestors 'none'";

    /// <summary>
    /// Set as the answer starts, over whatever came before: an error page written after the exception handler cleared
    /// the headers, or an endpoint that set its own, still carries them.
    /// </summary>
    public static void UseSecurityHeaders(this WebApplication app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                var path = context.Request.Path;
                headers.XFrameOptions = "DENY";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
                {
                    headers.ContentSecurityPolicy = ApiPolicy;
                    headers.CacheControl = "no-store";
                    headers.Pragma = "no-cache";
                }
                else if (path.StartsWithSegments("/scalar", StringComparison.OrdinalIgnoreCase)
                         || path.StartsWithSegments("/hangfire", StringComparison.OrdinalIgnoreCase)
                         || path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase))
                {
                    headers.ContentSecurityPolicy = ToolPolicy;
                }
                else
                {
                    // Both apps' pages: the admin pages are server-rendered too (decision 0014), no 'wasm-unsafe-eval'.
                    // An island page (issue 16) will need its own policy.
                    headers.ContentSecurityPolicy = PatientPagePolicy;
                    if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
                    {
                        // A page holds patients' details and health records: like the API's answers, never cached.
                        headers.CacheControl = "no-store";
                    }
                }

                return Task.CompletedTask;
            });
            return next(context);
        });

    /// <summary>
    /// Outside Development: HTTPS only. Plain HTTP is redirected (308, to <c>Network:HttpsPort</c>, default 443) and
    /// HTTPS answers carry HSTS, so a browser never again uses plain HTTP for this host. Behind a TLS-terminating proxy
    /// configure <c>Network:KnownProxies</c> so its X-Forwarded-Proto counts. The health probes stay on plain HTTP
    /// (an orchestrator calls them inside the network).
    /// </summary>
    public static IServiceCollection AddPortalHttps(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        if (!environment.IsDevelopment())
        {
            services.AddHsts(options =>
            {
                options.MaxAge = TimeSpan.FromDays(365);
                options.IncludeSubDomains = false;
            });
            services.AddHttpsRedirection(options =>
            {
                options.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;
                options.HttpsPort = configuration.GetValue("Network:HttpsPort", 443);
            });
        }

        return services;
    }

    public static void UsePortalHttps(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            return;
        }

        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase), https =>
        {
            https.UseHsts();
            https.UseHttpsRedirection();
        });
    }
}
