using Portal.Shared.Abstractions;

namespace Portal.Modules.Identity.Features;

internal static class IdentityErrors
{
    /// <summary>The same answer for an unknown email and a wrong password, so accounts cannot be discovered.</summary>
    public static readonly Error InvalidCredentials =
        Error.Unauthorized("auth.invalid-credentials", "The email or password is incorrect.");

    public static readonly Error TwoFactorRequired =
        Error.Unauthorized("auth.two-factor-required", "Enter the code from your authenticator app.");

    public static readonly Error InvalidTwoFactorCode =
        Error.Unauthorized("auth.invalid-two-factor-code", "The two-factor code is incorrect.");

    public static readonly Error LockedOut =
        Error.Locked("auth.locked-out", "Too many failed sign-in attempts. Try again later.");

    public static readonly Error Deactivated =
        Error.Forbidden("auth.account-deactivated", "This account has been deactivated. Ask a practice admin of your practice.");

    public static readonly Error InvalidRefreshToken =
        Error.Unauthorized("auth.invalid-refresh-token", "The refresh token is not valid. Sign in again.");

    public static readonly Error RefreshTokenReused =
        Error.Unauthorized("auth.refresh-token-reused", "The refresh token was already used; the session has been ended. Sign in again.");

    public static readonly Error AccountGone =
        Error.Unauthorized("auth.unauthenticated", "The account no longer exists.");

    public static readonly Error SessionNotFound =
        Error.NotFound("sessions.not-found", "No such session.");

    public static readonly Error PasswordUnchanged =
        Error.Validation("auth.password-unchanged", "Choose a password different from the current one.", "newPassword");

    public static readonly Error WrongCurrentPassword =
        Error.Validation("auth.wrong-password", "The current password is incorrect.", "currentPassword");

    public static readonly Error TwoFactorAlreadyEnabled =
        Error.Conflict("two-factor.already-enabled", "Two-factor sign-in is already on. Turn it off first to set up a new authenticator.");

    public static readonly Error TwoFactorNotSetUp =
        Error.Conflict("two-factor.not-set-up", "Set up an authenticator first.");

    public static readonly Error TwoFactorNotEnabled =
        Error.Conflict("two-factor.not-enabled", "Two-factor sign-in is off, so there are no recovery codes to replace.");

    public static readonly Error InvalidSetupCode =
        Error.Validation("two-factor.invalid-code", "The code is incorrect. Check the time on your device and try again.", "code");
}
