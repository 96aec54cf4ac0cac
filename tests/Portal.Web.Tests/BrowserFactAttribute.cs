using Xunit;

namespace Portal.Web.Tests;

/// <summary>
/// A test that drives Debian's Chromium. Where it is missing the test is skipped with how to install it, except
/// under <c>CI=true</c>, where it runs (and fails) so a CI machine without a browser cannot pass silently.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!File.Exists(ChromiumPath) && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = $"Chromium is not installed at {ChromiumPath}: run `apt-get install -y chromium` to run the browser tests.";
        }
    }
}
