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
}
