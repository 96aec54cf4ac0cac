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
using Portal.Modules.PatientProfile.Contracts;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;
using Portal.Shared.Messaging;

namespace Portal.Modules.Invitations.Features;

public sealed class RevokeInvitationEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPracticeRoutes("Invitations").MapPost("/invitations/{id:guid}/revoke", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RevokeInvitation(id), ct)).ToHttpResult())
            .WithSummary("Withdraw a pending invitation; its link stops working")
            .Produces<InvitationResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

public sealed record RevokeInvitation(Guid InvitationId) : ICommand<Result<InvitationResponse>>;

internal sealed class RevokeInvitationHandler(InvitationsDbContext db, ICurrentUser currentUser, PortalAccessLog accessLog, TimeProvider clock)
    : ICommandHandler<RevokeInvitation, Result<InvitationResponse>>
{
    public async ValueTask<Result<InvitationResponse>> Handle(RevokeInvitation command, CancellationToken cancellationToken)
    {
        var groupId = currentUser.StaffPracticeGroupId;
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == command.InvitationId && i.PracticeGroupId == groupId, cancellationToken);
        if (invitation is null)
        {
            return InvitationErrors.NotFound;   // another group's invitation looks the same as none
        }

        var now = clock.GetUtcNow();
        var revoked = invitation.Revoke(currentUser.UserId, now);
        if (revoked.IsFailure)
        {
            return revoked.Error!;
        }

        db.Publish(new InvitationClosed(Guid.CreateVersion7(), now, groupId, invitation.PatientId, invitation.Id, InvitationStatus.Revoked));
        accessLog.Record(invitation.PatientId, groupId, currentUser.UserId, currentUser.Name, PatientAccessAction.InvitationRevoked);
        return InvitationResponse.From(invitation, now);
    }
}
