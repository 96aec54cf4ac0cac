using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Data;
using Portal.Modules.Identity.Domain;
using Portal.Shared.Abstractions;
using Portal.Shared.Persistence;

namespace Portal.Modules.Identity.Features;

/// <summary>
/// Throttles password and code guessing per email and client address (see <see cref="SignInThrottle"/>): the same for
/// emails with and without an account, so the answers tell nothing about which exist, and an attacker's failures
/// make only the attacker's own address wait. Counting is atomic in the database, so parallel guesses all count.
/// </summary>
internal sealed class FailedSignIns(
    IdentityModuleDbContext db,
    UserManager<PortalUser> users,
    SecurityLog log,
    IOptions<AuthSettings> settings,
    TimeProvider clock)
{
    /// <summary>Whether this email must wait at the caller's address (nothing is checked or counted meanwhile).</summary>
    public async Task<bool> IsLockedOutAsync(string email, CancellationToken cancellationToken)
    {
        var (normalizedEmail, address) = Key(email);
        var now = clock.GetUtcNow();
        return await db.SignInThrottles.AnyAsync(
            t => t.NormalizedEmail == normalizedEmail && t.ClientAddress == address && t.LockedUntil > now, cancellationToken);
    }

    /// <summary>
    /// Counts a failure of <paramref name="email"/> at the caller's address and logs it (with the account when one has
    /// the email). Answers whether the pair now has to wait. Saves at once: the request itself fails and saves nothing.
    /// </summary>
    public async Task<bool> CountAsync(string email, PortalUser? account, string reason, CancellationToken cancellationToken)
    {
        var (normalizedEmail, address) = Key(email);
        var now = clock.GetUtcNow();
        var failures = await IncrementAsync(normalizedEmail, address, now, cancellationToken);

        var options = settings.Value;
        var wait = SignInThrottle.WaitAfter(
            failures, options.MaxFailedSignInAttempts, TimeSpan.FromMinutes(options.LockoutMinutes), TimeSpan.FromMinutes(options.MaxLockoutMinutes));
        Record(SecurityEventKind.SignInFailed, account, email, reason);
        if (wait > TimeSpan.Zero)
        {
            var until = now + wait;
            await db.SignInThrottles
                .Where(t => t.NormalizedEmail == normalizedEmail && t.ClientAddress == address)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.LockedUntil, until), cancellationToken);
            Record(SecurityEventKind.LockedOut, account, email,
                $"{failures} failed attempts from this address; it waits {wait.TotalMinutes:0} minute(s)");
        }

        await db.SaveChangesAsync(cancellationToken);
        return wait > TimeSpan.Zero;
    }

    /// <summary>A success forgets the pair's failures.</summary>
    public async Task ResetAsync(string email, CancellationToken cancellationToken)
    {
        var (normalizedEmail, address) = Key(email);
        await db.SignInThrottles
            .Where(t => t.NormalizedEmail == normalizedEmail && t.ClientAddress == address)
            .ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// The owner proved they hold the email (a reset link): the failures of every address trying it are forgotten,
    /// so the owner is not kept waiting by what anyone guessed before.
    /// </summary>
    public async Task ForgetEmailAsync(string email, CancellationToken cancellationToken)
    {
        var (normalizedEmail, _) = Key(email);
        await db.SignInThrottles.Where(t => t.NormalizedEmail == normalizedEmail).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Checks the signed-in account's current password before a sensitive change (new password, two-factor).
    /// Guessing it with a stolen token counts like a failed sign-in of the account's email. Null when it is right.
    /// </summary>
    public async Task<Error?> VerifyCurrentPasswordAsync(PortalUser user, string currentPassword, CancellationToken cancellationToken = default)
    {
        var email = user.Email ?? user.Id.ToString();
        if (await IsLockedOutAsync(email, cancellationToken))
        {
            return IdentityErrors.LockedOut;
        }

        if (await users.CheckPasswordAsync(user, currentPassword))
        {
            return null;
        }

        return await CountAsync(email, user, "wrong current password", cancellationToken)
            ? IdentityErrors.LockedOut
            : IdentityErrors.WrongCurrentPassword;
    }

    private async Task<int> IncrementAsync(string normalizedEmail, string address, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var forgetBefore = now - TimeSpan.FromHours(settings.Value.FailedSignInMemoryHours);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            // One statement: two parallel failures can never both read the same count.
            var counted = await db.SignInThrottles
                .Where(t => t.NormalizedEmail == normalizedEmail && t.ClientAddress == address)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(t => t.Failures, t => t.LastFailureAt < forgetBefore && (t.LockedUntil == null || t.LockedUntil < forgetBefore) ? 1 : t.Failures + 1)
                    .SetProperty(t => t.LastFailureAt, now), cancellationToken);
            if (counted == 0)
            {
                var first = new SignInThrottle { NormalizedEmail = normalizedEmail, ClientAddress = address, Failures = 1, LastFailureAt = now };
                db.SignInThrottles.Add(first);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    db.Entry(first).State = EntityState.Detached;
                    return 1;
                }
                catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
                {
                    db.Entry(first).State = EntityState.Detached;   // a parallel failure created the row first: count on it
                    continue;
                }
            }

            return await db.SignInThrottles.AsNoTracking()
                .Where(t => t.NormalizedEmail == normalizedEmail && t.ClientAddress == address)
                .Select(t => t.Failures)
                .SingleAsync(cancellationToken);
        }

        throw new InvalidOperationException("A failed sign-in could not be counted.");
    }

    private void Record(SecurityEventKind kind, PortalUser? account, string email, string detail) =>
        log.Record(kind, account?.Id, account?.PracticeGroupId, actorUserId: null,
            email: account is null ? AsTried(email) : null, detail: detail);

    // Someone who typed their password into the email box must not find it in the log.
    private static string AsTried(string email) =>
        email.Trim() is var tried && tried.Contains('@') && !tried.Any(char.IsWhiteSpace) ? tried : "(not an email address)";

    private (string NormalizedEmail, string Address) Key(string email)
    {
        var normalized = users.NormalizeEmail(email.Trim()) ?? string.Empty;
        if (normalized.Length > SignInThrottle.MaxEmailLength)
        {
            normalized = normalized[..SignInThrottle.MaxEmailLength];
        }

        return (normalized, log.ClientKey ?? SignInThrottle.UnknownAddress);
    }
}
