using Carter;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Data;
using Portal.Modules.Identity.Domain;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.Identity.Features;

public sealed class DisableTwoFactorEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapAccountRoutes("Accounts").MapDelete("/two-factor", async ([FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] DisableTwoFactorRequest? request, ISender sender, CancellationToken ct) =>
                (await sender.Send(new DisableTwoFactor(request?.CurrentPassword ?? string.Empty), ct)).ToNoContentResult())
            .WithSummary("Turn off two-factor sign-in and forget the authenticator key; needs the current password {currentPassword}")
            .Accepts<DisableTwoFactorRequest>("application/json")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status423Locked);
}

/// <summary>
/// The current password: a stolen access token alone must not be enough to take the second factor off an account.
/// </summary>
public sealed record DisableTwoFactorRequest(string? CurrentPassword);

public sealed record DisableTwoFactor(string CurrentPassword) : ICommand<Result>;

public sealed class DisableTwoFactorValidator : AbstractValidator<DisableTwoFactor>
{
    public DisableTwoFactorValidator() =>
        RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage("Enter your current password to turn off two-factor sign-in.");
}

internal sealed class DisableTwoFactorHandler(
    IdentityModuleDbContext db,
    UserManager<PortalUser> users,
    FailedSignIns failedSignIns,
    ICurrentUser currentUser,
    SecurityLog log,
    SecurityNotices notices)
    : ICommandHandler<DisableTwoFactor, Result>
{
    public async ValueTask<Result> Handle(DisableTwoFactor command, CancellationToken cancellationToken)
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

        var wasOn = user.TwoFactorEnabled;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (wasOn)
        {
            log.Record(SecurityEventKind.TwoFactorDisabled, user, user.Id);
            notices.Queue(user, "Two-factor sign-in was turned off", "Two-factor sign-in was turned off for your portal account");
        }

        IdentityCheck.Succeeded(await users.SetTwoFactorEnabledAsync(user, false));
        // A new, unconfirmed key: the old authenticator stops being useful, and setup starts afresh.
        IdentityCheck.Succeeded(await users.ResetAuthenticatorKeyAsync(user));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Success();
    }
}
