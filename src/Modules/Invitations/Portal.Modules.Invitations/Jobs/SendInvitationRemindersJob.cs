using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Invitations.Contracts;
using Portal.Modules.Invitations.Data;
using Portal.Modules.Invitations.Domain;
using Portal.Modules.Invitations.Features.Shared;
using Portal.Modules.PortalSettings.Contracts;
using Portal.Shared.Abstractions;
using Portal.Shared.Jobs;

namespace Portal.Modules.Invitations.Jobs;

/// <summary>
/// One reminder for an invitation still pending <c>Invitations:ReminderAfterDays</c> after it was sent (job
/// <c>invitations.send-reminders</c>), unless the practice no longer allows invitations or the patient joined
/// meanwhile. Only the token's hash is stored, so the reminder carries a new link; the first link keeps working
/// until the same expiry. Never twice: the reminder's mark and its email are saved together.
/// </summary>
internal sealed class SendInvitationRemindersJob(
    InvitationsDbContext db,
    InvitationMailer mailer,
    IPortalSettingsApi settings,
    IIdentityApi identity,
    IOptions<InvitationSettings> options,
    TimeProvider clock,
    JobStorage storage)
    : ExclusiveRecurringJob(storage)
{
    public const string Id = "invitations.send-reminders";
    private const int BatchSize = 100;

    protected override string JobId => Id;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var sentBefore = now.AddDays(-options.Value.ReminderAfterDays);
        while (true)
        {
            var due = await db.Invitations
                .Where(i => i.Status == InvitationStatus.Pending && i.ReminderSentAt == null && i.LastSentAt <= sentBefore && i.ExpiresAt > now)
                .OrderBy(i => i.LastSentAt)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                return;
            }

            var linked = (await identity.FindLinkedPatientsAsync(due.Select(i => i.PatientId).ToList(), cancellationToken)).ToHashSet();
            foreach (var invitation in due)
            {
                invitation.ReminderDecided(now);
                var policy = await settings.GetAsync(invitation.PracticeGroupId, cancellationToken);   // cached per practice
                if (InvitationPolicy.Refusal(policy) is not null || linked.Contains(invitation.PatientId))
                {
                    continue;
                }

                var token = SecretTokens.New();
                db.SupersededTokens.Add(invitation.NewLinkForReminder(SecretTokens.Hash(token), now));
                await mailer.QueueAsync(invitation, token, reminder: true, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}
