using Microsoft.EntityFrameworkCore;
using Portal.Modules.Identity.Data;
using Portal.Modules.Identity.Domain;
using Portal.Shared.Abstractions;

namespace Portal.Modules.Identity.Features.PasswordReset;

/// <summary>Finds the link a token belongs to (tracked, so a reset can use it), or why it no longer works.</summary>
internal sealed class PasswordResetLookup(IdentityModuleDbContext db, TimeProvider clock)
{
    public async Task<Result<PasswordResetToken>> FindUsableAsync(string token, CancellationToken cancellationToken)
    {
        if (SecretTokens.HashOfPresented(token) is not { } hash)
        {
            return PasswordResetErrors.NotFound;
        }

        var link = await db.PasswordResetTokens.SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        return link?.StatusAt(clock.GetUtcNow()) switch
        {
            null => PasswordResetErrors.NotFound,
            PasswordResetStatus.Usable => link,
            PasswordResetStatus.Used => PasswordResetErrors.Used,
            _ => PasswordResetErrors.Expired,
        };
    }
}
