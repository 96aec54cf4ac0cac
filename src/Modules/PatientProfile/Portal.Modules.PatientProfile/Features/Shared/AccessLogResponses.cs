using Microsoft.EntityFrameworkCore;
using Portal.Modules.PatientProfile.Data;
using Portal.Modules.PatientProfile.Domain;
using Portal.Shared.Abstractions;

namespace Portal.Modules.PatientProfile.Features.Shared;

/// <summary>One line of a patient's access log: who in the practice did what to which part of the record, and when.</summary>
public sealed record AccessLogEntry(DateTimeOffset At, Guid ActorUserId, string ActorName, string Action, string Subject);

internal static class AccessLogQueries
{
    /// <summary>The subject under which NoteSharing reports reads and writes of clinical notes.</summary>
    public const string NoteSubject = "notes";

    public static async Task<PagedList<AccessLogEntry>> PageAsync(
        PatientProfileDbContext db, Guid patientId, Guid practiceGroupId, Paging paging, CancellationToken cancellationToken, bool includeNotes = true)
    {
        var entries = db.AccessLog.AsNoTracking().Where(e => e.PatientId == patientId && e.PracticeGroupId == practiceGroupId);
        if (!includeNotes)
        {
            // Colleagues must not learn from the log that private (or unshared) notes exist; each note has its own log.
            entries = entries.Where(e => e.Subject != NoteSubject);
        }

        var total = await entries.CountAsync(cancellationToken);
        var page = await entries
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip(paging.Skip).Take(paging.PageSize)
            .ToListAsync(cancellationToken);
        return new PagedList<AccessLogEntry>(
            page.Select(e => new AccessLogEntry(e.At, e.ActorUserId, e.ActorName, ActionName(e.Action), e.Subject)).ToList(), total);
    }

    private static string ActionName(PatientAccessAction action) => action switch
    {
        PatientAccessAction.Viewed => "viewed",
        PatientAccessAction.Created => "created",
        PatientAccessAction.Updated => "updated",
        PatientAccessAction.ChangeApproved => "changeApproved",
        PatientAccessAction.ChangeRejected => "changeRejected",
        PatientAccessAction.Restored => "restored",
        PatientAccessAction.Invited => "invited",
        PatientAccessAction.InvitationResent => "invitationResent",
        PatientAccessAction.InvitationRevoked => "invitationRevoked",
        PatientAccessAction.Accepted => "accepted",
        PatientAccessAction.Unlinked => "unlinked",
        _ => action.ToString(),
    };
}
