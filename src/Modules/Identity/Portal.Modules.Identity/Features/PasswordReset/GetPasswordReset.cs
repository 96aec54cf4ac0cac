using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.Identity.Data;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.Identity.Features.PasswordReset;

public sealed class GetPasswordResetEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapAnonymousRoutes("/api/auth", "Accounts").MapGet("/password-reset/{token}", async (string token, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetPasswordReset(token), ct)).ToHttpResult())
            .WithSummary("Whether a password reset link still works, and the account's email it is for")
            .Produces<PasswordResetDetails>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);
}

/// <summary>The email is shown so the person knows which account they are resetting; only its mailbox got the link.</summary>
public sealed record PasswordResetDetails(string Email, DateTimeOffset ExpiresAt);

public sealed record GetPasswordReset(string Token) : IQuery<Result<PasswordResetDetails>>;

internal sealed class GetPasswordResetHandler(PasswordResetLookup lookup, IdentityModuleDbContext db)
    : IQueryHandler<GetPasswordReset, Result<PasswordResetDetails>>
{
    public async ValueTask<Result<PasswordResetDetails>> Handle(GetPasswordReset query, CancellationToken cancellationToken)
    {
        var found = await lookup.FindUsableAsync(query.Token, cancellationToken);
        if (found.IsFailure)
        {
            return found.Error!;
        }

        var email = await db.Users.Where(u => u.Id == found.Value.UserId).Select(u => u.Email).SingleAsync(cancellationToken);
        return new PasswordResetDetails(email!, found.Value.ExpiresAt);
    }
}
