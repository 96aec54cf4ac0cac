namespace Portal.Modules.Identity;

/// <summary>Token lifetimes and sign-in limits, section <c>Auth</c>.</summary>
public sealed class AuthSettings
{
    public const string Section = "Auth";

    /// <summary>Access tokens are short-lived; a client refreshes them with its refresh token.</summary>
    public int AccessTokenMinutes { get; set; } = 15;

    /// <summary>A session with no refresh for this long ends; each refresh extends it, never past <see cref="SessionAbsoluteDays"/>.</summary>
    public int SessionIdleDays { get; set; } = 14;

    /// <summary>A session ends this long after its sign-in however often it is refreshed: then the user signs in again.</summary>
    public int SessionAbsoluteDays { get; set; } = 30;

    /// <summary>Failed sign-ins of one email from one client address before that pair has to wait.</summary>
    public int MaxFailedSignInAttempts { get; set; } = 5;

    /// <summary>The first wait; each further failure after it doubles the wait, up to <see cref="MaxLockoutMinutes"/>.</summary>
    public int LockoutMinutes { get; set; } = 1;

    public int MaxLockoutMinutes { get; set; } = 60;

    /// <summary>Failures older than this are forgotten: a pair that stays quiet this long starts afresh.</summary>
    public int FailedSignInMemoryHours { get; set; } = 24;

    /// <summary>The issuer shown in authenticator apps.</summary>
    public string TotpIssuer { get; set; } = "Portal";
}
