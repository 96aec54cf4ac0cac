using Microsoft.AspNetCore.Identity;
using Portal.Modules.Identity.Contracts;
using Portal.Shared.Abstractions;

namespace Portal.Modules.Identity.Features;

internal static class PasswordErrors
{
    /// <summary>ASP.NET Core Identity's password failures as a 400 on the password field.</summary>
    public static Error From(IdentityResult result, string field) =>
        new(IdentityErrorCodes.WeakPassword, "The new password is not strong enough.", ErrorKind.Validation)
        {
            FieldErrors = new Dictionary<string, string[]>
            {
                [field] = result.Errors.Select(e => e.Description).ToArray(),
            },
        };
}
