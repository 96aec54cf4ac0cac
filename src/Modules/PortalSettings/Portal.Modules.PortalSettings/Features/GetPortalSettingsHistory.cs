using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.PortalSettings.Contracts;
using Portal.Modules.PortalSettings.Data;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.PortalSettings.Features;

public sealed class GetPortalSettingsHistoryEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPracticeAdminRoutes("Portal settings").MapGet("/settings/portal/history", async (int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetPortalSettingsHistory(Paging.From(page, pageSize)), ct)))
            .WithSummary("Every change of the settings, newest first: who, when, before and after")
            .Produces<PagedList<PortalSettingsHistoryEntry>>();
}

public sealed record PortalSettingsHistoryEntry(
    DateTimeOffset ChangedAt, ChangedBy ChangedBy, PortalSettingsSnapshot Before, PortalSettingsSnapshot After);

public sealed record GetPortalSettingsHistory(Paging Paging) : IQuery<PagedList<PortalSettingsHistoryEntry>>;

internal sealed class GetPortalSettingsHistoryHandler(PortalSettingsDbContext db, ICurrentUser currentUser)
    : IQueryHandler<GetPortalSettingsHistory, PagedList<PortalSettingsHistoryEntry>>
{
    public async ValueTask<PagedList<PortalSettingsHistoryEntry>> Handle(GetPortalSettingsHistory query, CancellationToken cancellationToken)
    {
        var groupId = currentUser.StaffPracticeGroupId;
        var changes = db.Changes.AsNoTracking().Where(c => c.PracticeGroupId == groupId);
        var total = await changes.CountAsync(cancellationToken);
        var items = await changes
            .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id)
            .Skip(query.Paging.Skip).Take(query.Paging.PageSize)
            .Select(c => new PortalSettingsHistoryEntry(c.ChangedAt, new ChangedBy(c.ChangedByUserId, c.ChangedByName), c.Before, c.After))
            .ToListAsync(cancellationToken);
        return new PagedList<PortalSettingsHistoryEntry>(items, total);
    }
}
