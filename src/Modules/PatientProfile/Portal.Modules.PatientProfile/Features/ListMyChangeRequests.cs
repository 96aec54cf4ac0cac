using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.PatientProfile.ChangeRequests;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Modules.PatientProfile.Data;
using Portal.Modules.PatientProfile.Domain;
using Portal.Modules.PatientProfile.Features.Shared;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.PatientProfile.Features;

public sealed class ListMyChangeRequestsEndpoint : ICarterModule
{
    private static readonly Error UnknownSubject =
        Error.Validation("validation.failed", "Use subject=profile, healthRecord or funding.", "subject");

    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPatientRoutes("Patient portal").MapGet("/change-requests", async (Guid? patientId, string? status, string? subject, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
            {
                if (ChangeRequestQueries.StatusFilter(status) is not { IsSuccess: true } filter)
                {
                    return ChangeRequestQueries.UnknownStatus.ToProblem();
                }

                var part = CamelCaseNames.Parse<RecordPart>(subject);
                return subject is not null && part is null
                    ? UnknownSubject.ToProblem()
                    : (await sender.Send(new ListMyChangeRequests(patientId, filter.Value, part, Paging.From(page, pageSize)), ct)).ToHttpResult();
            })
            .WithSummary("The changes you asked your practice for, newest first: pending, approved, rejected with the reason, superseded by a later edit, or withdrawn (?status= one kind, ?subject=profile, healthRecord or funding)")
            .Produces<PagedList<ChangeRequestResponse>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}

public sealed record ListMyChangeRequests(Guid? PatientId, ChangeRequestStatus? Status, RecordPart? Subject, Paging Paging) : IQuery<Result<PagedList<ChangeRequestResponse>>>;

internal sealed class ListMyChangeRequestsHandler(PatientProfileDbContext db, PortalPatientSelector selector)
    : IQueryHandler<ListMyChangeRequests, Result<PagedList<ChangeRequestResponse>>>
{
    public async ValueTask<Result<PagedList<ChangeRequestResponse>>> Handle(ListMyChangeRequests query, CancellationToken cancellationToken)
    {
        var selected = await selector.SelectAsync(query.PatientId, cancellationToken);
        if (selected.IsFailure)
        {
            return selected.Error!;
        }

        var patient = selected.Value;
        var total = await CountQuery(db, patient.PatientId, patient.PracticeGroupId, query.Status, query.Subject, cancellationToken);
        var rows = await PageQuery(db, patient.PatientId, patient.PracticeGroupId, query.Status, query.Subject, query.Paging.Skip, query.Paging.PageSize)
            .ToListAsync(cancellationToken);
        var items = rows.Select(row => ChangeRequestQueries.From(row.Request, $"{row.GivenName} {row.FamilyName}")).ToList();
        return new PagedList<ChangeRequestResponse>(items, total);
    }

    // The patient's home page lists these on every visit: compiled once, the optional filters as nullable parameters
    // (docs/decisions/0012). Newest first, as ChangeRequestQueries.PageAsync orders the patient's list.
    private static readonly Func<PatientProfileDbContext, Guid, Guid, ChangeRequestStatus?, RecordPart?, CancellationToken, Task<int>> CountQuery =
        EF.CompileAsyncQuery((PatientProfileDbContext db, Guid patientId, Guid groupId, ChangeRequestStatus? status, RecordPart? subject, CancellationToken _) =>
            db.ChangeRequests.Count(r => r.PatientId == patientId && r.PracticeGroupId == groupId
                                         && (status == null || r.Status == status) && (subject == null || r.Subject == subject)));

    private static readonly Func<PatientProfileDbContext, Guid, Guid, ChangeRequestStatus?, RecordPart?, int, int, IAsyncEnumerable<RequestRow>> PageQuery =
        EF.CompileAsyncQuery((PatientProfileDbContext db, Guid patientId, Guid groupId, ChangeRequestStatus? status, RecordPart? subject, int skip, int take) =>
            db.ChangeRequests.AsNoTracking()
                .Where(r => r.PatientId == patientId && r.PracticeGroupId == groupId
                            && (status == null || r.Status == status) && (subject == null || r.Subject == subject))
                .OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id)
                .Skip(skip).Take(take)
                .Join(db.Patients, r => r.PatientId, p => p.Id, (r, p) => new RequestRow(r, p.GivenName, p.FamilyName)));

    private sealed record RequestRow(ChangeRequest Request, string GivenName, string FamilyName);
}
