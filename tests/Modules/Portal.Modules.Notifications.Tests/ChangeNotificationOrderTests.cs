using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Shared.Abstractions;
using Portal.Shared.Messaging;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Notifications.Tests;

/// <summary>
/// Events about a patient's waiting change may be relayed out of order (a failed one is retried while newer ones go on):
/// the practitioners' notification judges each by its time, from what the events say, without asking PatientProfile.
/// </summary>
public sealed class ChangeNotificationOrderTests : IAsyncLifetime
{
    private const string AvaPassword = "Ava's own long passphrase";
    private readonly PortalApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_withdrawal_relayed_after_a_newer_request_leaves_the_newer_request_announced()
    {
        await _app.LinkPatientRecordAsync("ava@example.test", AvaPassword, DemoPatients.AvaNguyenId, DemoData.HarbourHealthId);
        using var ava = await _app.SignedInClientAsync("ava@example.test", AvaPassword);
        var asked = _app.Clock.GetUtcNow();
        using (var edit = await ava.PatchAsJsonAsync("/api/portal/profile", new { preferredName = "Avie" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, edit.StatusCode);
        }

        await _app.RunMessagingAsync();
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        Assert.Equal("profileChangePending", (await ChangeNotificationAsync(drLee)).GetProperty("kind").GetString());

        // The withdrawal of an older request, relayed late: the notification already tells of the newer one.
        await DeliverAsync(Withdrawn(asked.AddMinutes(-5)));
        Assert.Equal("profileChangePending", (await ChangeNotificationAsync(drLee)).GetProperty("kind").GetString());

        // A withdrawal after it does change it.
        await DeliverAsync(Withdrawn(asked.AddMinutes(5)));
        var withdrawn = await ChangeNotificationAsync(drLee);
        Assert.Equal("profileChangeWithdrawn", withdrawn.GetProperty("kind").GetString());
        Assert.Equal("Ava Nguyen withdrew their request about their personal details; nothing waits for approval.", withdrawn.GetProperty("summary").GetString());
    }

    private static PatientChangeWithdrawn Withdrawn(DateTimeOffset at) =>
        new(Guid.CreateVersion7(), at, [Guid.CreateVersion7()], DemoPatients.AvaNguyenId, DemoData.HarbourHealthId, "Ava Nguyen", RecordPart.Profile);

    private async Task DeliverAsync<TEvent>(TEvent integrationEvent)
        where TEvent : IIntegrationEvent
    {
        await using var scope = _app.Services.CreateAsyncScope();
        foreach (var consumer in scope.ServiceProvider.GetServices<IIntegrationEventConsumer<TEvent>>())
        {
            await consumer.ConsumeAsync(integrationEvent, default);
        }
    }

    private static async Task<JsonElement> ChangeNotificationAsync(HttpClient practitioner) =>
        Assert.Single((await (await practitioner.GetAsync("/api/practice/notifications")).JsonAsync()).GetProperty("items").EnumerateArray(),
            n => n.GetProperty("kind").GetString() is "profileChangePending" or "profileChangeWithdrawn");
}
