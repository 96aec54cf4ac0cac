using Microsoft.EntityFrameworkCore;
using Portal.Modules.Invitations.Contracts;
using Portal.Modules.Invitations.Data;
using Portal.Modules.Invitations.Domain;
using Portal.Shared.Abstractions;

namespace Portal.Modules.Invitations.Features.Shared;

/// <summary>Finds the invitation a link's token belongs to, or the reason the link no longer works.</summary>
internal sealed class InvitationLookup(InvitationsDbContext db, TimeProvider clock)
{
    public async Task<Result<Invitation>> FindUsableAsync(string token, CancellationToken cancellationToken)
    {
        if (SecretTokens.HashOfPresented(token) is not { } hash)
        {
            return InvitationErrors.NotFound;
        }

        var invitation = await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invitation is null)
        {
            var earlier = await db.SupersededTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
            if (earlier is null)
            {
                return InvitationErrors.NotFound;
            }

            if (!earlier.StillValid)
            {
                return InvitationErrors.Revoked;
            }

            // The first link after a reminder: it stands for the invitation, whose current token the claim checks.
            invitation = await db.Invitations.AsNoTracking().SingleAsync(i => i.Id == earlier.InvitationId, cancellationToken);
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
