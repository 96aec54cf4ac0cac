using Portal.Shared.Abstractions;

namespace Portal.Modules.Identity.Features.PasswordReset;

internal static class PasswordResetErrors
{
    public static readonly Error NotFound =
        Error.NotFound("password-reset.not-found", "This password reset link is not valid. Check that you copied the whole link, or ask for a new one.");

    public static readonly Error Used =
        Error.Gone("password-reset.used", "This password reset link has already been used. Ask for a new one if you still need it.");

    public static readonly Error Expired =
        Error.Gone("password-reset.expired", "This password reset link has expired, or a newer one was sent. Ask for a new one.");
}
