using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Portal.Modules.Identity.Data;
using Portal.Shared.Modules;

namespace Portal.Modules.Identity.Features;

/// <summary>
/// Remembers for a few seconds whether a session is active, so checking every request's session costs no
/// query most of the time. A revocation evicts the entry on this instance at once; other instances see it
/// when their entry expires.
/// </summary>
internal sealed class SessionCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    public bool TryGet(Guid sessionId, out bool active) => cache.TryGetValue(Key(sessionId), out active);

    public void Set(Guid sessionId, bool active) => cache.Set(Key(sessionId), active, Lifetime);

    public void Evict(Guid sessionId) => cache.Remove(Key(sessionId));

    private static string Key(Guid sessionId) => $"identity:session:{sessionId}";
}

internal sealed class SessionValidator(IdentityModuleDbContext db, SessionCache cache, TimeProvider clock) : ISessionValidator
{
    public async ValueTask<bool> IsActiveAsync(Guid userId, Guid sessionId, CancellationToken cancellationToken)
    {
        if (cache.TryGet(sessionId, out var active))
        {
            return active;
        }

        var now = clock.GetUtcNow();
        var session = await db.Sessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.UserId == userId)
            .Select(s => new { s.RevokedAt, s.ExpiresAt })
            .SingleOrDefaultAsync(cancellationToken);
        active = session is not null && session.RevokedAt is null && session.ExpiresAt > now;
        cache.Set(sessionId, active);
        return active;
    }
}
