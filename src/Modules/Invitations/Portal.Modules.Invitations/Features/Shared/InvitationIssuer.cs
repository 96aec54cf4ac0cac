using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Modules.Invitations.Contracts;
using Portal.Modules.Invitations.Data;
using Portal.Modules.Invitations.Domain;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Shared.Abstractions;
using Portal.Shared.Messaging;

namespace Portal.Modules.Invitations.Features.Shared;

/// <summary>
/// Creates an invitation with its token, queues its email and tells the other modules, all tracked in this
/// module's context to be saved together. Used by the single invite and by the bulk send.
/// </summary>
internal sealed class InvitationIssuer(InvitationsDbContext db, InvitationMailer mailer, PortalAccessLog accessLog, IOptions<InvitationSettings> options, TimeProvider clock)
{
    /// <summary>
    /// Closes the patients' pending invitations that are past their expiry but not yet marked by the expiry job:
    /// they would still hold the "one pending invitation per patient" index. One query for all of them.
    /// </summary>
    public async Task CloseLapsedAsync(IReadOnlyCollection<Guid> patientIds, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var lapsed = await db.Invitations
            .Where(i => patientIds.Contains(i.PatientId) && i.Status == InvitationStatus.Pending && i.ExpiresAt <= now)
            .ToListAsync(cancellationToken);
        foreach (var invitation in lapsed)
        {
            invitation.ExpireIfLapsed(now);
        }
    }

    public async Task<Invitation> IssueAsync(
        PatientSummary patient, string email, string? message, Guid invitedByUserId, string invitedByName, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var token = SecretTokens.New();
        var invitation = Invitation.Issue(patient.PracticeGroupId, patient.PatientId, email, patient.GivenName, patient.FamilyName, message,
            SecretTokens.Hash(token), invitedByUserId, invitedByName, now, now.AddDays(options.Value.ExpiryDays));
        db.Invitations.Add(invitation);
        await mailer.QueueAsync(invitation, token, reminder: false, cancellationToken);
        db.Publish(new InvitationSent(Guid.CreateVersion7(), now, patient.PracticeGroupId, patient.PatientId, invitation.Id));
        accessLog.Record(patient.PatientId, patient.PracticeGroupId, invitedByUserId, invitedByName, PatientAccessAction.Invited);
        return invitation;
    }
}
