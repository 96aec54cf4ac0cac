using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Portal.Modules.PortalSettings.Contracts;
using Portal.Modules.PortalSettings.Data;

namespace Portal.Modules.PortalSettings.Api;

/// <summary>
/// Settings are read on almost every patient request, so they are cached briefly. The instance that saves
/// a change evicts its entry at once; other instances' entries expire after <see cref="IPortalSettingsApi.MaxStaleness"/>.
/// </summary>
internal sealed class PortalSettingsCache(IMemoryCache cache, TimeProvider clock)
{
    // Bumped by every eviction: a reader that started before a change (and read the old row) must not put
    // its stale copy back after the change evicted it.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, long> _generations = new();

    // The age is judged by the injected clock (so it can be tested without waiting); the memory cache's own
    // expiry only frees the memory.
    private sealed record Entry(PortalSettingsSnapshot Settings, DateTimeOffset ReadAt);

    public long Generation(Guid practiceGroupId) => _generations.GetValueOrDefault(practiceGroupId);

    public bool TryGet(Guid practiceGroupId, out PortalSettingsSnapshot? settings)
    {
        settings = cache.TryGetValue(Key(practiceGroupId), out Entry? entry)
                   && clock.GetUtcNow() - entry!.ReadAt < IPortalSettingsApi.MaxStaleness
            ? entry.Settings
            : null;
        return settings is not null;
    }

    public void Set(Guid practiceGroupId, PortalSettingsSnapshot settings, long generationReadAt)
    {
        if (Generation(practiceGroupId) == generationReadAt)
        {
            cache.Set(Key(practiceGroupId), new Entry(settings, clock.GetUtcNow()), MemoryLifetime);
        }
    }

    private static readonly TimeSpan MemoryLifetime = TimeSpan.FromMinutes(1);

    public void Evict(Guid practiceGroupId)
    {
        _generations.AddOrUpdate(practiceGroupId, 1, (_, generation) => generation + 1);
        cache.Remove(Key(practiceGroupId));
    }

    private static string Key(Guid practiceGroupId) => $"portal-settings:{practiceGroupId}";
}

internal sealed class PortalSettingsApi(PortalSettingsDbContext db, PortalSettingsCache cache) : IPortalSettingsApi
{
    public async Task<PortalSettingsSnapshot> GetAsync(Guid practiceGroupId, CancellationToken cancellationToken)
    {
        if (cache.TryGet(practiceGroupId, out var cached) && cached is not null)
        {
            return cached;
        }

        var generation = cache.Generation(practiceGroupId);
        var settings = await db.Settings.AsNoTracking()
            .Where(s => s.PracticeGroupId == practiceGroupId)
            .Select(s => new PortalSettingsSnapshot(s.PortalEnabled, s.PatientInvitations, s.PatientUpdates, s.NoteSharing)
            {
                AlwaysApproveFields = s.AlwaysApproveFields,
            })
            .SingleOrDefaultAsync(cancellationToken)
            ?? PortalSettingsSnapshot.Defaults;
        cache.Set(practiceGroupId, settings, generation);
        return settings;
    }
}
