using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Modules.Identity.Data;
using Portal.Shared.Jobs;

namespace Portal.Modules.Identity.Jobs;

/// <summary>
/// Deletes the failed-sign-in counts nobody has added to for the memory period and that no longer wait (job
/// <c>identity.forget-failed-sign-ins</c>). They count as new anyway; this keeps guesses at made-up emails from
/// filling the table.
/// </summary>
internal sealed class ForgetFailedSignInsJob(IdentityModuleDbContext db, IOptions<AuthSettings> settings, TimeProvider clock, JobStorage storage)
    : ExclusiveRecurringJob(storage)
{
    public const string Id = "identity.forget-failed-sign-ins";

    protected override string JobId => Id;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var forgetBefore = now - TimeSpan.FromHours(settings.Value.FailedSignInMemoryHours);
        await db.SignInThrottles
            .Where(t => t.LastFailureAt < forgetBefore && (t.LockedUntil == null || t.LockedUntil < now))
            .ExecuteDeleteAsync(cancellationToken);
    }
}
