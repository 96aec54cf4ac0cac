using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Portal.Modules.Identity.Contracts;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.Identity.Features.Staff;

public sealed class DeactivateStaffEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var staff = app.MapPracticeAdminRoutes("Staff");
        staff.MapPost("/staff/{userId:guid}/deactivate", async (Guid userId, ISender sender, CancellationToken ct) =>
                (await sender.Send(new DeactivateStaff(userId), ct)).ToHttpResult())
            .WithSummary("Deactivate a practitioner: no more sign-ins, every session ends at once; what they wrote stays theirs")
            .Produces<StaffMember>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        staff.MapPost("/staff/{userId:guid}/reactivate", async (Guid userId, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ReactivateStaff(userId), ct)).ToHttpResult())
            .WithSummary("Let a deactivated practitioner sign in again")
            .Produces<StaffMember>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}

public sealed record DeactivateStaff(Guid UserId) : ICommand<Result<StaffMember>>;

public sealed record ReactivateStaff(Guid UserId) : ICommand<Result<StaffMember>>;

internal sealed class DeactivateStaffHandler(StaffAccounts staff, TimeProvider clock) : ICommandHandler<DeactivateStaff, Result<StaffMember>>
{
    public async ValueTask<Result<StaffMember>> Handle(DeactivateStaff command, CancellationToken cancellationToken)
    {
        var user = await staff.FindAsync(command.UserId, cancellationToken);
        if (user is null)
        {
            return StaffErrors.NotFound;
        }

        if (user.DeactivatedAt is not null)
        {
            return StaffErrors.AlreadyDeactivated;
        }

        var admin = await staff.IsAdminAsync(user.Id, cancellationToken);
        if (admin && !await staff.AnotherActiveAdminAsync(user.Id, cancellationToken))
        {
            return StaffErrors.LastAdmin;
        }

        var now = clock.GetUtcNow();
        user.DeactivatedAt = now;
        await staff.EndSessionsAsync(user, StaffSessionEndings.Deactivated, cancellationToken);
        staff.Log(SecurityEventKind.StaffDeactivated, user.Id, $"{user.Email} deactivated.");
        await staff.RevokeInvitationsSentByAsync(user, cancellationToken);
        if (admin && !await staff.SaveKeepingAnAdminAsync(cancellationToken))
        {
            return StaffErrors.LastAdmin;
        }
        return await staff.DescribeAsync(user, cancellationToken);
    }
}

internal sealed class ReactivateStaffHandler(StaffAccounts staff) : ICommandHandler<ReactivateStaff, Result<StaffMember>>
{
    public async ValueTask<Result<StaffMember>> Handle(ReactivateStaff command, CancellationToken cancellationToken)
    {
        var user = await staff.FindAsync(command.UserId, cancellationToken);
        if (user is null)
        {
            return StaffErrors.NotFound;
        }

        if (user.DeactivatedAt is null)
        {
            return StaffErrors.NotDeactivated;
        }

        user.DeactivatedAt = null;
        staff.Log(SecurityEventKind.StaffReactivated, user.Id, $"{user.Email} reactivated.");
        return await staff.DescribeAsync(user, cancellationToken);
    }
}
