using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.Notifications.Data;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.Notifications.Features;

public sealed class MarkAllNotificationsReadEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPracticeRoutes("Notifications").MapPost("/notifications/read-all", async (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new MarkAllNotificationsRead(), ct)))
            .WithSummary("Mark all your unread notifications as read (yours only); answers how many were marked")
            .Produces<NotificationsMarkedRead>();
}

/// <summary>How many notifications were unread and are read now.</summary>
public sealed record NotificationsMarkedRead(int Marked);

public sealed record MarkAllNotificationsRead : ICommand<NotificationsMarkedRead>;

internal sealed class MarkAllNotificationsReadHandler(NotificationsDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<MarkAllNotificationsRead, NotificationsMarkedRead>
{
    public async ValueTask<NotificationsMarkedRead> Handle(MarkAllNotificationsRead command, CancellationToken cancellationToken)
    {
        // One statement, as for one notification: a newer request updating a text at the same moment is no conflict.
        var userId = currentUser.UserId;
        var groupId = currentUser.StaffPracticeGroupId;
        var now = clock.GetUtcNow();
        var marked = await db.Notifications
            .Where(n => n.RecipientUserId == userId && n.PracticeGroupId == groupId && n.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);
        return new NotificationsMarkedRead(marked);
    }
}
