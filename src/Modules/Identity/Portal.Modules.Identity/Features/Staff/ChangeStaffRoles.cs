using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Portal.Modules.Identity.Contracts;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.Identity.Features.Staff;

public sealed class ChangeStaffRolesEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPracticeAdminRoutes("Staff").MapPut("/staff/{userId:guid}/roles", async (Guid userId, StaffRolesRequest request, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ChangeStaffRoles(userId, request.PracticeAdmin), ct)).ToHttpResult())
            .WithSummary("Make a practitioner a practice admin, or not; 409 staff.last-admin when the practice would have none left")
            .Produces<StaffMember>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

public sealed record StaffRolesRequest(bool PracticeAdmin);

public sealed record ChangeStaffRoles(Guid UserId, bool PracticeAdmin) : ICommand<Result<StaffMember>>;

internal sealed class ChangeStaffRolesHandler(StaffAccounts staff) : ICommandHandler<ChangeStaffRoles, Result<StaffMember>>
{
    public async ValueTask<Result<StaffMember>> Handle(ChangeStaffRoles command, CancellationToken cancellationToken)
    {
        var user = await staff.FindAsync(command.UserId, cancellationToken);
        if (user is null)
        {
            return StaffErrors.NotFound;   // another group's account looks the same as none
        }

        var member = await staff.DescribeAsync(user, cancellationToken);
        if (member.PracticeAdmin == command.PracticeAdmin)
        {
            return member;
        }

        if (command.PracticeAdmin)
        {
            staff.GrantAdmin(user);
        }
        else
        {
            if (!await staff.AnotherActiveAdminAsync(user.Id, cancellationToken))
            {
                return StaffErrors.LastAdmin;
            }

            await staff.RemoveAdminAsync(user, cancellationToken);
            // Access tokens carry the roles: the sessions end so that no token keeps the admin role the account lost.
            await staff.EndSessionsAsync(user, StaffSessionEndings.RolesChanged, cancellationToken);
        }

        staff.Log(SecurityEventKind.StaffRolesChanged, user.Id,
            command.PracticeAdmin ? $"{user.Email} made a practice admin." : $"{user.Email} is no longer a practice admin.");
        if (!command.PracticeAdmin && !await staff.SaveKeepingAnAdminAsync(cancellationToken))
        {
            return StaffErrors.LastAdmin;
        }
        return member with { PracticeAdmin = command.PracticeAdmin };
    }
}
