using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Portal.Web.Server.Api;

namespace Portal.Host.Infrastructure;

/// <summary>
/// Behind a reverse proxy or load balancer the client's address and scheme come from X-Forwarded-For and
/// X-Forwarded-Proto, trusted ONLY from the proxies the installation names: <c>Network:KnownProxies</c> (addresses)
/// and <c>Network:KnownNetworks</c> (CIDR ranges, e.g. a container network), comma-separated. Rate limits and the
/// audit trails use that address, so a header from anyone else (loopback included) is ignored.
/// One more sender is believed: the Host's own web front end (the patients' pages calling the API in process), which
/// proves it is that front end with a key only this process knows (<see cref="WebFrontEnd"/>) and calls from loopback.
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

    /// <summary>
    /// The forwarded headers of the configured proxies (<see cref="AddPortalForwardedHeaders"/>), and those of the
    /// in-process web front end: a request from loopback (or from the tests' in-memory server, which has no address)
    /// that carries the front end's key takes the browser's address and scheme from its X-Forwarded-For and
    /// X-Forwarded-Proto. The key header is removed from every request, so nothing after this reads or logs it.
    /// </summary>
    public static void UsePortalForwardedHeaders(this WebApplication app)
    {
        var frontEnd = app.Services.GetRequiredService<WebFrontEnd>();
        app.Use((context, next) =>
        {
            var headers = context.Request.Headers;
            if (!headers.TryGetValue(WebFrontEnd.KeyHeader, out var presented))
            {
                return next(context);
            }

            headers.Remove(WebFrontEnd.KeyHeader);
            var peer = context.Connection.RemoteIpAddress;
            if (peer is { IsIPv4MappedToIPv6: true })
            {
                peer = peer.MapToIPv4();   // a dual-mode socket's view of 127.0.0.1
            }

            if ((peer is null || IPAddress.IsLoopback(peer)) && frontEnd.IsKey(presented.ToString()))
            {
                if (IPAddress.TryParse(headers["X-Forwarded-For"].ToString(), out var browser))
                {
                    context.Connection.RemoteIpAddress = browser;
                }

                var scheme = headers["X-Forwarded-Proto"].ToString();
                if (scheme is "https" or "http")
                {
                    context.Request.Scheme = scheme;
                }

                // Said once by the front end; the proxies' middleware after this must not read them again.
                headers.Remove("X-Forwarded-For");
                headers.Remove("X-Forwarded-Proto");
            }

            return next(context);
        });
        app.UseForwardedHeaders();
    }
}
