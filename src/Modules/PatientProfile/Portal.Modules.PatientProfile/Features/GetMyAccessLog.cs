using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Portal.Modules.PatientProfile.Data;
using Portal.Modules.PatientProfile.Features.Shared;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.PatientProfile.Features;

public sealed class GetMyAccessLogEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPatientRoutes("Patient portal").MapGet("/access-log", async (Guid? patientId, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetMyAccessLog(patientId, Paging.From(page, pageSize)), ct)).ToHttpResult())
            .WithSummary("Who in your practice looked at or changed your record, and when (newest first)")
            .Produces<PagedList<AccessLogEntry>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}

public sealed record GetMyAccessLog(Guid? PatientId, Paging Paging) : IQuery<Result<PagedList<AccessLogEntry>>>;

internal sealed class GetMyAccessLogHandler(PatientProfileDbContext db, PortalPatientSelector selector)
    : IQueryHandler<GetMyAccessLog, Result<PagedList<AccessLogEntry>>>
{
    public async ValueTask<Result<PagedList<AccessLogEntry>>> Handle(GetMyAccessLog query, CancellationToken cancellationToken)
    {
        var selected = await selector.SelectAsync(query.PatientId, cancellationToken);
        return selected.IsFailure
            ? selected.Error!
            : await AccessLogQueries.PageAsync(db, selected.Value.PatientId, selected.Value.PracticeGroupId, query.Paging, cancellationToken);
    }
}
