using Portal.Shared.Http;

namespace Portal.Host.Infrastructure;

internal static class ProblemDetailsSetup
{
    /// <summary>
    /// Every ProblemDetails carries a stable <c>code</c> and the <c>traceId</c> to quote to support: the request's id,
    /// the one the error log names and every log line of the request carries (its <c>RequestId</c> scope).
    /// </summary>
    public static IServiceCollection AddPortalProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            context.ProblemDetails.Extensions.TryAdd("code", ErrorHttpMapping.DefaultCodeOf(status));
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<PortalExceptionHandler>();
        return services;
    }
}
