using Microsoft.EntityFrameworkCore;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Shared.Abstractions;

namespace Portal.Modules.PatientProfile.ChangeRequests;

internal static class ChangeRequestDecision
{
    /// <summary>
    /// Saves a decision and what it changed in one transaction. When another practitioner decided the same request
    /// first (or the patient replaced or withdrew it), nothing is saved and the answer is <c>change-requests.already-decided</c>
    /// (<c>.superseded</c>, <c>.withdrawn</c>); any other crossing edit
    /// (the record itself changed meanwhile) stays a concurrency conflict.
    /// </summary>
    public static async Task<Result> SaveAsync(DbContext db, ChangeRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success();
        }
        catch (DbUpdateConcurrencyException)
        {
            var status = await db.Set<ChangeRequest>().AsNoTracking()
                .Where(r => r.Id == request.Id).Select(r => r.Status).SingleAsync(cancellationToken);
            if (status != ChangeRequestStatus.Pending)
            {
                db.ChangeTracker.Clear();   // the unit of work must not try the same save again
                return ChangeRequestErrors.NotPending(status);
            }

            throw;
        }
    }
}
