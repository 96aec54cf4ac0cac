using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.Notifications.Contracts;
using Portal.Modules.Notifications.Data;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.Notifications.Features;

public sealed class ListNotificationsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPracticeRoutes("Notifications").MapGet("/notifications", async (bool? unread, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListNotifications(unread == true, Paging.From(page, pageSize)), ct)))
            .WithSummary("The signed-in practitioner's notifications, newest first, with the unread count")
            .Produces<NotificationsPage>();
}

public sealed record NotificationResponse(Guid Id, NotificationKind Kind, Guid? PatientId, string Summary, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

public sealed record NotificationsPage(IReadOnlyList<NotificationResponse> Items, int Total, int Unread);

public sealed record ListNotifications(bool UnreadOnly, Paging Paging) : IQuery<NotificationsPage>;

internal sealed class ListNotificationsHandler(NotificationsDbContext db, ICurrentUser currentUser)
    : IQueryHandler<ListNotifications, NotificationsPage>
{
    public async ValueTask<NotificationsPage> Handle(ListNotifications query, CancellationToken cancellationToken)
    {
        var userId = currentUser.UserId;
        var groupId = currentUser.StaffPracticeGroupId;
        var mine = db.Notifications.AsNoTracking().Where(n => n.RecipientUserId == userId && n.PracticeGroupId == groupId);
        var unread = await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
        var listed = query.UnreadOnly ? mine.Where(n => n.ReadAt == null) : mine;
        var total = query.UnreadOnly ? unread : await listed.CountAsync(cancellationToken);
        var items = await listed
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip(query.Paging.Skip).Take(query.Paging.PageSize)
            .Select(n => new NotificationResponse(n.Id, n.Kind, n.PatientId, n.Summary, n.CreatedAt, n.ReadAt))
            .ToListAsync(cancellationToken);
        return new NotificationsPage(items, total, unread);
    }
}
