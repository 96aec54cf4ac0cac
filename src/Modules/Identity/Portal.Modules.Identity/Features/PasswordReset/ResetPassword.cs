using Carter;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Data;
using Portal.Modules.Identity.Domain;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;
using Portal.Shared.Persistence;

namespace Portal.Modules.Identity.Features.PasswordReset;

public sealed class ResetPasswordEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapAnonymousRoutes("/api/auth", "Accounts").MapPost("/password-reset/{token}", async (string token, ResetPasswordRequest request, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ResetPassword(token, request.NewPassword), ct)).ToNoContentResult())
            .WithSummary("Set a new password with a reset link; every session of the account is signed out and the owner is emailed")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);
}

public sealed record ResetPasswordRequest(string NewPassword);

public sealed record ResetPassword(string Token, string NewPassword) : ICommand<Result>;

public sealed class ResetPasswordValidator : AbstractValidator<ResetPassword>
{
    public ResetPasswordValidator() => RuleFor(r => r.NewPassword).NotEmpty().MaximumLength(1024);
}

internal sealed class ResetPasswordHandler(
    PasswordResetLookup lookup,
    UserManager<PortalUser> users,
    SessionEnding sessions,
    SecurityNotices notices,
    FailedSignIns failedSignIns,
    SecurityLog log,
    TimeProvider clock)
    : ICommandHandler<ResetPassword, Result>
{
    public async ValueTask<Result> Handle(ResetPassword command, CancellationToken cancellationToken)
    {
        var found = await lookup.FindUsableAsync(command.Token, cancellationToken);
        if (found.IsFailure)
        {
            return found.Error!;
        }

        var link = found.Value;
        var user = await users.FindByIdAsync(link.UserId.ToString());
        if (user is null || user.DeactivatedAt is not null)
        {
            return PasswordResetErrors.NotFound;   // a deactivated account stays closed, whoever holds its mail
        }

        var now = clock.GetUtcNow();
        if (!link.TryUse(now))
        {
            return PasswordResetErrors.Expired;   // it lapsed in the moment since it was looked up
        }

        // Everything below is saved by Identity's one SaveChanges in ResetPasswordAsync, or nothing is (a refused password).
        var ended = await sessions.EndAllAsync(user, actorUserId: null, SessionRevocationReasons.PasswordReset, cancellationToken);
        notices.Queue(user, "Your portal password was changed",
            "The password of your portal account was reset with an emailed link, and every device signed in to the account was signed out");
        log.Record(SecurityEventKind.PasswordReset, user, actorUserId: null, $"password set through an emailed link; {ended} session(s) ended");
        user.PasswordChosenByOwner();

        // Identity's own reset path, so its password validators, hasher and new security stamp apply. Its token is
        // made and spent here in one go: the link's token above is what proves the person may do this.
        var identityToken = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, identityToken, command.NewPassword);
        if (!reset.Succeeded)
        {
            // A second reset with the same link that lost the race finds the link used when saving.
            return reset.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))
                ? PasswordResetErrors.Used
                : PasswordErrors.From(reset, "newPassword");
        }

        await failedSignIns.ForgetEmailAsync(user.Email ?? string.Empty, cancellationToken);
        return Result.Success();
    }
}
