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
        var me = await MeQuery(db, currentUser.UserId, cancellationToken);
        if (me is null)
        {
            return IdentityErrors.AccountGone;
        }

        return new MeResponse(
            me.Id,
            me.Email ?? string.Empty,
            $"{me.GivenName} {me.FamilyName}".Trim(),
            me.Kind,
            me.PracticeGroupId,
            me.PracticeName,
            me.Roles,
            me.PatientIds,
            me.TwoFactorEnabled,
            me.MustChangePassword);
    }

    // Every page of both web apps asks who is signed in: one compiled query (one round trip, no expression tree
    // built per request) instead of four.
    private static readonly Func<IdentityModuleDbContext, Guid, CancellationToken, Task<MeRow?>> MeQuery =
        EF.CompileAsyncQuery((IdentityModuleDbContext db, Guid userId, CancellationToken _) =>
            db.Users
                .Where(u => u.Id == userId)
                .Select(u => new MeRow(
                    u.Id, u.Email, u.GivenName, u.FamilyName, u.Kind, u.PracticeGroupId, u.TwoFactorEnabled, u.MustChangePassword,
                    db.PracticeGroups.Where(g => g.Id == u.PracticeGroupId).Select(g => g.Name).FirstOrDefault(),
                    (from userRole in db.UserRoles
                     join role in db.Roles on userRole.RoleId equals role.Id
                     where userRole.UserId == u.Id
                     orderby role.Name
                     select role.Name!).ToList(),
                    db.PatientLinks
                        .Where(l => l.UserId == u.Id)
                        .OrderBy(l => l.LinkedAt).ThenBy(l => l.PatientId)
                        .Select(l => l.PatientId)
                        .ToList()))
                .SingleOrDefault());

    private sealed record MeRow(
        Guid Id, string? Email, string GivenName, string FamilyName, AccountKind Kind, Guid? PracticeGroupId,
        bool TwoFactorEnabled, bool MustChangePassword, string? PracticeName, List<string> Roles, List<Guid> PatientIds);
}
