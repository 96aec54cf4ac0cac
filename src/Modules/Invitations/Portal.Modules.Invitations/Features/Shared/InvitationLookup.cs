using Microsoft.EntityFrameworkCore;
using Portal.Modules.Invitations.Data;
using Portal.Modules.Invitations.Domain;
using Portal.Shared.Abstractions;

namespace Portal.Modules.Invitations.Features.Shared;

/// <summary>Finds the invitation a link's token belongs to, or the reason the link no longer works.</summary>
internal sealed class InvitationLookup(InvitationsDbContext db, TimeProvider clock)
{
    public async Task<Result<Invitation>> FindUsableAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return InvitationErrors.NotFound;
        }

        var hash = InvitationTokens.Hash(token);
        var invitation = await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invitation is null)
        {
            return await db.SupersededTokens.AnyAsync(t => t.TokenHash == hash, cancellationToken)
                ? InvitationErrors.Revoked
                : InvitationErrors.NotFound;
        }

        return invitation.StatusAt(clock.GetUtcNow()) switch
        {
            InvitationStatus.Pending => invitation,
            InvitationStatus.Accepted => InvitationErrors.Used,
            InvitationStatus.Expired => InvitationErrors.Expired,
            _ => InvitationErrors.Revoked,
        };
    }
}
