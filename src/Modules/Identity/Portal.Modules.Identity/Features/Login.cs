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

public sealed class LoginEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapAnonymousRoutes("/api/auth", "Accounts").MapPost("/login", async (LoginRequest request, HttpContext http, ISender sender, CancellationToken ct) =>
                (await sender.Send(new Login(request.Email, request.Password, request.TwoFactorCode,
                    request.RecoveryCode, http.Request.Headers.UserAgent.ToString()), ct)).ToHttpResult())
            .WithSummary("Sign in with email and password (and a two-factor code when turned on)")
            .Produces<TokenResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status423Locked);
}

public sealed record LoginRequest(string Email, string Password, string? TwoFactorCode, string? RecoveryCode);

public sealed record Login(string Email, string Password, string? TwoFactorCode, string? RecoveryCode, string? UserAgent)
    : ICommand<Result<TokenResponse>>;

public sealed class LoginValidator : AbstractValidator<Login>
{
    public LoginValidator()
    {
        RuleFor(l => l.Email).NotEmpty().MaximumLength(256);
        RuleFor(l => l.Password).NotEmpty().MaximumLength(1024);
        RuleFor(l => l.TwoFactorCode).MaximumLength(16);
        RuleFor(l => l.RecoveryCode).MaximumLength(32);
    }
}

internal sealed class LoginHandler(
    UserManager<PortalUser> users, FailedSignIns failedSignIns, AuthenticatorCodes authenticator, SecurityLog log, TokenIssuer tokens,
    IdentityModuleDbContext db)
    : ICommandHandler<Login, Result<TokenResponse>>
{
    // Verifying against this hash when the email is unknown makes both failures take the same time.
    private static readonly string UnknownUserHash =
        new PasswordHasher<PortalUser>().HashPassword(new PortalUser(), "not-a-real-password-000");

    public async ValueTask<Result<TokenResponse>> Handle(Login command, CancellationToken cancellationToken)
    {
        // Waiting is per email and address, asked before anything else: a locked pair answers the same whether or
        // not an account has the email, and whether or not the password is right.
        if (await failedSignIns.IsLockedOutAsync(command.Email, cancellationToken))
        {
            return IdentityErrors.LockedOut;
        }

        var user = await users.FindByEmailAsync(command.Email.Trim());
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new PortalUser(), UnknownUserHash, command.Password);
            return await FailedAttempt(command, null, IdentityErrors.InvalidCredentials, "no account has this email", cancellationToken);
        }

        if (!await users.CheckPasswordAsync(user, command.Password))
        {
            return await FailedAttempt(command, user, IdentityErrors.InvalidCredentials, "wrong password", cancellationToken);
        }

        // Checked only once the password is right: a deactivated account's owner learns why, nobody else does.
        if (user.DeactivatedAt is not null)
        {
            log.Record(SecurityEventKind.SignInFailed, user, user.Id, "the account is deactivated");
            await db.SaveChangesAsync(cancellationToken);   // a refusal is not committed by the unit of work
            return IdentityErrors.Deactivated;
        }

        var detail = "with the password";
        if (user.TwoFactorEnabled)
        {
            if (string.IsNullOrWhiteSpace(command.TwoFactorCode) && string.IsNullOrWhiteSpace(command.RecoveryCode))
            {
                return IdentityErrors.TwoFactorRequired;
            }

            if (!string.IsNullOrWhiteSpace(command.TwoFactorCode))
            {
                if (!await authenticator.RedeemAsync(user, command.TwoFactorCode, cancellationToken))
                {
                    return await FailedAttempt(command, user, IdentityErrors.InvalidTwoFactorCode, "wrong or used authenticator code", cancellationToken);
                }

                detail = "with the password and an authenticator code";
            }
            else
            {
                if (!(await users.RedeemTwoFactorRecoveryCodeAsync(user, command.RecoveryCode!.Trim())).Succeeded)
                {
                    return await FailedAttempt(command, user, IdentityErrors.InvalidTwoFactorCode, "wrong or used recovery code", cancellationToken);
                }

                detail = "with the password and a recovery code";
            }
        }

        await failedSignIns.ResetAsync(command.Email, cancellationToken);
        var session = tokens.StartSession(user, command.UserAgent);
        log.Record(SecurityEventKind.SignInSucceeded, user, user.Id, detail);
        return await tokens.IssueAsync(user, session);
    }

    private async Task<Error> FailedAttempt(Login command, PortalUser? user, Error error, string reason, CancellationToken cancellationToken) =>
        await failedSignIns.CountAsync(command.Email, user, reason, cancellationToken) ? IdentityErrors.LockedOut : error;
}
