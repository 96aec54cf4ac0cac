using System.Text.Encodings.Web;
using Carter;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Portal.Modules.Identity.Domain;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.Identity.Features;

public sealed class SetUpTwoFactorEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapAccountRoutes("Accounts").MapPost("/two-factor/setup", async (CurrentPasswordRequest request, ISender sender, CancellationToken ct) =>
                (await sender.Send(new SetUpTwoFactor(request.CurrentPassword ?? string.Empty), ct)).ToHttpResult())
            .RequireRateLimiting(RateLimitPolicies.Anonymous)
            .WithSummary("Create a new authenticator key (needs the current password {currentPassword}); two-factor sign-in starts once it is enabled with a code")
            .Produces<TwoFactorSetupResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status423Locked);
}

/// <summary>
/// The current password: a stolen access token alone must not be enough to change an account's second factor.
/// </summary>
public sealed record CurrentPasswordRequest(string? CurrentPassword);

/// <summary><paramref name="AuthenticatorUri"/> is the <c>otpauth://</c> link a QR code shows.</summary>
public sealed record TwoFactorSetupResponse(string SharedKey, string AuthenticatorUri);

public sealed record SetUpTwoFactor(string CurrentPassword) : ICommand<Result<TwoFactorSetupResponse>>;

public sealed class SetUpTwoFactorValidator : AbstractValidator<SetUpTwoFactor>
{
    public SetUpTwoFactorValidator() =>
        RuleFor(c => c.CurrentPassword).NotEmpty().MaximumLength(1024).WithMessage("Enter your current password to set up two-factor sign-in.");
}

internal sealed class SetUpTwoFactorHandler(
    UserManager<PortalUser> users, FailedSignIns failedSignIns, ICurrentUser currentUser, IOptions<AuthSettings> settings)
    : ICommandHandler<SetUpTwoFactor, Result<TwoFactorSetupResponse>>
{
    public async ValueTask<Result<TwoFactorSetupResponse>> Handle(SetUpTwoFactor command, CancellationToken cancellationToken)
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

        if (await failedSignIns.VerifyCurrentPasswordAsync(user, command.CurrentPassword, cancellationToken) is { } refused)
        {
            return refused;
        }

        await users.ResetAuthenticatorKeyAsync(user);
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        var issuer = UrlEncoder.Default.Encode(settings.Value.TotpIssuer);
        var account = UrlEncoder.Default.Encode(user.Email ?? user.Id.ToString());
        var uri = $"otpauth://totp/{issuer}:{account}?secret={key}&issuer={issuer}&digits=6";
        return new TwoFactorSetupResponse(key, uri);
    }
}
