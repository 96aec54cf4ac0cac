using Portal.Shared.Abstractions;

namespace Portal.Modules.Identity.Domain;

internal enum PasswordResetStatus
{
    Usable,
    Used,
    Expired,
}

/// <summary>
/// A forgotten-password link: kept only as the SHA-256 hash of its token, usable once and for a short time. A newer
/// request for the same account ends the older links at once (they answer "expired").
/// </summary>
internal sealed class PasswordResetToken
{
    public Guid Id { get; private init; }
    public Guid UserId { get; private init; }
    public string TokenHash { get; private init; } = string.Empty;
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>A concurrency token: of two resets racing with one link, only the first saves.</summary>
    public DateTimeOffset? UsedAt { get; private set; }

    /// <summary>A new link for the account; the token itself goes only into the email.</summary>
    public static (PasswordResetToken Link, string Token) Issue(Guid userId, DateTimeOffset now, TimeSpan lifetime)
    {
        var token = SecretTokens.New();
        var link = new PasswordResetToken
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            TokenHash = SecretTokens.Hash(token),
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        return (link, token);
    }

    public PasswordResetStatus StatusAt(DateTimeOffset now) =>
        UsedAt is not null ? PasswordResetStatus.Used
        : ExpiresAt <= now ? PasswordResetStatus.Expired
        : PasswordResetStatus.Usable;

    /// <summary>Ends a link that a newer one replaces (a used or expired one stays as it is).</summary>
    public void Supersede(DateTimeOffset now)
    {
        if (StatusAt(now) == PasswordResetStatus.Usable)
        {
            ExpiresAt = now;
        }
    }

    public bool TryUse(DateTimeOffset now)
    {
        if (StatusAt(now) != PasswordResetStatus.Usable)
        {
            return false;
        }

        UsedAt = now;
        return true;
    }
}
