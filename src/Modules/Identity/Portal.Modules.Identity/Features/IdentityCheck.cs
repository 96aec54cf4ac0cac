using Microsoft.AspNetCore.Identity;

namespace Portal.Modules.Identity.Features;

internal static class IdentityCheck
{
    /// <summary>
    /// For UserManager steps that fail only when the account changed underneath (a concurrency failure): the request
    /// fails whole, and its transaction is rolled back, instead of going on half done.
    /// </summary>
    public static void Succeeded(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("An account change failed: " + string.Join(", ", result.Errors.Select(e => e.Code)));
        }
    }
}
