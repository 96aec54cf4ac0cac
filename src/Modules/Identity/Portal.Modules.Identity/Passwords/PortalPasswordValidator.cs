using Microsoft.AspNetCore.Identity;
using Portal.Modules.Identity.Domain;

namespace Portal.Modules.Identity.Passwords;

/// <summary>
/// Beside Identity's length rule: refuses passwords on the common-passwords list and passwords that are the account's
/// own email or name (with digits or punctuation around it). Every way a password is set (accepting an invitation,
/// changing it, a reset, the first practice's admin) goes through UserManager, so through this.
/// </summary>
internal sealed class PortalPasswordValidator : IPasswordValidator<PortalUser>
{
    public const string CommonCode = "PasswordCommon";
    public const string PersonalCode = "PasswordPersonal";

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);   // Identity's own validator reports the missing password
        }

        if (CommonPasswords.Contains(password) || CommonPasswords.Contains(CoreOf(password)))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = CommonCode,
                Description = "This is one of the most commonly used passwords, the first ones attackers try. Choose another.",
            }));
        }

        if (IsBasedOnAccount(password, user))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = PersonalCode,
                Description = "Too easy to guess: it is your email address or name. Choose something else.",
            }));
        }

        return Task.FromResult(IdentityResult.Success);
    }

    /// <summary>
    /// A password without the digits and punctuation added at its ends, the way people stretch a common one to the
    /// required length: "Password1234!" is "Password", "iloveyou2024" is "iloveyou".
    /// </summary>
    internal static string CoreOf(string password) =>
        password.Trim().TrimStart(NotLetters).TrimEnd(NotLetters);

    private static readonly char[] NotLetters = "0123456789 !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".ToCharArray();

    /// <summary>
    /// The whole email in it, or nothing but the email's name part or the person's name once digits, spaces and
    /// punctuation are dropped ("Ava.Nguyen2026!" for Ava Nguyen). A phrase that merely mentions the name passes.
    /// </summary>
    internal static bool IsBasedOnAccount(string password, PortalUser user)
    {
        var email = user.Email ?? string.Empty;
        if (email.Length > 0 && password.Contains(email, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var letters = LettersOf(password);
        if (letters.Length == 0)
        {
            return false;
        }

        var localPart = email.Split('@')[0];
        string[] personal =
        [
            LettersOf(localPart), LettersOf(user.GivenName), LettersOf(user.FamilyName),
            LettersOf(user.GivenName + user.FamilyName), LettersOf(user.FamilyName + user.GivenName),
        ];
        return personal.Any(p => p.Length >= 2 && string.Equals(p, letters, StringComparison.Ordinal));
    }

    private static string LettersOf(string? text) =>
        string.Concat((text ?? string.Empty).Where(char.IsLetter)).ToLowerInvariant();
}
