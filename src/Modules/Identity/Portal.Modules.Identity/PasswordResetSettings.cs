namespace Portal.Modules.Identity;

/// <summary>Forgotten-password links, section <c>PasswordReset</c>; the links point at <c>PublicBaseUrl</c>.</summary>
public sealed class PasswordResetSettings
{
    public const string Section = "PasswordReset";

    /// <summary>How long a link works after it is sent.</summary>
    public int LinkMinutes { get; set; } = 30;

    /// <summary>
    /// At most this many links for one account in an hour; further requests send nothing, so nobody can flood an
    /// owner's mailbox (the per-address rate limit alone does not stop requests from many addresses).
    /// </summary>
    public int MaxLinksPerHour { get; set; } = 5;
}
