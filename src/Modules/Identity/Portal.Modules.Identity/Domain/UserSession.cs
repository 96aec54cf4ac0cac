namespace Portal.Modules.Identity.Domain;

/// <summary>
/// One sign-in (a device or browser): a family of refresh tokens, each used once. Revoking the session
/// stops its refresh tokens and, through the session check, its access tokens.
/// </summary>
internal sealed class UserSession
{
    public Guid Id { get; init; }
    public Guid UserId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset LastUsedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public string? UserAgent { get; init; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public string? RevokedReason { get; private set; }

    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;

    public void Revoke(DateTimeOffset now, string reason)
    {
        if (RevokedAt is not null)
        {
            return;
        }

        RevokedAt = now;
        RevokedReason = reason;
    }
}

/// <summary>A refresh token, kept only as its SHA-256 hash. <see cref="UsedAt"/> set means rotated away.</summary>
internal sealed class RefreshToken
{
    public Guid Id { get; init; }
    public Guid SessionId { get; init; }
    public string TokenHash { get; init; } = string.Empty;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? UsedAt { get; set; }
}

internal static class SessionRevocationReasons
{
    public const string Logout = "logout";
    public const string RevokedByUser = "revoked-by-user";
    public const string PasswordChanged = "password-changed";
    public const string PasswordReset = "password-reset";
    public const string RefreshTokenReused = "refresh-token-reused";
}
