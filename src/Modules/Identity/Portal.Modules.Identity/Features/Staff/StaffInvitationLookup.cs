using Microsoft.EntityFrameworkCore;
using Portal.Modules.Identity.Data;
using Portal.Modules.Identity.Domain;
using Portal.Shared.Abstractions;

namespace Portal.Modules.Identity.Features.Staff;

/// <summary>Finds the staff invitation a link's token belongs to, or the reason the link no longer works.</summary>
internal static class StaffInvitationLookup
{
    public static async Task<Result<StaffInvitation>> FindUsableAsync(
        IdentityModuleDbContext db, string token, DateTimeOffset now, bool track, CancellationToken cancellationToken)
    {
        if (SecretTokens.HashOfPresented(token) is not { } hash)
        {
            return StaffErrors.InvitationNotFound;
        }

        var invitations = track ? db.StaffInvitations : db.StaffInvitations.AsNoTracking();
        var invitation = await invitations.SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        return invitation?.StatusAt(now) switch
        {
            null => StaffErrors.InvitationNotFound,
            StaffInvitationStatus.Pending => invitation,
            StaffInvitationStatus.Accepted => StaffErrors.InvitationUsed,
            StaffInvitationStatus.Expired => StaffErrors.InvitationExpired,
            _ => StaffErrors.InvitationRevoked,
        };
    }
}
