using System.Net;
using System.Net.Http.Json;
using Portal.Testing;
using Xunit;

namespace Portal.Host.Tests;

public sealed class RateLimitingTests
{
    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_get_429_with_retry_after()
    {
        await using var app = new PortalApp { Settings = { ["RateLimiting:Anonymous:PermitLimit"] = "3" } };
        using var client = app.CreateClient();

        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var allowed = await client.PostAsJsonAsync("/api/auth/login", new { email = "x@y.test", password = "whatever-it-is" });
            Assert.Equal(HttpStatusCode.Unauthorized, allowed.StatusCode);
        }

        using var limited = await client.PostAsJsonAsync("/api/auth/login", new { email = "x@y.test", password = "whatever-it-is" });
        await ProblemAssert.IsProblemAsync(limited, HttpStatusCode.TooManyRequests, "rate-limited");
        Assert.NotNull(limited.Headers.RetryAfter);

        using var refresh = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = "abc" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refresh.StatusCode);
    }
}
