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

public sealed class EnableTwoFactorEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost("/api/me/two-factor/enable", async (EnableTwoFactorRequest request, ISender sender, CancellationToken ct) =>
                (await sender.Send(new EnableTwoFactor(request.Code), ct)).ToHttpResult())
            .RequireAuthorization()
            .RequireRateLimiting(RateLimitPolicies.Anonymous)
            .WithTags("Accounts")
            .WithSummary("Turn on two-factor sign-in with a code from the authenticator; answers one-time recovery codes")
            .Produces<EnableTwoFactorResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

public sealed record EnableTwoFactorRequest(string Code);

/// <summary>Each recovery code signs in once instead of an authenticator code; they are shown only now.</summary>
public sealed record EnableTwoFactorResponse(IReadOnlyList<string> RecoveryCodes);

public sealed record EnableTwoFactor(string Code) : ICommand<Result<EnableTwoFactorResponse>>;

public sealed class EnableTwoFactorValidator : AbstractValidator<EnableTwoFactor>
{
    public EnableTwoFactorValidator() => RuleFor(e => e.Code).NotEmpty().MaximumLength(16);
}

internal sealed class EnableTwoFactorHandler(UserManager<PortalUser> users, ICurrentUser currentUser)
    : ICommandHandler<EnableTwoFactor, Result<EnableTwoFactorResponse>>
{
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

        var code = command.Code.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            return IdentityErrors.InvalidSetupCode;
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var recoveryCodes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        return new EnableTwoFactorResponse(recoveryCodes?.ToList() ?? []);
    }
}
