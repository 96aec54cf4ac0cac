using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Modules.Identity.Data;
using Portal.Modules.Identity.Domain;
using Portal.Shared.Abstractions;

namespace Portal.Modules.Identity.Features;

/// <summary>The answer of login and refresh (docs/api-conventions.md, "Tokens").</summary>
/// <param name="PasswordChangeRequired">
/// True while the account must choose its own password: until then every route but <c>GET /api/me</c>,
/// <c>POST /api/me/password</c> and sign-out answers 403 <c>auth.password-change-required</c>; refresh the tokens after
/// the change.
/// </param>
public sealed record TokenResponse(string TokenType, string AccessToken, int ExpiresIn, string RefreshToken, bool PasswordChangeRequired);

/// <summary>
/// Issues access tokens (data-protected bearer tokens, validated by ASP.NET Core's bearer-token handler) and
/// refresh tokens (random, stored only as a SHA-256 hash, single use).
/// </summary>
internal sealed class TokenIssuer(
    IdentityModuleDbContext db,
    UserManager<PortalUser> users,
    IOptionsMonitor<BearerTokenOptions> bearerOptions,
    IOptions<AuthSettings> settings,
    TimeProvider clock)
{
    public const string Scheme = "Bearer";

    public UserSession StartSession(PortalUser user, string? userAgent)
    {
        var session = UserSession.Start(user.Id, clock.GetUtcNow(), Lifetime, userAgent);
        db.Sessions.Add(session);
        return session;
    }

    public void Touch(UserSession session) => session.Touch(clock.GetUtcNow(), Lifetime);

    public SessionLifetime Lifetime => SessionLifetime.From(settings.Value);

    /// <summary>Adds a new refresh token to the session (saved with the unit of work) and signs an access token.</summary>
    public async Task<TokenResponse> IssueAsync(PortalUser user, UserSession session)
    {
        var now = clock.GetUtcNow();
        var refreshToken = SecretTokens.New();
        db.RefreshTokens.Add(new RefreshToken
        {
            Id = Guid.CreateVersion7(),
            SessionId = session.Id,
            TokenHash = SecretTokens.Hash(refreshToken),
            CreatedAt = now,
        });

        var lifetime = TimeSpan.FromMinutes(settings.Value.AccessTokenMinutes);
        var principal = await PrincipalOf(user, session.Id);
        var ticket = new AuthenticationTicket(
            principal, new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + lifetime }, Scheme);
        var accessToken = bearerOptions.Get(Scheme).BearerTokenProtector.Protect(ticket);
        return new TokenResponse("Bearer", accessToken, (int)lifetime.TotalSeconds, refreshToken, user.MustChangePassword);
    }


    private async Task<ClaimsPrincipal> PrincipalOf(PortalUser user, Guid sessionId)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(ClaimTypes.Email, user.Email ?? string.Empty),
            new(ClaimTypes.Name, user.DisplayName),
            new(PortalClaims.Kind, CamelCaseNames.Of(user.Kind)),
            new(PortalClaims.SessionId, sessionId.ToString()),
        };
        if (user.MustChangePassword)
        {
            claims.Add(new Claim(PortalClaims.PasswordChangeRequired, "true"));
        }

        if (user.PracticeGroupId is { } groupId)
        {
            claims.Add(new Claim(PortalClaims.PracticeGroupId, groupId.ToString()));
        }

        claims.AddRange((await users.GetRolesAsync(user)).Select(role => new Claim(ClaimTypes.Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}
