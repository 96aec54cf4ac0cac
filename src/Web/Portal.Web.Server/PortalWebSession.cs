using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Web.Server.Api;
using Portal.Web.Server.Session;

namespace Portal.Web.Server;

/// <summary>
/// The services every server-rendered web app shares, registered in one place: the front end's key
/// (<see cref="WebFrontEnd"/>), the HTTP client to the REST API and its callers (<see cref="ApiTransport"/>,
/// <see cref="PortalWebApi"/>), and the session cookie's scheme (<see cref="WebSession"/>). An app adds its own feature
/// clients after it.
/// </summary>
public static class PortalWebSession
{
    public static IServiceCollection AddPortalWebSession(this IServiceCollection services, IHostEnvironment environment)
    {
        // Both apps call this; one origin has one session cookie and one scheme (decision 0014), so it registers once.
        if (services.Any(service => service.ServiceType == typeof(WebFrontEnd)))
        {
            return services;
        }

        services.AddHttpContextAccessor();
        services.AddHttpClient(ApiTransport.ClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
        services.AddSingleton<WebFrontEnd>();
        services.AddSingleton<ApiAddress>();
        services.AddSingleton<TokenRefreshes>();
        services.AddSingleton<ProtectedField>();
        services.AddScoped<ApiTransport>();
        services.AddScoped<WebSession>();
        services.AddScoped<PortalWebApi>();

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
