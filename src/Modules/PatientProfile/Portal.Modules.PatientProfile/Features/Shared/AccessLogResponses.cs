using Microsoft.EntityFrameworkCore;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Modules.PatientProfile.Data;
using Portal.Modules.PatientProfile.Domain;
using Portal.Shared.Abstractions;

namespace Portal.Modules.PatientProfile.Features.Shared;

/// <summary>One line of a patient's access log: who in the practice did what to which part of the record, and when.</summary>
public sealed record AccessLogEntry(DateTimeOffset At, Guid ActorUserId, string ActorName, PatientAccessAction Action, AccessLogSubject Subject);

internal static class AccessLogQueries
{
    public static async Task<PagedList<AccessLogEntry>> PageAsync(
        PatientProfileDbContext db, Guid patientId, Guid practiceGroupId, Paging paging, CancellationToken cancellationToken, bool includeNotes = true)
    {
        var entries = db.AccessLog.AsNoTracking().Where(e => e.PatientId == patientId && e.PracticeGroupId == practiceGroupId);
        if (!includeNotes)
        {
            // Colleagues must not learn from the log that private (or unshared) notes exist; each note has its own log.
            entries = entries.Where(e => e.Subject != AccessLogSubject.Notes);
        }

        var total = await entries.CountAsync(cancellationToken);
        var page = await entries
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip(paging.Skip).Take(paging.PageSize)
            .ToListAsync(cancellationToken);
        return new PagedList<AccessLogEntry>(
            page.Select(e => new AccessLogEntry(e.At, e.ActorUserId, e.ActorName, e.Action, e.Subject)).ToList(), total);
    }
}
