using Microsoft.AspNetCore.Http;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Data;
using Portal.Modules.Identity.Domain;
using Portal.Shared.Http;

namespace Portal.Modules.Identity.Features;

/// <summary>
/// Writes Identity's own entries of the security log into the module's database; they are saved with the change
/// they describe (a failed attempt, which changes nothing else, saves its entry itself).
/// </summary>
internal sealed class SecurityLog(IdentityModuleDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public string? ClientAddress => RemoteAddress.Of(http.HttpContext);

    /// <summary>Who the caller counts as for throttling: the address, or an IPv6 client's /64 network.</summary>
    public string? ClientKey => RemoteAddress.ClientKeyOf(http.HttpContext);

    /// <summary>An entry about <paramref name="account"/>; <paramref name="actorUserId"/> is who acted (null: nobody signed in).</summary>
    public SecurityLogEntry Record(SecurityEventKind kind, PortalUser account, Guid? actorUserId, string? detail = null) =>
        Record(kind, account.Id, account.PracticeGroupId, actorUserId, email: null, detail);

    public SecurityLogEntry Record(
        SecurityEventKind kind, Guid? accountId, Guid? practiceGroupId, Guid? actorUserId, string? email = null, string? detail = null)
    {
        var entry = new SecurityLogEntry
        {
            Id = Guid.CreateVersion7(),
            OccurredAt = clock.GetUtcNow(),
            Kind = kind,
            AccountId = accountId,
            PracticeGroupId = practiceGroupId,
            ActorUserId = actorUserId,
            Email = SecurityLogEntry.Clip(email, SecurityLogEntry.MaxEmailLength),
            RemoteAddress = ClientAddress,
            Detail = SecurityLogEntry.Clip(detail, SecurityLogEntry.MaxDetailLength),
        };
        db.SecurityLog.Add(entry);
        return entry;
    }
}
