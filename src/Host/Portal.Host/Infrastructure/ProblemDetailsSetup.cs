using System.Diagnostics;
using Portal.Shared.Http;

namespace Portal.Host.Infrastructure;

internal static class ProblemDetailsSetup
{
    /// <summary>Every ProblemDetails carries a stable <c>code</c> and the <c>traceId</c> to quote to support.</summary>
    public static IServiceCollection AddPortalProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            context.ProblemDetails.Extensions.TryAdd("code", ErrorHttpMapping.DefaultCodeOf(status));
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<PortalExceptionHandler>();
        return services;
    }
}
