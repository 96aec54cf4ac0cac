using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Portal.Shared.Abstractions;
using Portal.Shared.Modules;

namespace Portal.Host.Infrastructure;

internal static class AuthorizationSetup
{
    /// <summary>Deny by default: every endpoint needs a signed-in caller unless it says otherwise.</summary>
    public static IServiceCollection AddPortalAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Practitioner, policy => policy
                .RequireAuthenticatedUser()
                .RequireRole(Roles.Practitioner)
                .RequireClaim(PortalClaims.PracticeGroupId))
            .AddPolicy(Policies.PracticeAdmin, policy => policy
                .RequireAuthenticatedUser()
                .RequireRole(Roles.PracticeAdmin)
                .RequireClaim(PortalClaims.PracticeGroupId))
            .AddPolicy(Policies.Patient, policy => policy
                .RequireAuthenticatedUser()
                .RequireRole(Roles.Patient))
            .AddPolicy(Policies.Operator, policy => policy
                .RequireAuthenticatedUser()
                .RequireRole(Roles.Operator));
        return services;
    }

    /// <summary>
    /// An access token of a revoked or expired session (logout, password change, reused refresh token)
    /// is treated as no token at all.
    /// </summary>
    public static IApplicationBuilder UseActiveSessionCheck(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            var user = http.User;
            if (user.Identity?.IsAuthenticated == true)
            {
                var active = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
                             && Guid.TryParse(user.FindFirstValue(PortalClaims.SessionId), out var sessionId)
                             && await http.RequestServices.GetRequiredService<ISessionValidator>()
                                 .IsActiveAsync(userId, sessionId, http.RequestAborted);
                if (!active)
                {
                    http.User = new ClaimsPrincipal(new ClaimsIdentity());
                }
            }

            await next(http);
        });
}
