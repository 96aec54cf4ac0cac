using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Portal.Host.Infrastructure;

/// <summary>
/// Behind a reverse proxy or load balancer the client's address and scheme come from X-Forwarded-For and
/// X-Forwarded-Proto, trusted ONLY from the proxies the installation names: <c>Network:KnownProxies</c> (addresses)
/// and <c>Network:KnownNetworks</c> (CIDR ranges, e.g. a container network), comma-separated. Rate limits and the
/// audit trails use that address, so a header from anyone else (loopback included) is ignored.
/// </summary>
internal static class ForwardedHeadersSetup
{
    public static IServiceCollection AddPortalForwardedHeaders(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // ASP.NET trusts loopback by default, and trusts EVERY sender when both lists are empty: so the lists are
            // emptied, and without a configured proxy no header is read at all.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in Split(configuration["Network:KnownProxies"]))
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in Split(configuration["Network:KnownNetworks"]))
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

            options.ForwardedHeaders = options.KnownProxies.Count > 0 || options.KnownIPNetworks.Count > 0
                ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
                : ForwardedHeaders.None;
        });

    private static string[] Split(string? list) =>
        (list ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
