using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.NoteSharing.Features.Shared;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.NoteSharing.Features;

public sealed class GetNoteEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPracticeRoutes("Clinical notes").MapGet("/notes/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetNote(id), ct)).ToHttpResult())
            .WithSummary("A note with its amendments (the id of any revision); 404 when you may not read it; the read is recorded")
            .Produces<NoteResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}

public sealed record GetNote(Guid NoteId) : IQuery<Result<NoteResponse>>;

internal sealed class GetNoteHandler(NoteReading reading) : IQueryHandler<GetNote, Result<NoteResponse>>
{
    public async ValueTask<Result<NoteResponse>> Handle(GetNote query, CancellationToken cancellationToken)
    {
        var visible = await reading.VisibleNotesAsync(cancellationToken);
        var rootId = await visible.Where(n => n.Id == query.NoteId).Select(n => (Guid?)n.RootNoteId).SingleOrDefaultAsync(cancellationToken);
        if (rootId is null)
        {
            return NoteReading.NotFound;
        }

        var revisions = await visible.Where(n => n.RootNoteId == rootId).OrderBy(n => n.Revision).ToListAsync(cancellationToken);
        await reading.RecordReadsAsync(revisions, cancellationToken);
        return NoteResponse.From(revisions[0], revisions.Skip(1));
    }
}
