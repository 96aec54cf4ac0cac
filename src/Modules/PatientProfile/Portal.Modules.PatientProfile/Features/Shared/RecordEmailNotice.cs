using Microsoft.AspNetCore.Http;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Notifications.Contracts;
using Portal.Modules.PatientProfile.Data;
using Portal.Modules.PatientProfile.Domain;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;
using Portal.Shared.Messaging;

namespace Portal.Modules.PatientProfile.Features.Shared;

/// <summary>
/// The record's email is where portal invitations go. When the practice changes it, the address it replaces is told
/// and the security log gets an entry, in the same transaction: a practitioner cannot quietly point a record at another
/// address and then invite it.
/// </summary>
internal sealed class RecordEmailNotice(
    PatientProfileDbContext db, IIdentityApi identity, ICurrentUser currentUser, IHttpContextAccessor http, TimeProvider clock)
{
    public async Task TellIfChangedAsync(Patient patient, string? previousEmail, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(previousEmail) || string.Equals(previousEmail, patient.Email, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var practice = (await identity.GetPracticeGroupAsync(patient.PracticeGroupId, cancellationToken))?.Name ?? "Your practice";
        db.Publish(new EmailRequested(Guid.CreateVersion7(), now, patient.PracticeGroupId, previousEmail, new EmailContent(
            $"{practice}: the email address on your record was changed",
            $"Hello {patient.GivenName}",
            [
                $"{practice} changed the email address on your patient record from this address to {patient.Email ?? "none"}.",
                "Portal invitations and messages about your record now go there.",
                $"If you did not ask for this, please contact {practice} straight away.",
            ])));
        db.Publish(new SecurityEventOccurred(Guid.CreateVersion7(), now, SecurityEventKind.RecordEmailChanged,
            AccountId: null, patient.PracticeGroupId, currentUser.UserId, RemoteAddress.Of(http.HttpContext),
            $"The email of patient record {patient.Id} was changed by the practice; the previous address was told."));
    }
}
