using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Portal.Web.Server.Session;

/// <summary>
/// One refresh per refresh token in this process: a browser that opens two pages at once sends the same cookie twice,
/// and a refresh token used twice is a reuse the API answers by ending the session. The second request waits for the
/// first one's answer and gets the same new tokens, for a short while.
/// </summary>
public sealed class TokenRefreshes(TimeProvider clock)
{
    private static readonly TimeSpan Keep = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (Lazy<Task<TokenResponse?>> Refresh, DateTimeOffset Until)> _refreshes = new();

    public Task<TokenResponse?> RefreshOnceAsync(string refreshToken, Func<Task<TokenResponse?>> refresh)
    {
        var now = clock.GetUtcNow();
        foreach (var (key, entry) in _refreshes)
        {
            if (entry.Until < now)
            {
                _refreshes.TryRemove(key, out _);
            }
        }

        var id = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(refreshToken)));
        return _refreshes.GetOrAdd(id, _ => (new Lazy<Task<TokenResponse?>>(refresh), now + Keep)).Refresh.Value;
    }
}
