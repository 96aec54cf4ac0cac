using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Portal.Shared.Abstractions;

namespace Portal.Shared.Http;

/// <summary>
/// One route group per audience of the API (docs/api-conventions.md, "Who may call what"). Each declares, once, who may
/// call its routes, the OpenAPI tag the slice's module passes, and the problem answers every route of that audience
/// can give: 401 for a signed-in audience, 403 where a policy can refuse, 429 for the anonymous routes' rate limit.
/// A slice maps its route relative to the group and adds only what is its own: its summary, its <c>Produces</c> and
/// its other problem codes, and metadata such as <c>AllowedWhilePasswordChangeIsRequired()</c> or a rate limit.
/// <code>
/// app.MapPracticeRoutes("Clinical notes").MapGet("/notes/{id:guid}", ...)   // GET /api/practice/notes/{id}
/// </code>
/// </summary>
public static class AudienceRoutes
{
    public const string PracticePrefix = "/api/practice";
    public const string PatientPrefix = "/api/portal";
    public const string AccountPrefix = "/api/me";

    /// <summary><c>/api/practice</c>, for the practitioners of the caller's practice group (<see cref="Policies.Practitioner"/>).</summary>
    public static RouteGroupBuilder MapPracticeRoutes(this IEndpointRouteBuilder app, string tag) =>
        app.MapPolicyGroup(PracticePrefix, Policies.Practitioner, tag);

    /// <summary><c>/api/practice</c>, for the practice admins of the caller's practice group (<see cref="Policies.PracticeAdmin"/>).</summary>
    public static RouteGroupBuilder MapPracticeAdminRoutes(this IEndpointRouteBuilder app, string tag) =>
        app.MapPolicyGroup(PracticePrefix, Policies.PracticeAdmin, tag);

    /// <summary><c>/api/portal</c>, for patients, on their own records (<see cref="Policies.Patient"/>).</summary>
    public static RouteGroupBuilder MapPatientRoutes(this IEndpointRouteBuilder app, string tag) =>
        app.MapPolicyGroup(PatientPrefix, Policies.Patient, tag);

    /// <summary><c>/api/me</c>, for any signed-in account, about itself; map the account itself as <c>""</c>.</summary>
    public static RouteGroupBuilder MapAccountRoutes(this IEndpointRouteBuilder app, string tag) =>
        app.MapSignedInRoutes(AccountPrefix, tag);

    /// <summary>
    /// Routes under <paramref name="prefix"/> for any signed-in account, whatever its kind (patient or practitioner), such
    /// as the API's shared vocabulary (<c>GET /api/record-fields</c>); a handler that serves one audience only belongs in
    /// that audience's group instead.
    /// </summary>
    public static RouteGroupBuilder MapSignedInRoutes(this IEndpointRouteBuilder app, string prefix, string tag)
    {
        var group = app.MapGroup(prefix);
        group.RequireAuthorization()
            .WithTags(tag)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return group;
    }

    /// <summary>
    /// Routes under <paramref name="prefix"/> open to callers without a token, each rate limited per client address
    /// (<see cref="AnonymousEndpoints.AllowAnonymousRateLimited{TBuilder}"/>). Every one must be listed in
    /// docs/api-conventions.md and <c>AnonymousRoutesTests</c>.
    /// </summary>
    public static RouteGroupBuilder MapAnonymousRoutes(this IEndpointRouteBuilder app, string prefix, string tag)
    {
        var group = app.MapGroup(prefix);
        group.AllowAnonymousRateLimited()
            .WithTags(tag)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return group;
    }

    private static RouteGroupBuilder MapPolicyGroup(this IEndpointRouteBuilder app, string prefix, string policy, string tag)
    {
        var group = app.MapGroup(prefix);
        group.RequireAuthorization(policy)
            .WithTags(tag)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return group;
    }
}
