using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Portal.Host.Infrastructure;

internal static class ForwardedHeadersSetup
{
    /// <summary>
    /// Behind a load balancer the client's address comes from X-Forwarded-For, trusted only from the proxies listed
    /// in <c>Network:KnownProxies</c> (comma-separated). Rate limits are per client address, so this matters.
    /// </summary>
    public static IServiceCollection AddPortalForwardedHeaders(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in (configuration["Network:KnownProxies"] ?? string.Empty)
                         .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
}
