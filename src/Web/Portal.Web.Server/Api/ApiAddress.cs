using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;

namespace Portal.Web.Server.Api;

/// <summary>
/// Where the web front end reaches the REST API: <c>Web:ApiBaseAddress</c> when the front end runs apart from the API;
/// when that is empty (the default) the Host's own address, in process: the first address the server listens on, plain
/// HTTP preferred (a call on loopback needs no TLS), a wildcard host read as loopback.
/// </summary>
public sealed class ApiAddress(IConfiguration configuration, IServer server)
{
    private Uri? _address;

    /// <summary>Whether the API is this process (the default), not a separate address.</summary>
    public bool InProcess => string.IsNullOrWhiteSpace(configuration["Web:ApiBaseAddress"]);

    public Uri BaseAddress => _address ??= Resolve();

    private Uri Resolve()
    {
        if (configuration["Web:ApiBaseAddress"] is { Length: > 0 } configured)
        {
            return new Uri(configured.EndsWith('/') ? configured : configured + "/");
        }

        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var chosen = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault();
        if (chosen is null)
        {
            return new Uri("http://localhost/");   // a server without addresses (the tests' in-memory server)
        }

        var uri = new UriBuilder(chosen.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0")
        {
            uri.Host = "127.0.0.1";
        }
        else if (uri.Host is "[::]" or "::")
        {
            uri.Host = "[::1]";
        }

        uri.Path = "/";
        return uri.Uri;
    }
}
