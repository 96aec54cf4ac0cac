using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.NoteSharing.Features.Shared;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.NoteSharing.Features;

public sealed class ListPatientNotesEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPracticeRoutes("Clinical notes").MapGet("/patients/{patientId:guid}/notes", async (Guid patientId, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ListPatientNotes(patientId, Paging.From(page, pageSize)), ct)).ToHttpResult())
            .WithSummary("A patient's notes you may read, newest first, each with its amendments; every read is recorded")
            .Produces<PagedList<NoteResponse>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}

public sealed record ListPatientNotes(Guid PatientId, Paging Paging) : IQuery<Result<PagedList<NoteResponse>>>;

internal sealed class ListPatientNotesHandler(NoteReading reading, IPatientDirectory patients, ICurrentUser currentUser)
    : IQueryHandler<ListPatientNotes, Result<PagedList<NoteResponse>>>
{
    public async ValueTask<Result<PagedList<NoteResponse>>> Handle(ListPatientNotes query, CancellationToken cancellationToken)
    {
        if (await patients.FindAsync(currentUser.StaffPracticeGroupId, query.PatientId, cancellationToken) is null)
        {
            return PatientRecordErrors.NotFound;
        }

        var visible = await reading.VisibleNotesAsync(cancellationToken);
        var originals = visible.Where(n => n.PatientId == query.PatientId && n.Revision == 1);
        var total = await originals.CountAsync(cancellationToken);
        var page = await originals
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip(query.Paging.Skip).Take(query.Paging.PageSize)
            .ToListAsync(cancellationToken);
        var amendments = await NoteQueries.AmendmentsOfAsync(visible, page.Select(n => n.Id).ToList(), cancellationToken);

        await reading.RecordReadsAsync([.. page, .. page.SelectMany(n => amendments[n.Id])], cancellationToken);
        return new PagedList<NoteResponse>(page.Select(n => NoteResponse.From(n, amendments[n.Id])).ToList(), total);
    }
}
