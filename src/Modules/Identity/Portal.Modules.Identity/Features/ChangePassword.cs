using Carter;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Domain;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.Identity.Features;

public sealed class ChangePasswordEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapAccountRoutes("Accounts").MapPost("/password", async (ChangePassword command, ISender sender, CancellationToken ct) =>
                (await sender.Send(command, ct)).ToNoContentResult())
            .RequireRateLimiting(RateLimitPolicies.Anonymous)
            .AllowedWhilePasswordChangeIsRequired()
            .WithSummary("Change the password; every other session of the account is signed out")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status423Locked);
}

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
    UserManager<PortalUser> users,
    FailedSignIns failedSignIns,
    ICurrentUser currentUser,
    SessionEnding sessions,
    SecurityLog log,
    SecurityNotices notices)
    : ICommandHandler<ChangePassword, Result>
{
    public async ValueTask<Result> Handle(ChangePassword command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(currentUser.UserId.ToString());
        if (user is null)
        {
            return IdentityErrors.AccountGone;
        }

        if (await failedSignIns.VerifyCurrentPasswordAsync(user, command.CurrentPassword, cancellationToken) is { } refused)
        {
            return refused;
        }

        // Track the other sessions' end, the log entry and the owner's email first: ChangePasswordAsync saves the
        // account and all of them together (and nothing when the new password is refused).
        await sessions.EndOthersAsync(user, currentUser.SessionId, SessionRevocationReasons.PasswordChanged, cancellationToken);
        log.Record(SecurityEventKind.PasswordChanged, user, user.Id);
        notices.Queue(user, "Your portal password was changed", "The password of your portal account was changed");

        if (command.NewPassword == command.CurrentPassword)
        {
            return IdentityErrors.PasswordUnchanged;
        }

        user.PasswordChosenByOwner();
        var changed = await users.ChangePasswordAsync(user, command.CurrentPassword, command.NewPassword);
        if (!changed.Succeeded)
        {
            return PasswordErrors.From(changed, "newPassword");
        }

        return Result.Success();
    }
}
