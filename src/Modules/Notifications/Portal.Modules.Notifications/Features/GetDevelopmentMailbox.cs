using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Modules.Notifications.Data;
using Portal.Shared.Http;

namespace Portal.Modules.Notifications.Features;

/// <summary>Development only: the emails "sent" to the development mailbox. The route does not exist elsewhere.</summary>
public sealed class GetDevelopmentMailboxEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            return;
        }

        app.MapAnonymousRoutes("/api/dev", "Development").MapGet("/mailbox", async (string? to, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetDevelopmentMailbox(to), ct)))
            .WithSummary("Development only: emails delivered to the development mailbox, newest first (at most 100)")
            .Produces<IReadOnlyList<MailboxEmail>>();
    }
}

public sealed record MailboxEmail(string To, string Subject, string Body, string HtmlBody, DateTimeOffset SentAt, IReadOnlyList<MailboxAttachment> Attachments);

/// <summary>A file the email carried; <c>content</c> is base64 in JSON (Development only: a test reads an <c>.ics</c> back from it).</summary>
public sealed record MailboxAttachment(string FileName, string ContentType, byte[] Content);

public sealed record GetDevelopmentMailbox(string? To) : IQuery<IReadOnlyList<MailboxEmail>>;

internal sealed class GetDevelopmentMailboxHandler(NotificationsDbContext db) : IQueryHandler<GetDevelopmentMailbox, IReadOnlyList<MailboxEmail>>
{
    public async ValueTask<IReadOnlyList<MailboxEmail>> Handle(GetDevelopmentMailbox query, CancellationToken cancellationToken)
    {
        var mail = db.DevelopmentMailbox.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.To))
        {
            var to = query.To.Trim().ToLowerInvariant();
            mail = mail.Where(m => m.To.ToLower() == to);
        }

        return await mail.OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id).Take(100)
            .Select(m => new MailboxEmail(m.To, m.Subject, m.TextBody, m.HtmlBody, m.SentAt,
                m.Attachments.Select(a => new MailboxAttachment(a.FileName, a.ContentType, a.Content)).ToList()))
            .ToListAsync(cancellationToken);
    }
}
