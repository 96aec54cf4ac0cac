using Microsoft.AspNetCore.Identity;
using Portal.Modules.Identity.Data;
using Portal.Modules.Identity.Domain;

namespace Portal.Modules.Identity.Features;

/// <summary>
/// Counts a failed sign-in (wrong password or code) towards the lockout. Parallel guesses race on the account's
/// concurrency stamp; a lost race is retried on fresh data, so every failure counts.
/// </summary>
internal sealed class FailedSignIns(IdentityModuleDbContext db, UserManager<PortalUser> users)
{
    /// <summary>Answers whether the account is now locked out.</summary>
    public async Task<bool> CountAsync(PortalUser user)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var counted = await users.AccessFailedAsync(user);
            if (counted.Succeeded)
            {
                break;
            }

            if (counted.Errors.All(e => e.Code != nameof(IdentityErrorDescriber.ConcurrencyFailure)))
            {
                throw new InvalidOperationException("A failed sign-in could not be counted: " + string.Join(", ", counted.Errors.Select(e => e.Code)));
            }

            await db.Entry(user).ReloadAsync();
        }

        return await users.IsLockedOutAsync(user);
    }

    /// <summary>
    /// Checks the signed-in account's current password before a sensitive change (new password, two-factor off).
    /// Guessing it with a stolen token counts towards the lockout like sign-in does. Null when it is right.
    /// </summary>
    public async Task<Portal.Shared.Abstractions.Error?> VerifyCurrentPasswordAsync(PortalUser user, string currentPassword)
    {
        if (await users.IsLockedOutAsync(user))
        {
            return IdentityErrors.LockedOut;
        }

        if (await users.CheckPasswordAsync(user, currentPassword))
        {
            return null;
        }

        return await CountAsync(user) ? IdentityErrors.LockedOut : IdentityErrors.WrongCurrentPassword;
    }
}
