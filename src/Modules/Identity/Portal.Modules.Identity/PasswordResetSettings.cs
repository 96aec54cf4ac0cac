namespace Portal.Modules.Identity;

/// <summary>Forgotten-password links, section <c>PasswordReset</c>; the links point at <c>PublicBaseUrl</c>.</summary>
public sealed class PasswordResetSettings
{
    public const string Section = "PasswordReset";

    /// <summary>How long a link works after it is sent.</summary>
    public int LinkMinutes { get; set; } = 30;
}
