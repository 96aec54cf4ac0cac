using Carter;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Portal.Modules.Identity.Domain;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.Identity.Features;

public sealed class LoginEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost("/api/auth/login", async (LoginRequest request, HttpContext http, ISender sender, CancellationToken ct) =>
                (await sender.Send(new Login(request.Email, request.Password, request.TwoFactorCode,
                    request.RecoveryCode, http.Request.Headers.UserAgent.ToString()), ct)).ToHttpResult())
            .AllowAnonymousRateLimited()
            .WithTags("Accounts")
            .WithSummary("Sign in with email and password (and a two-factor code when turned on)")
            .Produces<TokenResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status423Locked)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
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

internal sealed class LoginHandler(UserManager<PortalUser> users, FailedSignIns failedSignIns, TokenIssuer tokens)
    : ICommandHandler<Login, Result<TokenResponse>>
{
    // Verifying against this hash when the email is unknown makes both failures take the same time.
    private static readonly string UnknownUserHash =
        new PasswordHasher<PortalUser>().HashPassword(new PortalUser(), "not-a-real-password-000");

    public async ValueTask<Result<TokenResponse>> Handle(Login command, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(command.Email);
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new PortalUser(), UnknownUserHash, command.Password);
            return IdentityErrors.InvalidCredentials;
        }

        if (await users.IsLockedOutAsync(user))
        {
            return IdentityErrors.LockedOut;
        }

        if (!await users.CheckPasswordAsync(user, command.Password))
        {
            return await FailedAttempt(user, IdentityErrors.InvalidCredentials);
        }

        if (user.TwoFactorEnabled)
        {
            if (string.IsNullOrWhiteSpace(command.TwoFactorCode) && string.IsNullOrWhiteSpace(command.RecoveryCode))
            {
                return IdentityErrors.TwoFactorRequired;
            }

            if (!await SecondFactorIsValid(user, command))
            {
                return await FailedAttempt(user, IdentityErrors.InvalidTwoFactorCode);
            }
        }

        await users.ResetAccessFailedCountAsync(user);
        var session = tokens.StartSession(user, command.UserAgent);
        return await tokens.IssueAsync(user, session);
    }

    private async Task<bool> SecondFactorIsValid(PortalUser user, Login command)
    {
        if (!string.IsNullOrWhiteSpace(command.TwoFactorCode))
        {
            var code = command.TwoFactorCode.Replace(" ", string.Empty, StringComparison.Ordinal);
            return await users.VerifyTwoFactorTokenAsync(
                user, users.Options.Tokens.AuthenticatorTokenProvider, code);
        }

        return (await users.RedeemTwoFactorRecoveryCodeAsync(user, command.RecoveryCode!.Trim())).Succeeded;
    }

    private async Task<Error> FailedAttempt(PortalUser user, Error error) =>
        await failedSignIns.CountAsync(user) ? IdentityErrors.LockedOut : error;
}
