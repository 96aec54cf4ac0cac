using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.Identity.Data;
using Portal.Modules.Identity.Contracts;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.Identity.Features.Staff;

public sealed class RevokeStaffInvitationEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPracticeAdminRoutes("Staff").MapPost("/staff/invitations/{id:guid}/revoke", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RevokeStaffInvitation(id), ct)).ToHttpResult())
            .WithSummary("Withdraw a pending staff invitation; its link stops working")
            .Produces<StaffInvitationResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

public sealed record RevokeStaffInvitation(Guid InvitationId) : ICommand<Result<StaffInvitationResponse>>;

internal sealed class RevokeStaffInvitationHandler(IdentityModuleDbContext db, StaffAccounts staff, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RevokeStaffInvitation, Result<StaffInvitationResponse>>
{
    public async ValueTask<Result<StaffInvitationResponse>> Handle(RevokeStaffInvitation command, CancellationToken cancellationToken)
    {
        var groupId = currentUser.StaffPracticeGroupId;
        var invitation = await db.StaffInvitations.SingleOrDefaultAsync(i => i.Id == command.InvitationId && i.PracticeGroupId == groupId, cancellationToken);
        if (invitation is null)
        {
            return StaffErrors.InvitationNotFound;
        }

        var now = clock.GetUtcNow();
        var revoked = invitation.Revoke(now);
        if (revoked.IsFailure)
        {
            return revoked.Error!;
        }

        staff.Log(SecurityEventKind.StaffInvitationRevoked, accountId: null, $"The invitation of {invitation.Email} was withdrawn.");
        return StaffInvitationResponse.From(invitation, now);
    }
}
