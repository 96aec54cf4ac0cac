using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Modules.Identity.Data;
using Portal.Modules.Identity.Domain;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.Identity.Features;

public sealed class ListSessionsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapAccountRoutes("Accounts").MapGet("/sessions", async (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListSessions(), ct)))
            .WithSummary("The account's active sessions (devices signed in), newest first")
            .Produces<IReadOnlyList<SessionResponse>>();
}

public sealed record SessionResponse(Guid Id, DateTimeOffset CreatedAt, DateTimeOffset LastUsedAt, string? UserAgent, bool Current);

public sealed record ListSessions : IQuery<IReadOnlyList<SessionResponse>>;

internal sealed class ListSessionsHandler(IdentityModuleDbContext db, ICurrentUser currentUser, IOptions<AuthSettings> settings, TimeProvider clock)
    : IQueryHandler<ListSessions, IReadOnlyList<SessionResponse>>
{
    // A session list is short by nature (one per device, idle ones expire), so it is a bare array.
    private const int MaxSessionsShown = 100;

    public async ValueTask<IReadOnlyList<SessionResponse>> Handle(ListSessions query, CancellationToken cancellationToken)
    {
        var userId = currentUser.UserId;
        var current = currentUser.SessionId;
        var now = clock.GetUtcNow();
        var signedInAfter = now - SessionLifetime.From(settings.Value).Absolute;
        return await db.Sessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now && s.CreatedAt > signedInAfter)
            .OrderByDescending(s => s.LastUsedAt)
            .Take(MaxSessionsShown)
            .Select(s => new SessionResponse(s.Id, s.CreatedAt, s.LastUsedAt, s.UserAgent, s.Id == current))
            .ToListAsync(cancellationToken);
    }
}
