using Carter;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Data;
using Portal.Modules.Identity.Domain;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.Identity.Features;

public sealed class RefreshTokensEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapAnonymousRoutes("/api/auth", "Accounts").MapPost("/refresh", async (RefreshTokens command, ISender sender, CancellationToken ct) =>
                (await sender.Send(command, ct)).ToHttpResult())
            .WithSummary("Exchange a refresh token for new tokens; each refresh token works once")
            .Produces<TokenResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
}

public sealed record RefreshTokens(string RefreshToken) : ICommand<Result<TokenResponse>>;

public sealed class RefreshTokensValidator : AbstractValidator<RefreshTokens>
{
    public RefreshTokensValidator() => RuleFor(r => r.RefreshToken).NotEmpty().MaximumLength(128);
}

internal sealed class RefreshTokensHandler(
    IdentityModuleDbContext db, UserManager<PortalUser> users, TokenIssuer tokens, SessionCache sessionCache, SecurityLog log, TimeProvider clock)
    : ICommandHandler<RefreshTokens, Result<TokenResponse>>
{
    public async ValueTask<Result<TokenResponse>> Handle(RefreshTokens command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var hash = SecretTokens.Hash(command.RefreshToken);
        var token = await db.RefreshTokens.SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (token is null)
        {
            return IdentityErrors.InvalidRefreshToken;
        }

        var session = await db.Sessions.SingleAsync(s => s.Id == token.SessionId, cancellationToken);
        if (!session.IsActiveAt(now, tokens.Lifetime))
        {
            return IdentityErrors.InvalidRefreshToken;
        }

        // Claiming the old token and saving the new one happen in one transaction: a failure in between leaves
        // the old token usable rather than signing the user out.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Claim the token atomically: of two requests racing with one token, only one can win. A token that
        // was already used means it leaked (or the client misbehaves): end the whole session.
        var claimed = await db.RefreshTokens
            .Where(t => t.Id == token.Id && t.UsedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.UsedAt, now), cancellationToken);
        if (claimed == 0)
        {
            session.Revoke(now, SessionRevocationReasons.RefreshTokenReused);
            var practiceGroupId = await db.Users.Where(u => u.Id == session.UserId).Select(u => u.PracticeGroupId).SingleOrDefaultAsync(cancellationToken);
            log.Record(SecurityEventKind.SessionRevoked, session.UserId, practiceGroupId, actorUserId: null,
                detail: $"{SessionRevocationReasons.RefreshTokenReused}: an old refresh token was used again, so it may have leaked");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            sessionCache.MarkRevoked(session.Id);
            return IdentityErrors.RefreshTokenReused;
        }

        var user = await users.FindByIdAsync(session.UserId.ToString());
        if (user is null)
        {
            return IdentityErrors.InvalidRefreshToken;
        }

        tokens.Touch(session);
        var issued = await tokens.IssueAsync(user, session);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return issued;
    }
}
