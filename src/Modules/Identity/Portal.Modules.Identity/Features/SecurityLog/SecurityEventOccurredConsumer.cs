using Microsoft.EntityFrameworkCore;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Data;
using Portal.Modules.Identity.Domain;
using Portal.Shared.Http;
using Portal.Shared.Messaging;

namespace Portal.Modules.Identity.Features;

/// <summary>
/// Keeps another module's security event (an invitation to another address, an unlinking, ...) in the security log,
/// once however often it is delivered. An event about a practitioner that names no group is shown to the account's
/// own group.
/// </summary>
[InboxName("identity.log-security-event")]
internal sealed class SecurityEventOccurredConsumer(IdentityModuleDbContext db, TimeProvider clock)
    : IdempotentConsumer<SecurityEventOccurred>(db, clock)
{
    protected override async Task HandleAsync(SecurityEventOccurred securityEvent, CancellationToken cancellationToken)
    {
        var practiceGroupId = securityEvent.PracticeGroupId;
        if (practiceGroupId is null && securityEvent.AccountId is { } accountId)
        {
            practiceGroupId = await db.Users.Where(u => u.Id == accountId).Select(u => u.PracticeGroupId).SingleOrDefaultAsync(cancellationToken);
        }

        db.SecurityLog.Add(new SecurityLogEntry
        {
            Id = securityEvent.EventId,
            OccurredAt = securityEvent.OccurredAt,
            Kind = securityEvent.Kind,
            AccountId = securityEvent.AccountId,
            PracticeGroupId = practiceGroupId,
            ActorUserId = securityEvent.ActorUserId,
            RemoteAddress = SecurityLogEntry.Clip(securityEvent.RemoteAddress, RemoteAddress.MaxLength),
            Detail = SecurityLogEntry.Clip(securityEvent.Detail, SecurityLogEntry.MaxDetailLength),
        });
    }
}
