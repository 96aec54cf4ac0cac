using Microsoft.AspNetCore.Builder;

namespace Portal.Shared.Http;

/// <summary>Rate-limiter policy names the Host defines.</summary>
public static class RateLimitPolicies
{
    /// <summary>Per client address; every anonymous route and every <c>/api/auth/*</c> route uses it.</summary>
    public const string Anonymous = "anonymous";

    /// <summary>The API reference and OpenAPI document: anonymous too, with a larger allowance (a page loads several files).</summary>
    public const string AnonymousDocuments = "anonymous-documents";
}

public static class AnonymousEndpoints
{
    /// <summary>
    /// Opens a route to callers without a token (the default is deny), always rate limited, so an
    /// anonymous route cannot be added without its limit.
    /// </summary>
    public static TBuilder AllowAnonymousRateLimited<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Anonymous);
}
