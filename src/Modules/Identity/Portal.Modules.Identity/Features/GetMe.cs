using Carter;
using Mediator;
using Portal.Modules.Identity.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.Identity.Data;
using Portal.Modules.Identity.Domain;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.Identity.Features;

public sealed class GetMeEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapAccountRoutes("Accounts").MapGet("", async (ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetMe(), ct)).ToHttpResult())
            .AllowedWhilePasswordChangeIsRequired()
            .WithSummary("The signed-in account: kind, practice group, roles and linked patient records")
            .Produces<MeResponse>();
}

public sealed record MeResponse(
    Guid UserId,
    string Email,
    string Name,
    AccountKind Kind,
    Guid? PracticeGroupId,
    string? PracticeName,
    IReadOnlyList<string> Roles,
    IReadOnlyList<Guid> PatientIds,
    bool TwoFactorEnabled,
    bool PasswordChangeRequired);

public sealed record GetMe : IQuery<Result<MeResponse>>;

internal sealed class GetMeHandler(IdentityModuleDbContext db, ICurrentUser currentUser)
    : IQueryHandler<GetMe, Result<MeResponse>>
{
    public async ValueTask<Result<MeResponse>> Handle(GetMe query, CancellationToken cancellationToken)
    {
        var userId = currentUser.UserId;
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.Email, u.GivenName, u.FamilyName, u.Kind, u.PracticeGroupId, u.TwoFactorEnabled, u.MustChangePassword })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return IdentityErrors.AccountGone;
        }

        var roles = await (from userRole in db.UserRoles.AsNoTracking()
                           join role in db.Roles.AsNoTracking() on userRole.RoleId equals role.Id
                           where userRole.UserId == userId
                           orderby role.Name
                           select role.Name!).ToListAsync(cancellationToken);
        var patientIds = await db.PatientLinks.AsNoTracking()
            .Where(l => l.UserId == userId)
            .OrderBy(l => l.LinkedAt).ThenBy(l => l.PatientId)
            .Select(l => l.PatientId)
            .ToListAsync(cancellationToken);
        var practiceName = user.PracticeGroupId is { } groupId
            ? await db.PracticeGroups.AsNoTracking().Where(g => g.Id == groupId).Select(g => g.Name).SingleOrDefaultAsync(cancellationToken)
            : null;

        return new MeResponse(
            user.Id,
            user.Email ?? string.Empty,
            $"{user.GivenName} {user.FamilyName}".Trim(),
            user.Kind,
            user.PracticeGroupId,
            practiceName,
            roles,
            patientIds,
            user.TwoFactorEnabled,
            user.MustChangePassword);
    }
}
