using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.PatientProfile.ChangeRequests;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Modules.PatientProfile.Data;
using Portal.Modules.PatientProfile.Features.Shared;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.PatientProfile.Features;

public sealed class ListChangeRequestsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPracticeRoutes("Change requests").MapGet("/change-requests", async (string? status, Guid? patientId, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                ChangeRequestQueries.StatusFilter(status) is { IsSuccess: true } filter
                    ? TypedResults.Ok(await sender.Send(new ListChangeRequests(filter.Value, patientId, Paging.From(page, pageSize)), ct))
                    : ChangeRequestQueries.UnknownStatus.ToProblem())
            .WithSummary("The patients' change requests of the practice: ?status=pending is the approvals queue (longest waiting first, by waitingSince); otherwise newest first")
            .Produces<PagedList<ChangeRequestResponse>>()
            .ProducesValidationProblem();
}

public sealed record ListChangeRequests(ChangeRequestStatus? Status, Guid? PatientId, Paging Paging) : IQuery<PagedList<ChangeRequestResponse>>;

internal sealed class ListChangeRequestsHandler(PatientProfileDbContext db, PatientAuditLog audit, ICurrentUser currentUser)
    : IQueryHandler<ListChangeRequests, PagedList<ChangeRequestResponse>>
{
    public async ValueTask<PagedList<ChangeRequestResponse>> Handle(ListChangeRequests query, CancellationToken cancellationToken)
    {
        var groupId = currentUser.StaffPracticeGroupId;
        var requests = db.ChangeRequests.AsNoTracking().Where(r => r.PracticeGroupId == groupId);
        if (query.Status is { } status)
        {
            requests = requests.Where(r => r.Status == status);
        }

        if (query.PatientId is { } patientId)
        {
            requests = requests.Where(r => r.PatientId == patientId);
        }

        var page = await ChangeRequestQueries.PageAsync(db, requests, oldestFirst: query.Status == ChangeRequestStatus.Pending, query.Paging, cancellationToken);
        // The requests show values of the patients' records, so the patients see that the practice looked at them.
        await audit.RecordReadsAsync(page.Items.Select(r => (r.PatientId, groupId)), AccessLogSubject.ChangeRequests, cancellationToken);
        return page;
    }
}
