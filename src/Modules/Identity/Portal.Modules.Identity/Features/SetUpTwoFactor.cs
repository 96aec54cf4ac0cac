using System.Text.Encodings.Web;
using Carter;
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
        app.MapPost("/api/me/two-factor/setup", async (ISender sender, CancellationToken ct) =>
                (await sender.Send(new SetUpTwoFactor(), ct)).ToHttpResult())
            .RequireAuthorization()
            .WithTags("Accounts")
            .WithSummary("Create a new authenticator key; two-factor sign-in starts once it is enabled with a code")
            .Produces<TwoFactorSetupResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

/// <summary><paramref name="AuthenticatorUri"/> is the <c>otpauth://</c> link a QR code shows.</summary>
public sealed record TwoFactorSetupResponse(string SharedKey, string AuthenticatorUri);

public sealed record SetUpTwoFactor : ICommand<Result<TwoFactorSetupResponse>>;

internal sealed class SetUpTwoFactorHandler(UserManager<PortalUser> users, ICurrentUser currentUser, IOptions<AuthSettings> settings)
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

        await users.ResetAuthenticatorKeyAsync(user);
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        var issuer = UrlEncoder.Default.Encode(settings.Value.TotpIssuer);
        var account = UrlEncoder.Default.Encode(user.Email ?? user.Id.ToString());
        var uri = $"otpauth://totp/{issuer}:{account}?secret={key}&issuer={issuer}&digits=6";
        return new TwoFactorSetupResponse(key, uri);
    }
}
