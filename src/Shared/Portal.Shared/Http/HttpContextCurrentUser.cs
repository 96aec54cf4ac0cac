using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Portal.Shared.Abstractions;

namespace Portal.Shared.Http;

/// <summary>The current user from the request's access token.</summary>
public sealed class HttpContextCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

    public Guid UserId => Guid.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
        ? id
        : throw new InvalidOperationException("No signed-in user in this context.");

    public string Email => Principal?.FindFirstValue(ClaimTypes.Email) ?? string.Empty;

    public string Name => Principal?.FindFirstValue(ClaimTypes.Name) ?? Email;

    public Guid? PracticeGroupId => GuidClaim(PortalClaims.PracticeGroupId);

    public Guid? SessionId => GuidClaim(PortalClaims.SessionId);

    public bool IsInRole(string role) => Principal?.IsInRole(role) == true;

    private Guid? GuidClaim(string type) =>
        Guid.TryParse(Principal?.FindFirstValue(type), out var value) ? value : null;
}
