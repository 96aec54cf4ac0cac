using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.Invitations.Contracts;
using Portal.Modules.Invitations.Data;
using Portal.Modules.Invitations.Domain;
using Portal.Modules.Invitations.Features.Shared;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.Invitations.Features;

public sealed class ListInvitationsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPracticeRoutes("Invitations").MapGet("/invitations", async (string? status, Guid? patientId, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ListInvitations(status, Paging.From(page, pageSize), patientId), ct)).ToHttpResult())
            .WithSummary("The practice's invitations, newest first; ?status=pending|accepted|expired|revoked, ?patientId= for one patient's")
            .Produces<PagedList<InvitationResponse>>()
            .ProducesValidationProblem();
}

public sealed record ListInvitations(string? Status, Paging Paging, Guid? PatientId = null) : IQuery<Result<PagedList<InvitationResponse>>>;

internal sealed class ListInvitationsHandler(InvitationsDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<ListInvitations, Result<PagedList<InvitationResponse>>>
{
    public async ValueTask<Result<PagedList<InvitationResponse>>> Handle(ListInvitations query, CancellationToken cancellationToken)
    {
        var groupId = currentUser.StaffPracticeGroupId;
        var now = clock.GetUtcNow();
        var invitations = db.Invitations.AsNoTracking().Where(i => i.PracticeGroupId == groupId);
        if (query.PatientId is { } patientId)
        {
            invitations = invitations.Where(i => i.PatientId == patientId);
        }

        // Case and spaces forgiven, as before the statuses were an enum; a number is not a status.
        var status = CamelCaseNames.Parse<InvitationStatus>(query.Status?.Trim().ToLowerInvariant());
        if (status is null && !string.IsNullOrWhiteSpace(query.Status))
        {
            return Error.Validation("invitations.invalid-status", "Use status pending, accepted, expired or revoked.", "status");
        }

        switch (status)
        {
            case null:
                break;
            case InvitationStatus.Pending:
                invitations = invitations.Where(i => i.Status == InvitationStatus.Pending && i.ExpiresAt > now);
                break;
            case InvitationStatus.Expired:
                invitations = invitations.Where(i => i.Status == InvitationStatus.Expired || (i.Status == InvitationStatus.Pending && i.ExpiresAt <= now));
                break;
            case InvitationStatus.Accepted:
                invitations = invitations.Where(i => i.Status == InvitationStatus.Accepted);
                break;
            case InvitationStatus.Revoked:
                invitations = invitations.Where(i => i.Status == InvitationStatus.Revoked);
                break;
        }

        var total = await invitations.CountAsync(cancellationToken);
        var page = await invitations
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Skip(query.Paging.Skip).Take(query.Paging.PageSize)
            .ToListAsync(cancellationToken);
        return new PagedList<InvitationResponse>(page.Select(i => InvitationResponse.From(i, now)).ToList(), total);
    }
}
