using Microsoft.AspNetCore.Http;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Invitations.Data;
using Portal.Modules.Invitations.Domain;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;
using Portal.Shared.Messaging;

namespace Portal.Modules.Invitations.Features.Shared;

/// <summary>
/// Portal access goes where the record says. An invitation to another address than the record's could hand the
/// patient's details to anyone: only a practice admin may send (or resend) one, and the address on record is told,
/// and the security log gets an entry, in the same transaction as the invitation.
/// </summary>
internal sealed class InvitationAddress(InvitationsDbContext db, InvitationMailer mailer, ICurrentUser currentUser, IHttpContextAccessor http, TimeProvider clock)
{
    /// <summary>
    /// The invitation goes elsewhere than the record's address (case and surrounding spaces aside). A record without an
    /// address counts too: a typed address is not the record's, so only a practice admin sends to it (or the address
    /// is first recorded on the patient, a change that is versioned and in the access log).
    /// </summary>
    public static bool IsOther(string invitationEmail, string? recordEmail) =>
        string.IsNullOrWhiteSpace(recordEmail)
        || !string.Equals(invitationEmail.Trim(), recordEmail.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>Null when the caller may send to <paramref name="invitationEmail"/>, else why not.</summary>
    public Error? Refusal(string invitationEmail, string? recordEmail) =>
        IsOther(invitationEmail, recordEmail) && !currentUser.IsInRole(Roles.PracticeAdmin) ? InvitationErrors.OtherAddressNeedsAdmin : null;

    /// <summary>When the invitation goes to another address: the notice to the address on record and the security log entry.</summary>
    public async Task TellIfOtherAsync(Invitation invitation, string? recordEmail, CancellationToken cancellationToken)
    {
        if (!IsOther(invitation.Email, recordEmail))
        {
            return;
        }

        if (!string.IsNullOrWhiteSpace(recordEmail))
        {
            await mailer.QueueOtherAddressNoticeAsync(invitation, recordEmail.Trim(), cancellationToken);
        }

        db.Publish(new SecurityEventOccurred(
            Guid.CreateVersion7(),
            clock.GetUtcNow(),
            SecurityEventKind.InvitationToOtherAddress,
            AccountId: null,
            invitation.PracticeGroupId,
            currentUser.UserId,
            RemoteAddress.Of(http.HttpContext),
            string.IsNullOrWhiteSpace(recordEmail)
                ? $"Portal invitation for patient {invitation.PatientId} sent to {invitation.Email}; the record has no address."
                : $"Portal invitation for patient {invitation.PatientId} sent to {invitation.Email}, not to the address on record."));
    }
}
