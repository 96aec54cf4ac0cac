using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.NoteSharing.Data;
using Portal.Modules.NoteSharing.Features.Shared;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.NoteSharing.Features;

public sealed class GetNoteAccessLogEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPracticeRoutes("Clinical notes").MapGet("/notes/{id:guid}/access-log", async (Guid id, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetNoteAccessLog(id, Paging.From(page, pageSize)), ct)).ToHttpResult())
            .WithSummary("Who read a note (any of its revisions) and when, newest first: for its author and the practice admins")
            .Produces<PagedList<NoteReadEntry>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}

public sealed record NoteReadEntry(Guid NoteId, Guid ReaderUserId, string ReaderName, DateTimeOffset At);

public sealed record GetNoteAccessLog(Guid NoteId, Paging Paging) : IQuery<Result<PagedList<NoteReadEntry>>>;

internal sealed class GetNoteAccessLogHandler(NoteSharingDbContext db, NoteReading reading, ICurrentUser currentUser)
    : IQueryHandler<GetNoteAccessLog, Result<PagedList<NoteReadEntry>>>
{
    public async ValueTask<Result<PagedList<NoteReadEntry>>> Handle(GetNoteAccessLog query, CancellationToken cancellationToken)
    {
        var visible = await reading.VisibleNotesAsync(cancellationToken);
        var note = await visible.Where(n => n.Id == query.NoteId)
            .Select(n => new { n.RootNoteId, n.AuthorUserId }).SingleOrDefaultAsync(cancellationToken);
        if (note is null)
        {
            return NoteReading.NotFound;   // a note the caller may not read has no log for them either
        }

        if (note.AuthorUserId != currentUser.UserId && !currentUser.IsInRole(Roles.PracticeAdmin))
        {
            return Error.Forbidden("notes.access-log-forbidden", "Only the note's author and the practice admins can see who read it.");
        }

        var entries = db.AccessLog.AsNoTracking().Where(e => e.NoteId == note.RootNoteId);
        var total = await entries.CountAsync(cancellationToken);
        var items = await entries
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip(query.Paging.Skip).Take(query.Paging.PageSize)
            .Select(e => new NoteReadEntry(e.NoteId, e.ReaderUserId, e.ReaderName, e.At))
            .ToListAsync(cancellationToken);
        return new PagedList<NoteReadEntry>(items, total);
    }
}
