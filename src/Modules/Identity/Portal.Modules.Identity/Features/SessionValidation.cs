using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Modules.Identity.Data;
using Portal.Modules.Identity.Domain;
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

    // Once revoked here, a session stays revoked in this cache: a check that read the session before the
    // revocation cannot put "active" back.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, byte> _revokedHere = new();

    public bool TryGet(Guid sessionId, out bool active)
    {
        if (_revokedHere.ContainsKey(sessionId))
        {
            active = false;
            return true;
        }

        return cache.TryGetValue(Key(sessionId), out active);
    }

    public void Set(Guid sessionId, bool active)
    {
        if (!_revokedHere.ContainsKey(sessionId))
        {
            cache.Set(Key(sessionId), active, Lifetime);
        }
    }

    /// <summary>Called after a session was revoked and the revocation saved.</summary>
    public void MarkRevoked(Guid sessionId)
    {
        cache.Set(Key(sessionId), false, Lifetime);
        _revokedHere.TryAdd(sessionId, 0);
        if (_revokedHere.Count > 10_000)
        {
            _revokedHere.Clear();   // the database stays the truth; this only closes a seconds-long race
        }
    }

    private static string Key(Guid sessionId) => $"identity:session:{sessionId}";
}

// Runs on every signed-in request; the database context is leased only when the cache does not know the session.
internal sealed class SessionValidator(IServiceProvider services, SessionCache cache, IOptions<AuthSettings> settings, TimeProvider clock) : ISessionValidator
{
    public async ValueTask<bool> IsActiveAsync(Guid userId, Guid sessionId, CancellationToken cancellationToken)
    {
        if (cache.TryGet(sessionId, out var active))
        {
            return active;
        }

        var now = clock.GetUtcNow();
        var db = services.GetRequiredService<IdentityModuleDbContext>();
        var session = await db.Sessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.UserId == userId)
            .Select(s => new { s.RevokedAt, s.ExpiresAt, s.CreatedAt })
            .SingleOrDefaultAsync(cancellationToken);
        active = session is not null && UserSession.IsActive(
            session.RevokedAt, session.ExpiresAt, session.CreatedAt, now, SessionLifetime.From(settings.Value));
        cache.Set(sessionId, active);
        return active;
    }
}
