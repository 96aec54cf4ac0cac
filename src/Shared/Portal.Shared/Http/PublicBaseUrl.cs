using Microsoft.Extensions.Configuration;

namespace Portal.Shared.Http;

/// <summary>The address people's links in emails point to (setting <c>PublicBaseUrl</c>), without a trailing slash.</summary>
public static class PublicBaseUrl
{
    public static string From(IConfiguration configuration) => (configuration["PublicBaseUrl"] ?? "http://localhost:5080").TrimEnd('/');
}
