using Microsoft.EntityFrameworkCore;
using Portal.Modules.PatientProfile.Data;
using Portal.Shared.Abstractions;

namespace Portal.Modules.PatientProfile.Features.Shared;

/// <summary>
/// A practitioner's edit is made on the version they opened: an older version is refused with 409
/// <c>patients.stale</c> before anything is written, and an edit that crosses another one while saving gets the
/// same answer instead of overwriting it.
/// </summary>
internal static class PracticeRecordSave
{
    public static readonly Error Stale = Error.Conflict("patients.stale",
        "Someone else changed this record since you opened it. Reload it to see their change, then make yours again.");

    /// <param name="whenChanged">The answer when the save crosses another change (<see cref="Stale"/> by default).</param>
    public static async Task<Result> SaveAsync(PatientProfileDbContext db, CancellationToken cancellationToken, Error? whenChanged = null)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return whenChanged ?? Stale;
        }
    }
}
