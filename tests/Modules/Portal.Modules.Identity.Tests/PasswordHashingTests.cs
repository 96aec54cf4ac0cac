using System.Buffers.Binary;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Domain;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Identity.Tests;

/// <summary>
/// The product's password hashing, which every other test replaces by a cheap iteration count
/// (<see cref="PortalApp.ProductPasswordHashing"/>): PBKDF2 (Identity's format version 3) at 100,000 iterations.
/// </summary>
public sealed class PasswordHashingTests
{
    [Fact]
    public async Task The_product_hashes_passwords_with_pbkdf2_at_100000_iterations_and_signs_in_with_them()
    {
        await using var app = new PortalApp { ProductPasswordHashing = true };

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var admin = await users.FindByEmailAsync(DemoData.HarbourAdminEmail);
            Assert.Equal(100_000, IterationsOf(admin!.PasswordHash!));
        }

        var tokens = await app.LoginAsync(DemoData.HarbourAdminEmail);
        Assert.False(string.IsNullOrEmpty(tokens.AccessToken));
    }

    [Fact]
    public async Task The_tests_cheap_hashing_keeps_the_format_and_changes_only_the_iteration_count()
    {
        await using var app = new PortalApp();

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var admin = await users.FindByEmailAsync(DemoData.HarbourAdminEmail);
        Assert.Equal(PortalApp.TestPasswordHashIterations, IterationsOf(admin!.PasswordHash!));
        Assert.True(await users.CheckPasswordAsync(admin, DemoData.Password));
    }

    /// <summary>Format version 3: 0x01, PRF (4 bytes), iteration count (4 bytes, big-endian), salt length, salt, subkey.</summary>
    private static int IterationsOf(string passwordHash)
    {
        var bytes = Convert.FromBase64String(passwordHash);
        Assert.Equal(0x01, bytes[0]);
        return (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4));
    }
}
