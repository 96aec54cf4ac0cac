using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Data;
using Portal.Modules.Identity.Domain;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.Identity.Features.Staff;

public sealed class ListStaffEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPracticeAdminRoutes("Staff").MapGet("/staff", async (ISender sender, CancellationToken ct) =>
                (await sender.Send(new ListStaff(), ct)).ToHttpResult())
            .WithSummary("The practice's practitioners, active and deactivated, with whether each is a practice admin")
            .Produces<IReadOnlyList<StaffMember>>();
}

public sealed record ListStaff : IQuery<Result<IReadOnlyList<StaffMember>>>;

internal sealed class ListStaffHandler(IdentityModuleDbContext db, ICurrentUser currentUser) : IQueryHandler<ListStaff, Result<IReadOnlyList<StaffMember>>>
{
    private static readonly Guid AdminRoleId = PortalRoles.All.Single(r => r.Name == Roles.PracticeAdmin).Id;

    public async ValueTask<Result<IReadOnlyList<StaffMember>>> Handle(ListStaff query, CancellationToken cancellationToken)
    {
        var groupId = currentUser.StaffPracticeGroupId;
        var staff = await db.Users.AsNoTracking()
            .Where(u => u.PracticeGroupId == groupId && u.Kind == AccountKind.Practitioner)
            .OrderBy(u => u.FamilyName).ThenBy(u => u.GivenName).ThenBy(u => u.Id)
            .Select(u => new StaffMember(
                u.Id, u.Email!, u.GivenName + " " + u.FamilyName, db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == AdminRoleId),
                u.DeactivatedAt == null, u.CreatedAt, u.DeactivatedAt))
            .ToListAsync(cancellationToken);
        return staff;
    }
}
