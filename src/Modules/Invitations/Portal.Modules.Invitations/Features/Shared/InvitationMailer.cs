using Microsoft.Extensions.Configuration;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Invitations.Data;
using Portal.Modules.Invitations.Domain;
using Portal.Modules.Notifications.Contracts;
using Portal.Shared.Http;
using Portal.Shared.Messaging;

namespace Portal.Modules.Invitations.Features.Shared;

/// <summary>
/// Queues the invitation email through this module's outbox, so it is saved with the invitation (and its new
/// token) or not at all. Each sending has its own id: a resend is a new email, a redelivery of the same one is not.
/// </summary>
internal sealed class InvitationMailer(InvitationsDbContext db, IIdentityApi identity, IConfiguration configuration, TimeProvider clock)
{
    private readonly Dictionary<Guid, string> _practiceNames = [];   // a batch (reminders, bulk) asks once per practice

    public async Task QueueAsync(Invitation invitation, string token, bool reminder, CancellationToken cancellationToken)
    {
        var practice = await PracticeNameAsync(invitation.PracticeGroupId, cancellationToken);
        var baseUrl = PublicBaseUrl.From(configuration);
        var link = $"{baseUrl}/invite/{token}";
        var paragraphs = new List<string>
        {
            $"{practice} invites you to its patient portal, where you can manage your appointments, personal details and health record online.",
        };
        if (!string.IsNullOrWhiteSpace(invitation.Message))
        {
            paragraphs.Add($"{invitation.InvitedByName} writes: \"{invitation.Message}\"");
        }

        paragraphs.Add($"The link below works once and until {invitation.ExpiresAt:d MMMM yyyy} (UTC). If you did not expect this email, you can ignore it.");
        var subject = reminder ? $"Reminder: {practice} invites you to its patient portal" : $"{practice} invites you to its patient portal";
        db.Publish(new EmailRequested(
            Guid.CreateVersion7(),
            clock.GetUtcNow(),
            invitation.PracticeGroupId,
            invitation.Email,
            new EmailContent(subject, $"Hello {invitation.PatientGivenName}", paragraphs, new EmailAction("Set up your account", link))));
    }

    /// <summary>
    /// Tells the address on the patient's record that an invitation went to another address, so a patient whose
    /// portal access was sent elsewhere learns of it. The email carries no link: the practice is who to call.
    /// </summary>
    public async Task QueueOtherAddressNoticeAsync(Invitation invitation, string recordEmail, CancellationToken cancellationToken)
    {
        var practice = await PracticeNameAsync(invitation.PracticeGroupId, cancellationToken);
        var paragraphs = new List<string>
        {
            $"{practice} has sent an invitation to its patient portal for your patient record to another email address ({invitation.Email}).",
            "Whoever accepts it will be able to see and manage your personal details, appointments and health record online.",
            $"If you did not ask for this, please contact {practice} straight away.",
        };
        db.Publish(new EmailRequested(
            Guid.CreateVersion7(),
            clock.GetUtcNow(),
            invitation.PracticeGroupId,
            recordEmail,
            new EmailContent($"{practice}: portal invitation sent to another address", $"Hello {invitation.PatientGivenName}", paragraphs, null)));
    }

    private async Task<string> PracticeNameAsync(Guid practiceGroupId, CancellationToken cancellationToken)
    {
        if (!_practiceNames.TryGetValue(practiceGroupId, out var practice))
        {
            practice = (await identity.GetPracticeGroupAsync(practiceGroupId, cancellationToken))?.Name ?? "Your practice";
            _practiceNames[practiceGroupId] = practice;
        }

        return practice;
    }
}
