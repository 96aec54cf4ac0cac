using Carter;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Data;
using Portal.Modules.Identity.Domain;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.Identity.Features;

public sealed class EnableTwoFactorEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapAccountRoutes("Accounts").MapPost("/two-factor/enable", async (EnableTwoFactorRequest request, ISender sender, CancellationToken ct) =>
                (await sender.Send(new EnableTwoFactor(request.Code ?? string.Empty, request.CurrentPassword ?? string.Empty), ct)).ToHttpResult())
            .RequireRateLimiting(RateLimitPolicies.Anonymous)
            .WithSummary("Turn on two-factor sign-in with a code from the authenticator and the current password; signs out every other session, emails the owner and answers one-time recovery codes")
            .Produces<EnableTwoFactorResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status423Locked);
}

public sealed record EnableTwoFactorRequest(string? Code, string? CurrentPassword);

/// <summary>Each recovery code signs in once instead of an authenticator code; they are shown only now.</summary>
public sealed record EnableTwoFactorResponse(IReadOnlyList<string> RecoveryCodes);

public sealed record EnableTwoFactor(string Code, string CurrentPassword) : ICommand<Result<EnableTwoFactorResponse>>;

public sealed class EnableTwoFactorValidator : AbstractValidator<EnableTwoFactor>
{
    public EnableTwoFactorValidator()
    {
        RuleFor(e => e.Code).NotEmpty().MaximumLength(16);
        RuleFor(e => e.CurrentPassword).NotEmpty().MaximumLength(1024).WithMessage("Enter your current password to turn on two-factor sign-in.");
    }
}

internal sealed class EnableTwoFactorHandler(
    IdentityModuleDbContext db,
    UserManager<PortalUser> users,
    FailedSignIns failedSignIns,
    AuthenticatorCodes authenticator,
    ICurrentUser currentUser,
    SessionEnding sessions,
    SecurityLog log,
    SecurityNotices notices)
    : ICommandHandler<EnableTwoFactor, Result<EnableTwoFactorResponse>>
{
    public const int RecoveryCodeCount = 10;

    public async ValueTask<Result<EnableTwoFactorResponse>> Handle(EnableTwoFactor command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(currentUser.UserId.ToString());
        if (user is null)
        {
            return IdentityErrors.AccountGone;
        }

        if (user.TwoFactorEnabled)
        {
            return IdentityErrors.TwoFactorAlreadyEnabled;
        }

        if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)))
        {
            return IdentityErrors.TwoFactorNotSetUp;
        }

        if (await failedSignIns.VerifyCurrentPasswordAsync(user, command.CurrentPassword, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!await authenticator.RedeemAsync(user, command.Code, cancellationToken))
        {
            return IdentityErrors.InvalidSetupCode;
        }

        // UserManager saves after each step: one transaction keeps turning on, the codes, the ended sessions, the log
        // entries and the owner's email together.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await sessions.EndOthersAsync(user, currentUser.SessionId, SessionRevocationReasons.TwoFactorEnabled, cancellationToken);
        log.Record(SecurityEventKind.TwoFactorEnabled, user, user.Id);
        notices.Queue(user, "Two-factor sign-in was turned on", "Two-factor sign-in was turned on for your portal account, and every other session was signed out");
        IdentityCheck.Succeeded(await users.SetTwoFactorEnabledAsync(user, true));
        var recoveryCodes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount)
            ?? throw new InvalidOperationException("The recovery codes could not be saved.");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new EnableTwoFactorResponse(recoveryCodes.ToList());
    }
}
