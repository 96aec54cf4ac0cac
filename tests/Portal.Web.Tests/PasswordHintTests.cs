using Portal.Web.Components;
using Xunit;

namespace Portal.Web.Tests;

/// <summary>The strength hint gives the API's reasons: it knows the same long common passwords and the same email/name rule.</summary>
public sealed class PasswordHintTests
{
    [Fact]
    public void The_hints_list_is_every_entry_of_the_servers_list_that_is_long_enough_to_matter()
    {
        var serverList = Path.Combine(RepositoryRoot(), "src", "Modules", "Identity", "Portal.Modules.Identity", "Passwords", "common-passwords.txt");
        var longEnough = File.ReadAllLines(serverList).Where(p => p.Length >= 12).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.Equal(308, longEnough.Count);
        Assert.True(longEnough.SetEquals(PasswordStrength.CommonLongPasswordList), "regenerate Portal.Web.Components/Passwords/common-long-passwords.txt");
    }

    [Theory]
    [InlineData("password1234", null, PasswordStrength.Common)]
    [InlineData(" QWERTY123456 ", null, PasswordStrength.Common)]
    [InlineData("ava@example.test", "ava@example.test", PasswordStrength.Personal)]
    [InlineData("Ava.Nguyen-2026", "ava@example.test", PasswordStrength.Personal)]
    [InlineData("my ava@EXAMPLE.test!", "ava@example.test", PasswordStrength.Personal)]
    [InlineData("Ava's own long passphrase", "ava@example.test", "Strong.")]
    public void The_hint_tells_the_reason_the_server_would_give(string password, string? email, string expected) =>
        Assert.Equal(expected, PasswordStrength.Describe(password, email, "Ava", "Nguyen"));

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Portal.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Portal.sln not found above " + AppContext.BaseDirectory);
    }
}
