using Microsoft.AspNetCore.Http;

namespace Portal.Shared.Http;

/// <summary>Where a request came from, for audit trails (after the trusted proxies' forwarded headers).</summary>
public static class RemoteAddress
{
    /// <summary>At most 45 characters, the longest IPv6 text (a zone id can make it longer).</summary>
    public const int MaxLength = 45;

    public static string? Of(HttpContext? context)
    {
        var address = context?.Connection.RemoteIpAddress;
        if (address is null)
        {
            return null;
        }

        var text = (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
        return text.Length <= MaxLength ? text : text[..MaxLength];
    }

    /// <summary>
    /// Who a request counts as for limits (sign-in throttling, rate limits): an IPv4 address, or an IPv6 client's /64
    /// network, since one host usually holds a whole /64 and could otherwise take a fresh address for every guess.
    /// </summary>
    public static string? ClientKeyOf(HttpContext? context)
    {
        var address = context?.Connection.RemoteIpAddress;
        if (address is null)
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6 || address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return Of(context);
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new System.Net.IPAddress(bytes) + "/64";
    }
}
