using Carter;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.Identity.Data;
using Portal.Modules.Identity.Domain;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;
using Portal.Shared.Persistence;

namespace Portal.Modules.Identity.Features;

public sealed class ChangePasswordEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost("/api/me/password", async (ChangePasswordRequest request, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ChangePassword(request.CurrentPassword, request.NewPassword), ct)).ToNoContentResult())
            .RequireAuthorization()
            .RequireRateLimiting(RateLimitPolicies.Anonymous)
            .WithTags("Accounts")
            .WithSummary("Change the password; every other session of the account is signed out")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status423Locked);
}

public sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);

public sealed record ChangePassword(string CurrentPassword, string NewPassword) : ICommand<Result>;

public sealed class ChangePasswordValidator : AbstractValidator<ChangePassword>
{
    public ChangePasswordValidator()
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().MaximumLength(1024);
        RuleFor(c => c.NewPassword).NotEmpty().MaximumLength(1024);
    }
}

internal sealed class ChangePasswordHandler(
    IdentityModuleDbContext db,
    UserManager<PortalUser> users,
    FailedSignIns failedSignIns,
    ICurrentUser currentUser,
    SessionCache sessionCache,
    UnitOfWork unitOfWork,
    TimeProvider clock)
    : ICommandHandler<ChangePassword, Result>
{
    public async ValueTask<Result> Handle(ChangePassword command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(currentUser.UserId.ToString());
        if (user is null)
        {
            return IdentityErrors.AccountGone;
        }

        if (await failedSignIns.VerifyCurrentPasswordAsync(user, command.CurrentPassword) is { } refused)
        {
            return refused;
        }

        // Revoke the other sessions first: ChangePasswordAsync saves the account and these revocations together.
        var now = clock.GetUtcNow();
        var otherSessions = await db.Sessions
            .Where(s => s.UserId == user.Id && s.Id != currentUser.SessionId && s.RevokedAt == null)
            .ToListAsync(cancellationToken);
        foreach (var session in otherSessions)
        {
            session.Revoke(now, SessionRevocationReasons.PasswordChanged);
        }

        var changed = await users.ChangePasswordAsync(user, command.CurrentPassword, command.NewPassword);
        if (!changed.Succeeded)
        {
            return PasswordErrors.From(changed, "newPassword");
        }

        unitOfWork.AfterCommit(() => otherSessions.ForEach(s => sessionCache.MarkRevoked(s.Id)));
        return Result.Success();
    }
}
