using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.Identity.Data;
using Portal.Modules.Identity.Domain;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.Identity.Features;

public sealed class RevokeSessionEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapAccountRoutes("Accounts").MapDelete("/sessions/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RevokeSession(id, SessionRevocationReasons.RevokedByUser), ct)).ToNoContentResult())
            .WithSummary("Sign out one session (device); its tokens stop working")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);

        // Signed in, under /api/auth, whose every route is rate limited.
        app.MapSignedInRoutes("/api/auth", "Accounts").MapPost("/logout", async (ICurrentUser user, ISender sender, CancellationToken ct) =>
                user.SessionId is { } sessionId
                    ? (await sender.Send(new RevokeSession(sessionId, SessionRevocationReasons.Logout), ct)).ToNoContentResult()
                    : TypedResults.NoContent())
            .AllowedWhilePasswordChangeIsRequired()
            .RequireRateLimiting(RateLimitPolicies.Anonymous)
            .WithSummary("Sign out this session; its refresh token stops working")
            .Produces(StatusCodes.Status204NoContent);
    }
}

public sealed record RevokeSession(Guid SessionId, string Reason) : ICommand<Result>;

internal sealed class RevokeSessionHandler(IdentityModuleDbContext db, ICurrentUser currentUser, SessionEnding sessions)
    : ICommandHandler<RevokeSession, Result>
{
    public async ValueTask<Result> Handle(RevokeSession command, CancellationToken cancellationToken)
    {
        var userId = currentUser.UserId;
        var session = await db.Sessions.SingleOrDefaultAsync(
            s => s.Id == command.SessionId && s.UserId == userId, cancellationToken);
        if (session is null || session.RevokedAt is not null)
        {
            return IdentityErrors.SessionNotFound;   // another account's session looks the same as none
        }

        sessions.End(session, currentUser.PracticeGroupId, userId, command.Reason);
        return Result.Success();
    }
}
