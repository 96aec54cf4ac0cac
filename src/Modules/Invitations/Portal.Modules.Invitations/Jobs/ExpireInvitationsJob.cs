using Hangfire;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.Invitations.Contracts;
using Portal.Modules.Invitations.Data;
using Portal.Modules.Invitations.Domain;
using Portal.Shared.Jobs;
using Portal.Shared.Messaging;

namespace Portal.Modules.Invitations.Jobs;

/// <summary>
/// Marks pending invitations past their expiry as expired (job <c>invitations.expire-invitations</c>) and tells
/// the practice. Links stop working at the expiry time whether or not this has run; this makes it visible.
/// </summary>
internal sealed class ExpireInvitationsJob(InvitationsDbContext db, TimeProvider clock, JobStorage storage) : ExclusiveRecurringJob(storage)
{
    public const string Id = "invitations.expire-invitations";
    private const int BatchSize = 200;

    protected override string JobId => Id;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        while (true)
        {
            var expired = await db.Invitations
                .Where(i => i.Status == InvitationStatus.Pending && i.ExpiresAt <= now)
                .OrderBy(i => i.ExpiresAt)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (expired.Count == 0)
            {
                return;
            }

            foreach (var invitation in expired)
            {
                invitation.ExpireIfLapsed(now);
                db.Publish(new InvitationClosed(Guid.CreateVersion7(), now, invitation.PracticeGroupId, invitation.PatientId, invitation.Id, InvitationStatus.Expired));
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // One of them was accepted, resent or revoked meanwhile: this batch waits for the next run, when
                // that one is no longer pending.
                return;
            }

            db.ChangeTracker.Clear();
        }
    }
}
