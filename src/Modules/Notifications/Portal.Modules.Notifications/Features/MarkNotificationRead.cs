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

public sealed class MarkNotificationReadEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPracticeRoutes("Notifications").MapPost("/notifications/{id:guid}/read", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new MarkNotificationRead(id), ct)).ToNoContentResult())
            .WithSummary("Mark one of your notifications as read (reading it again changes nothing)")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
}

public sealed record MarkNotificationRead(Guid NotificationId) : ICommand<Result>;

internal sealed class MarkNotificationReadHandler(NotificationsDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<MarkNotificationRead, Result>
{
    public async ValueTask<Result> Handle(MarkNotificationRead command, CancellationToken cancellationToken)
    {
        // One statement, so reading twice at once (or while a newer request updates the text) is no conflict.
        var userId = currentUser.UserId;
        var mine = db.Notifications.Where(n => n.Id == command.NotificationId && n.RecipientUserId == userId);
        var now = clock.GetUtcNow();
        if (await mine.Where(n => n.ReadAt == null).ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken) > 0
            || await mine.AnyAsync(cancellationToken))
        {
            return Result.Success();
        }

        return Error.NotFound("notifications.not-found", "No such notification.");   // someone else's looks the same as none
    }
}
