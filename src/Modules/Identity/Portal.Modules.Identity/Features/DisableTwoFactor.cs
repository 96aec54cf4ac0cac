using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Portal.Modules.Identity.Domain;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.Identity.Features;

public sealed class DisableTwoFactorEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapDelete("/api/me/two-factor", async (ISender sender, CancellationToken ct) =>
                (await sender.Send(new DisableTwoFactor(), ct)).ToNoContentResult())
            .RequireAuthorization()
            .WithTags("Accounts")
            .WithSummary("Turn off two-factor sign-in and forget the authenticator key")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
}

public sealed record DisableTwoFactor : ICommand<Result>;

internal sealed class DisableTwoFactorHandler(UserManager<PortalUser> users, ICurrentUser currentUser)
    : ICommandHandler<DisableTwoFactor, Result>
{
    public async ValueTask<Result> Handle(DisableTwoFactor command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(currentUser.UserId.ToString());
        if (user is null)
        {
            return IdentityErrors.AccountGone;
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        // A new, unconfirmed key: the old authenticator stops being useful, and setup starts afresh.
        await users.ResetAuthenticatorKeyAsync(user);
        return Result.Success();
    }
}
