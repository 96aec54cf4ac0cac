using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.PatientProfile.Data;
using Portal.Modules.PatientProfile.Features.Shared;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.PatientProfile.Features;

public sealed class GetPatientAccessLogEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPracticeRoutes("Patients").MapGet("/patients/{patientId:guid}/access-log", async (Guid patientId, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetPatientAccessLog(patientId, Paging.From(page, pageSize)), ct)).ToHttpResult())
            .WithSummary("Who in the practice looked at or changed this patient's record, and when (newest first); note reads are in each note's own log")
            .Produces<PagedList<AccessLogEntry>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}

public sealed record GetPatientAccessLog(Guid PatientId, Paging Paging) : IQuery<Result<PagedList<AccessLogEntry>>>;

internal sealed class GetPatientAccessLogHandler(PatientProfileDbContext db, ICurrentUser currentUser)
    : IQueryHandler<GetPatientAccessLog, Result<PagedList<AccessLogEntry>>>
{
    public async ValueTask<Result<PagedList<AccessLogEntry>>> Handle(GetPatientAccessLog query, CancellationToken cancellationToken)
    {
        var groupId = currentUser.StaffPracticeGroupId;
        if (!await db.Patients.AnyAsync(p => p.Id == query.PatientId && p.PracticeGroupId == groupId, cancellationToken))
        {
            return PatientErrors.NotFound;
        }

        return await AccessLogQueries.PageAsync(db, query.PatientId, groupId, query.Paging, cancellationToken, includeNotes: false);
    }
}
