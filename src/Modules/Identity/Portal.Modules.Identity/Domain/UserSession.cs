namespace Portal.Modules.Identity.Domain;

/// <summary>
/// One sign-in (a device or browser): a family of refresh tokens, each used once. Revoking the session
/// stops its refresh tokens and, through the session check, its access tokens. Use keeps a session alive for an
/// idle period at a time, never past its absolute lifetime from the sign-in.
/// </summary>
internal sealed class UserSession
{
    public Guid Id { get; init; }
    public Guid UserId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset LastUsedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public string? UserAgent { get; init; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public string? RevokedReason { get; private set; }

    public static UserSession Start(Guid userId, DateTimeOffset now, SessionLifetime lifetime, string? userAgent)
    {
        var session = new UserSession
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            CreatedAt = now,
            UserAgent = userAgent is { Length: > 256 } ? userAgent[..256] : userAgent,
        };
        session.Touch(now, lifetime);
        return session;
    }

    /// <summary>A used session stays alive for another idle period, but not past the end of its absolute lifetime.</summary>
    public void Touch(DateTimeOffset now, SessionLifetime lifetime)
    {
        LastUsedAt = now;
        var idleEnd = now + lifetime.Idle;
        var absoluteEnd = CreatedAt + lifetime.Absolute;
        ExpiresAt = idleEnd < absoluteEnd ? idleEnd : absoluteEnd;
    }

    /// <summary>
    /// The absolute end is checked again here, not only through <see cref="ExpiresAt"/>: a session started under a
    /// longer setting ends when the setting is shortened.
    /// </summary>
    public bool IsActiveAt(DateTimeOffset now, SessionLifetime lifetime) =>
        IsActive(RevokedAt, ExpiresAt, CreatedAt, now, lifetime);

    public static bool IsActive(DateTimeOffset? revokedAt, DateTimeOffset expiresAt, DateTimeOffset createdAt, DateTimeOffset now, SessionLifetime lifetime) =>
        revokedAt is null && expiresAt > now && createdAt + lifetime.Absolute > now;

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

/// <summary>How long a session lives unused (<see cref="Idle"/>) and at most from its sign-in (<see cref="Absolute"/>).</summary>
internal readonly record struct SessionLifetime(TimeSpan Idle, TimeSpan Absolute)
{
    public static SessionLifetime From(AuthSettings settings) =>
        new(TimeSpan.FromDays(settings.SessionIdleDays), TimeSpan.FromDays(settings.SessionAbsoluteDays));
}

/// <summary>A refresh token, kept only as its SHA-256 hash. <see cref="UsedAt"/> set means rotated away.</summary>
internal sealed class RefreshToken
{
    public Guid Id { get; init; }
    public Guid SessionId { get; init; }
    public string TokenHash { get; init; } = string.Empty;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? UsedAt { get; private set; }   // claimed by one conditional update (RefreshTokens)
}

internal static class SessionRevocationReasons
{
    public const string Logout = "logout";
    public const string RevokedByUser = "revoked-by-user";
    public const string PasswordChanged = "password-changed";
    public const string TwoFactorEnabled = "two-factor-enabled";
    public const string PasswordReset = "password-reset";
    public const string RefreshTokenReused = "refresh-token-reused";
}
