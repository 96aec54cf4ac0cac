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

public sealed class GetStaffInvitationEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapAnonymousRoutes("/api/staff-invitations", "Staff").MapGet("/{token}", async (string token, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetStaffInvitation(token), ct)).ToHttpResult())
            .WithSummary("What a staff invitation link is for: the practice, the email, the names given and the role")
            .Produces<StaffInvitationDetails>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);
}

public sealed record StaffInvitationDetails(string PracticeName, string Email, string? GivenName, string? FamilyName, bool PracticeAdmin, DateTimeOffset ExpiresAt);

public sealed record GetStaffInvitation(string Token) : IQuery<Result<StaffInvitationDetails>>;

internal sealed class GetStaffInvitationHandler(IdentityModuleDbContext db, TimeProvider clock) : IQueryHandler<GetStaffInvitation, Result<StaffInvitationDetails>>
{
    public async ValueTask<Result<StaffInvitationDetails>> Handle(GetStaffInvitation query, CancellationToken cancellationToken)
    {
        var found = await StaffInvitationLookup.FindUsableAsync(db, query.Token, clock.GetUtcNow(), track: false, cancellationToken);
        if (found.IsFailure)
        {
            return found.Error!;
        }

        var invitation = found.Value;
        var practice = await db.PracticeGroups.AsNoTracking().Where(g => g.Id == invitation.PracticeGroupId).Select(g => g.Name).SingleAsync(cancellationToken);
        return new StaffInvitationDetails(practice, invitation.Email, invitation.GivenName, invitation.FamilyName, invitation.PracticeAdmin, invitation.ExpiresAt);
    }
}
