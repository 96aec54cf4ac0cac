using Hangfire;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.Invitations.Data;
using Portal.Modules.Invitations.Domain;
using Portal.Modules.Invitations.Features.Shared;
using Portal.Modules.PortalSettings.Contracts;
using Portal.Shared.Jobs;

namespace Portal.Modules.Invitations.Jobs;

/// <summary>
/// Works through queued bulk-invitation items (job <c>invitations.bulk-send</c>), a chunk per transaction: each
/// item becomes an invitation with its email, or fails with a code if its patient cannot be invited any more.
/// An item is done once; running the job again sends nothing twice.
/// </summary>
internal sealed class SendBulkInvitationsJob(
    InvitationsDbContext db, InvitationEligibility eligibility, InvitationIssuer issuer, IPortalSettingsApi settings, TimeProvider clock, JobStorage storage)
    : ExclusiveRecurringJob(storage)
{
    public const string Id = "invitations.bulk-send";
    private const int ChunkSize = 200;

    protected override string JobId => Id;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        while (await SendChunkAsync(cancellationToken))
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task<bool> SendChunkAsync(CancellationToken cancellationToken)
    {
        var bulk = await db.BulkInvitations
            .Where(b => b.CompletedAt == null)
            .OrderBy(b => b.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (bulk is null)
        {
            return false;
        }

        var items = await db.BulkInvitationItems
            .Where(i => i.BulkInvitationId == bulk.Id && i.Status == BulkItemStatus.Queued)
            .OrderBy(i => i.PatientId)
            .Take(ChunkSize)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        if (items.Count > 0)
        {
            var policy = await settings.GetAsync(bulk.PracticeGroupId, cancellationToken);
            var refusalForAll = InvitationPolicy.Refusal(policy)?.Code;
            var patientIds = items.Select(i => i.PatientId).ToList();
            var verdicts = (await eligibility.CheckAsync(bulk.PracticeGroupId, patientIds, cancellationToken)).ToDictionary(v => v.PatientId);
            await issuer.CloseLapsedAsync(patientIds, cancellationToken);
            foreach (var item in items)
            {
                var verdict = verdicts[item.PatientId];
                var refusal = refusalForAll ?? verdict.RefusalCode;
                if (refusal is null)
                {
                    await issuer.IssueAsync(verdict.Patient!, verdict.Patient!.Email!, null, bulk.RequestedByUserId, bulk.RequestedByName, cancellationToken);
                    bulk.ItemSent(item, now);
                }
                else
                {
                    bulk.ItemFailed(item, refusal, now);
                }
            }
        }

        bulk.CompleteIfDone(nothingLeft: items.Count == 0, now);

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
