using System.Globalization;
using Portal.Modules.Identity.Data;
using Portal.Modules.Identity.Domain;
using Portal.Modules.Notifications.Contracts;
using Portal.Shared.Messaging;

namespace Portal.Modules.Identity.Features;

/// <summary>
/// Tells an account's owner by email that something changed its security (a new password, two-factor on or off,
/// new recovery codes), so a change they did not make does not go unnoticed. Queued in this module's outbox, saved
/// with the change or not at all.
/// </summary>
internal sealed class SecurityNotices(IdentityModuleDbContext db, SecurityLog log, TimeProvider clock)
{
    public void Queue(PortalUser owner, string subject, string whatHappened)
    {
        if (string.IsNullOrEmpty(owner.Email))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var when = now.ToString("d MMMM yyyy 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var from = log.ClientAddress is { } address ? $" from the address {address}" : string.Empty;
        db.Publish(new EmailRequested(
            Guid.CreateVersion7(),
            now,
            owner.PracticeGroupId,
            owner.Email,
            new EmailContent(
                subject,
                string.IsNullOrWhiteSpace(owner.GivenName) ? "Hello" : $"Hello {owner.GivenName}",
                [
                    $"{whatHappened} on {when}{from}.",
                    "If this was you, there is nothing to do. If it was not, change your password now (or reset it from the sign-in page), sign out your other sessions under your account's security, and tell your practice.",
                ])));
    }
}
