using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Portal.Shared.Abstractions;

namespace Portal.Shared.Http;

/// <summary>Marks an endpoint a session may use before its owner has replaced a password someone else set.</summary>
public sealed class AllowedWhilePasswordChangeIsRequiredMetadata
{
    public static readonly AllowedWhilePasswordChangeIsRequiredMetadata Instance = new();
}

/// <summary>
/// An account whose password was set by someone else (the installation's first practice admin) signs in, but its
/// session can do nothing but read who it is, choose its own password and sign out, until it has chosen one.
/// </summary>
public static class PasswordChangeGate
{
    public static readonly Error PasswordChangeRequired = Error.Forbidden("auth.password-change-required",
        "Choose your own password first: the one you signed in with was set for you when the installation was created.");

    public static TBuilder AllowedWhilePasswordChangeIsRequired<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(AllowedWhilePasswordChangeIsRequiredMetadata.Instance);

    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (http.User.HasClaim(PortalClaims.PasswordChangeRequired, "true")
                && http.GetEndpoint() is { } endpoint
                && endpoint.Metadata.GetMetadata<AllowedWhilePasswordChangeIsRequiredMetadata>() is null
                && endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is null)
            {
                await PasswordChangeRequired.ToProblem().ExecuteAsync(http);
                return;
            }

            await next(http);
        });
}
