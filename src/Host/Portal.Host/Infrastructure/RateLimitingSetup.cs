using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Shared.Http;

namespace Portal.Host.Infrastructure;

internal static class RateLimitingSetup
{
    /// <summary>
    /// A fixed window per client address for anonymous and sign-in routes (<c>RateLimiting:Anonymous</c>).
    /// Behind a proxy, configure forwarded headers so the address is the client's, not the proxy's.
    /// </summary>
    public static IServiceCollection AddPortalRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var permitLimit = configuration.GetValue("RateLimiting:Anonymous:PermitLimit", 30);
        var window = TimeSpan.FromSeconds(configuration.GetValue("RateLimiting:Anonymous:WindowSeconds", 60));

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(RateLimitPolicies.Anonymous, http => RateLimitPartition.GetFixedWindowLimiter(
                RemoteAddress.ClientKeyOf(http) ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permitLimit, Window = window, QueueLimit = 0 }));
            options.AddPolicy(RateLimitPolicies.AnonymousDocuments, http => RateLimitPartition.GetFixedWindowLimiter(
                RemoteAddress.ClientKeyOf(http) ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permitLimit * 10, Window = window, QueueLimit = 0 }));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                var problem = new ProblemDetails
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Detail = "Too many requests from this address. Wait a moment and try again.",
                };
                problem.Extensions["code"] = "rate-limited";
                await http.RequestServices.GetRequiredService<IProblemDetailsService>()
                    .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
            };
        });
        return services;
    }
}
