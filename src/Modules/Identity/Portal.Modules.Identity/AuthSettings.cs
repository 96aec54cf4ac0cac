namespace Portal.Modules.Identity;

/// <summary>Token lifetimes and sign-in limits, section <c>Auth</c>.</summary>
public sealed class AuthSettings
{
    public const string Section = "Auth";

    /// <summary>Access tokens are short-lived; a client refreshes them with its refresh token.</summary>
    public int AccessTokenMinutes { get; set; } = 15;

    /// <summary>A session with no refresh for this long ends; each refresh extends it.</summary>
    public int SessionIdleDays { get; set; } = 14;

    public int MaxFailedSignInAttempts { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>The issuer shown in authenticator apps.</summary>
    public string TotpIssuer { get; set; } = "Portal";
}
