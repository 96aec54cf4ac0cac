using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.Identity.Data;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.Identity.Features.Staff;

public sealed class ListStaffInvitationsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPracticeAdminRoutes("Staff").MapGet("/staff/invitations", async (int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ListStaffInvitations(Paging.From(page, pageSize)), ct)).ToHttpResult())
            .WithSummary("The practice's staff invitations, newest first")
            .Produces<PagedList<StaffInvitationResponse>>()
            .ProducesValidationProblem();
}

public sealed record ListStaffInvitations(Paging Paging) : IQuery<Result<PagedList<StaffInvitationResponse>>>;

internal sealed class ListStaffInvitationsHandler(IdentityModuleDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<ListStaffInvitations, Result<PagedList<StaffInvitationResponse>>>
{
    public async ValueTask<Result<PagedList<StaffInvitationResponse>>> Handle(ListStaffInvitations query, CancellationToken cancellationToken)
    {
        var groupId = currentUser.StaffPracticeGroupId;
        var now = clock.GetUtcNow();
        var invitations = db.StaffInvitations.AsNoTracking().Where(i => i.PracticeGroupId == groupId);
        var total = await invitations.CountAsync(cancellationToken);
        var page = await invitations.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Skip(query.Paging.Skip).Take(query.Paging.PageSize)
            .ToListAsync(cancellationToken);
        return new PagedList<StaffInvitationResponse>(page.Select(i => StaffInvitationResponse.From(i, now)).ToList(), total);
    }
}
