using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Data;
using Portal.Modules.Identity.Domain;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.Identity.Features;

public sealed class ListSecurityLogEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapAccountRoutes("Accounts").MapGet("/security-log", async (int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListSecurityLog(SecurityLogScope.OwnAccount, Paging.From(page, pageSize)), ct)))
            .WithSummary("The signed-in account's security log, newest first: sign-ins, lockouts, password and two-factor changes, ended sessions")
            .Produces<PagedList<SecurityLogEntryResponse>>();

        app.MapPracticeAdminRoutes("Accounts").MapGet("/security-log", async (int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListSecurityLog(SecurityLogScope.PracticeGroup, Paging.From(page, pageSize)), ct)))
            .WithSummary("The practice group's security log, newest first: its staff accounts' entries and the events about its records")
            .Produces<PagedList<SecurityLogEntryResponse>>();
    }
}

/// <summary>An account named in an entry; null fields when the account no longer exists.</summary>
public sealed record SecurityLogAccount(Guid UserId, string? Name, string? Email);

/// <summary>
/// One entry. <paramref name="Email"/> is the email a sign-in tried when no account has it; <paramref name="Account"/>
/// is who it is about, <paramref name="Actor"/> who did it (null: not someone signed in).
/// </summary>
public sealed record SecurityLogEntryResponse(
    Guid Id,
    DateTimeOffset OccurredAt,
    SecurityEventKind Kind,
    SecurityLogAccount? Account,
    SecurityLogAccount? Actor,
    string? Email,
    string? RemoteAddress,
    string? Detail);

public enum SecurityLogScope
{
    OwnAccount,
    PracticeGroup,
}

public sealed record ListSecurityLog(SecurityLogScope Scope, Paging Paging) : IQuery<PagedList<SecurityLogEntryResponse>>;

internal sealed class ListSecurityLogHandler(IdentityModuleDbContext db, ICurrentUser currentUser)
    : IQueryHandler<ListSecurityLog, PagedList<SecurityLogEntryResponse>>
{
    public async ValueTask<PagedList<SecurityLogEntryResponse>> Handle(ListSecurityLog query, CancellationToken cancellationToken)
    {
        var entries = db.SecurityLog.AsNoTracking();
        if (query.Scope == SecurityLogScope.OwnAccount)
        {
            var userId = currentUser.UserId;
            entries = entries.Where(e => e.AccountId == userId);
        }
        else
        {
            var groupId = currentUser.StaffPracticeGroupId;
            entries = entries.Where(e => e.PracticeGroupId == groupId);
        }

        var total = await entries.CountAsync(cancellationToken);
        var page = await entries
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Skip(query.Paging.Skip).Take(query.Paging.PageSize)
            .ToListAsync(cancellationToken);

        var ids = page.SelectMany(e => new[] { e.AccountId, e.ActorUserId }).OfType<Guid>().Distinct().ToList();
        var accounts = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.GivenName, u.FamilyName, u.Email })
            .ToDictionaryAsync(u => u.Id, cancellationToken);

        SecurityLogAccount? Named(Guid? id) => id switch
        {
            null => null,
            { } known when accounts.TryGetValue(known, out var a) => new SecurityLogAccount(known, $"{a.GivenName} {a.FamilyName}".Trim(), a.Email),
            { } gone => new SecurityLogAccount(gone, null, null),
        };

        // In one's own log, someone else who acted on the account (a practice admin, a practitioner unlinking a record) is
        // named, but their email and the address they worked from stay with the practice.
        var ownLog = query.Scope == SecurityLogScope.OwnAccount;
        bool ActedBySomeoneElse(Guid? actor) => actor is { } id && id != currentUser.UserId;

        return new PagedList<SecurityLogEntryResponse>(
            page.Select(e => ownLog && ActedBySomeoneElse(e.ActorUserId)
                ? new SecurityLogEntryResponse(e.Id, e.OccurredAt, e.Kind, Named(e.AccountId),
                    Named(e.ActorUserId) is { } actor ? actor with { Email = null } : null, e.Email, RemoteAddress: null, e.Detail)
                : new SecurityLogEntryResponse(
                    e.Id, e.OccurredAt, e.Kind, Named(e.AccountId), Named(e.ActorUserId), e.Email, e.RemoteAddress, e.Detail)).ToList(),
            total);
    }
}
