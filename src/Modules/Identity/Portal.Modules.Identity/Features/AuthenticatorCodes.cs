using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.Identity.Data;
using Portal.Modules.Identity.Domain;
using Portal.Shared.Persistence;

namespace Portal.Modules.Identity.Features;

/// <summary>
/// Checks authenticator (RFC 6238) codes and spends them: a code that signed in or turned two-factor on once, and every
/// code of an older time step, is refused afterwards for that account. Spending is one conditional update, so of two
/// requests racing with one code only one succeeds.
/// </summary>
internal sealed class AuthenticatorCodes(IdentityModuleDbContext db, UserManager<PortalUser> users, TimeProvider clock)
{
    private const int StepSeconds = 30;

    /// <summary>Steps either side of now that are accepted: authenticator and server clocks drift.</summary>
    private const int AllowedDrift = 2;

    public async Task<bool> RedeemAsync(PortalUser user, string code, CancellationToken cancellationToken)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || MatchingStep(key, code, clock.GetUtcNow()) is not { } step)
        {
            return false;
        }

        return await SpendAsync(user.Id, step, cancellationToken);
    }

    /// <summary>The time step whose code <paramref name="code"/> is, newest first among the accepted ones; null for none.</summary>
    public static long? MatchingStep(string base32Key, string code, DateTimeOffset now)
    {
        code = code.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return null;
        }

        var secret = Base32Decode(base32Key);
        if (secret.Length == 0)
        {
            return null;
        }

        var current = now.ToUnixTimeSeconds() / StepSeconds;
        for (var step = current + AllowedDrift; step >= current - AllowedDrift; step--)
        {
            if (CryptographicOperations.FixedTimeEquals(
                    System.Text.Encoding.ASCII.GetBytes(CodeAt(secret, step)), System.Text.Encoding.ASCII.GetBytes(code)))
            {
                return step;
            }
        }

        return null;
    }

    private async Task<bool> SpendAsync(Guid userId, long step, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var spent = await db.AuthenticatorSteps
                .Where(s => s.UserId == userId && s.LastTimeStep < step)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.LastTimeStep, step), cancellationToken);
            if (spent == 1)
            {
                return true;
            }

            if (await db.AuthenticatorSteps.AnyAsync(s => s.UserId == userId, cancellationToken))
            {
                return false;   // this step, or a newer one, was used already
            }

            var first = new AuthenticatorStep { UserId = userId, LastTimeStep = step };
            db.AuthenticatorSteps.Add(first);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
            {
                // A parallel request recorded its step first; compare with it.
            }
            finally
            {
                db.Entry(first).State = EntityState.Detached;
            }
        }

        return false;
    }

    private static string CodeAt(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(secret, counter);
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    private static byte[] Base32Decode(string input)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>(input.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in input.TrimEnd('=').ToUpperInvariant())
        {
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                continue;   // Identity's keys are plain base32; spaces or dashes would only be formatting
            }

            buffer = ((buffer << 5) | value) & 0xFFFF;
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. output];
    }
}
