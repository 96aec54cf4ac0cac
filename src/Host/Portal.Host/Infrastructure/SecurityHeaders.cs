namespace Portal.Host.Infrastructure;

/// <summary>Headers every answer carries: no framing (clickjacking of "Apply anyway" and the like), no MIME sniffing.</summary>
internal static class SecurityHeaders
{
    public static void UseSecurityHeaders(this WebApplication app) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = "frame-ancestors 'none'";
            return next(context);
        });
}
