using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Portal.Host.Infrastructure;

internal static class OpenApiSetup
{
    private const string BearerScheme = "Bearer";

    /// <summary>
    /// The document at <c>/openapi/v1.json</c>: every route with who may call it (bearer token and policy,
    /// or anonymous) and its response codes, including the 401/403 that authorization adds.
    /// </summary>
    public static IServiceCollection AddPortalOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Portal API";
                document.Info.Description = "The patient portal's REST API: practices, patients and their records.";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "The accessToken from POST /api/auth/login or /api/auth/refresh.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                operation.Responses ??= new OpenApiResponses();
                if (metadata.OfType<IAllowAnonymous>().Any())
                {
                    operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                    operation.Extensions["x-portal-access"] = new JsonNodeExtension("anonymous");
                }
                else
                {
                    var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct().ToList();
                    operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                    operation.Extensions["x-portal-access"] = new JsonNodeExtension(policies.Count > 0 ? string.Join(",", policies) : "signedIn");
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement
                    {
                        [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [],
                    });
                    operation.Responses.TryAdd("401", new OpenApiResponse { Description = "Not signed in, or the token expired or was revoked" });
                    if (policies.Count > 0)
                    {
                        operation.Responses.TryAdd("403", new OpenApiResponse { Description = "Signed in without the required role" });
                    }
                }

                operation.Responses.TryAdd("500", new OpenApiResponse { Description = "Unexpected error (ProblemDetails without internals)" });
                InStatusCodeOrder(operation.Responses);
                return Task.CompletedTask;
            });
        });

    /// <summary>
    /// An operation's answers in status-code order, however they were declared: a route group's common problem answers
    /// are declared before the slice's success answer, and the reference should still show the 2xx first.
    /// </summary>
    private static void InStatusCodeOrder(OpenApiResponses responses)
    {
        var ordered = responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        responses.Clear();
        foreach (var (status, response) in ordered)
        {
            responses.Add(status, response);
        }
    }
}
