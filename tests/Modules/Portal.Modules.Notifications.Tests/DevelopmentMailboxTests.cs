using System.Net.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.Notifications.Contracts;
using Portal.Modules.Notifications.Data;
using Portal.Modules.Notifications.Email;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Notifications.Tests;

public sealed class DevelopmentMailboxTests
{
    [Fact]
    public async Task The_development_mailbox_route_exists_only_in_development()
    {
        await using var production = new PortalApp { Environment = "Production" };
        await using var development = new PortalApp();

        Assert.DoesNotContain(Routes(production), r => r.StartsWith("/api/dev/", StringComparison.Ordinal));
        Assert.Contains("/api/dev/mailbox", Routes(development));
    }

    [Fact]
    public async Task The_development_mailbox_lists_what_each_email_carried()
    {
        await using var app = new PortalApp();
        var to = $"mia.{Guid.NewGuid():N}@example.test";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<EmailOutbox>().QueueAsync(Guid.CreateVersion7(), null, to,
                new EmailContent("With a file", "With a file", ["See the file."],
                    Attachments: [new EmailAttachment("appointment.ics", "text/calendar", "BEGIN:VCALENDAR"u8.ToArray())]), default);
            await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().SaveChangesAsync();
        }

        await app.RunJobAsync(Jobs.EmailDelivery);

        using var client = app.CreateClient();
        var mail = Assert.Single((await client.GetFromJsonAsync<List<Mail>>($"/api/dev/mailbox?to={Uri.EscapeDataString(to)}", PortalClients.Json))!);
        var file = Assert.Single(mail.Attachments);
        Assert.Equal("appointment.ics", file.FileName);
        Assert.Equal("text/calendar", file.ContentType);
        Assert.Equal("BEGIN:VCALENDAR"u8.ToArray(), file.Content);
    }

    private sealed record Mail(string To, string Subject, List<MailFile> Attachments);

    private sealed record MailFile(string FileName, string ContentType, byte[] Content);

    private static List<string> Routes(PortalApp app)
    {
        using var client = app.CreateClient();   // starts the Host
        return app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText!).ToList();
    }
}
