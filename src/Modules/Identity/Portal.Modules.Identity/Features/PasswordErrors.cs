using Microsoft.AspNetCore.Identity;
using Portal.Modules.Identity.Contracts;
using Portal.Shared.Abstractions;

namespace Portal.Modules.Identity.Features;

internal static class PasswordErrors
{
    /// <summary>
    /// ASP.NET Core Identity's failures as a 400: password rules on the password field, anything else about the
    /// account (e.g. an email Identity will not take) on the email field.
    /// </summary>
    public static Error From(IdentityResult result, string passwordField)
    {
        var password = result.Errors.Where(e => e.Code.StartsWith("Password", StringComparison.Ordinal)).ToList();
        if (password.Count > 0)
        {
            return new Error(IdentityErrorCodes.WeakPassword, "The password is not strong enough.", ErrorKind.Validation)
            {
                FieldErrors = new Dictionary<string, string[]> { [passwordField] = password.Select(e => e.Description).ToArray() },
            };
        }

        return new Error("identity.invalid-account", "The account could not be saved.", ErrorKind.Validation)
        {
            FieldErrors = new Dictionary<string, string[]> { ["email"] = result.Errors.Select(e => e.Description).ToArray() },
        };
    }
}
