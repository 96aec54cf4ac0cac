using System.Text.Json.Serialization;

namespace Portal.Web.Server.Session;

/// <summary>What <c>POST /api/auth/login</c> and <c>/api/auth/refresh</c> answer. Kept on the server, never sent to the browser.</summary>
public sealed record TokenResponse(
    [property: JsonPropertyName("accessToken")] string AccessToken,
    [property: JsonPropertyName("refreshToken")] string RefreshToken,
    [property: JsonPropertyName("expiresIn")] int ExpiresIn);

/// <summary>Who an account is, as the web pages need it; what the API's <c>kind</c> means, in the web's own words.</summary>
public enum AccountKind
{
    Other,
    Patient,
    Practitioner,
}

/// <summary>The signed-in account of this browser, from its session cookie.</summary>
public sealed record SessionUser(Guid UserId, string Email, string Name, AccountKind Kind);
