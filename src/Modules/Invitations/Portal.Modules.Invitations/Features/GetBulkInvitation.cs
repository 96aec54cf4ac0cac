using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.Invitations.Data;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.Invitations.Features;

public sealed class GetBulkInvitationEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPracticeRoutes("Invitations").MapGet("/invitations/bulk/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetBulkInvitation(id), ct)).ToHttpResult())
            .WithSummary("Progress of a bulk invitation: how many were sent or failed, and when it completed")
            .Produces<BulkInvitationProgress>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}

public sealed record BulkInvitationProgress(Guid Id, int Total, int Sent, int Failed, DateTimeOffset? CompletedAt);

public sealed record GetBulkInvitation(Guid Id) : IQuery<Result<BulkInvitationProgress>>;

internal sealed class GetBulkInvitationHandler(InvitationsDbContext db, ICurrentUser currentUser)
    : IQueryHandler<GetBulkInvitation, Result<BulkInvitationProgress>>
{
    public async ValueTask<Result<BulkInvitationProgress>> Handle(GetBulkInvitation query, CancellationToken cancellationToken)
    {
        var groupId = currentUser.StaffPracticeGroupId;
        var progress = await db.BulkInvitations.AsNoTracking()
            .Where(b => b.Id == query.Id && b.PracticeGroupId == groupId)
            .Select(b => new BulkInvitationProgress(b.Id, b.Total, b.Sent, b.Failed, b.CompletedAt))
            .SingleOrDefaultAsync(cancellationToken);
        return progress is null ? Error.NotFound("invitations.bulk-not-found", "No such bulk invitation.") : progress;
    }
}
