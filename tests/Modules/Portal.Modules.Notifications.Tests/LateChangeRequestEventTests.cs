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
/// A request's own event relayed after the event that closed it (a retry): the practitioners are not told that a
/// decided, withdrawn or replaced change waits for approval. Notifications knows it from the events alone.
/// </summary>
public sealed class LateChangeRequestEventTests : IAsyncLifetime
{
    private readonly PortalApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_request_announced_after_its_decision_is_not_announced_as_waiting()
    {
        var request = Guid.CreateVersion7();
        var asked = _app.Clock.GetUtcNow();
        await DeliverAsync(new PatientChangeDecided(Guid.CreateVersion7(), asked.AddMinutes(1), request, DemoPatients.AvaNguyenId,
            DemoData.HarbourHealthId, "Ava Nguyen", RecordPart.Profile, ["preferredName"], ChangeDecision.Approved, Guid.NewGuid(), "Sam Lee"));

        await DeliverAsync(Requested(request, asked));

        Assert.Empty(await ChangeNotificationsAsync());
    }

    [Fact]
    public async Task A_request_announced_after_its_withdrawal_is_not_announced_as_waiting()
    {
        var request = Guid.CreateVersion7();
        var asked = _app.Clock.GetUtcNow();
        await DeliverAsync(new PatientChangeWithdrawn(Guid.CreateVersion7(), asked.AddMinutes(1), [request], DemoPatients.AvaNguyenId,
            DemoData.HarbourHealthId, "Ava Nguyen", RecordPart.Profile));

        await DeliverAsync(Requested(request, asked));

        Assert.Empty(await ChangeNotificationsAsync());
    }

    [Fact]
    public async Task A_request_announced_after_the_newer_one_that_replaced_it_leaves_the_newer_one_announced()
    {
        var (older, newer) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var asked = _app.Clock.GetUtcNow();
        await DeliverAsync(Requested(newer, asked.AddMinutes(1), replaces: [older]));
        var announced = Assert.Single(await ChangeNotificationsAsync());
        Assert.Equal("Ava Nguyen changed their request about their personal details (preferred name); it waits for approval.",
            announced.GetProperty("summary").GetString());

        await DeliverAsync(Requested(older, asked));

        var still = Assert.Single(await ChangeNotificationsAsync());
        Assert.Equal(announced.GetProperty("summary").GetString(), still.GetProperty("summary").GetString());
        Assert.Equal(announced.GetProperty("createdAt").GetString(), still.GetProperty("createdAt").GetString());
    }

    [Fact]
    public async Task A_request_still_waiting_is_announced()
    {
        await DeliverAsync(Requested(Guid.CreateVersion7(), _app.Clock.GetUtcNow()));

        var announced = Assert.Single(await ChangeNotificationsAsync());
        Assert.Equal("profileChangePending", announced.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task A_handled_event_is_recorded_under_the_consumers_stable_name_not_its_class_name()
    {
        await DeliverAsync(Requested(Guid.CreateVersion7(), _app.Clock.GetUtcNow()));

        Assert.Equal(["notifications.InboxMessages.Consumer"], await _app.PlacesHoldingAsync("notifications.announce-change-requested"));
        Assert.Empty(await _app.PlacesHoldingAsync("PatientChangeRequestedConsumer"));
    }

    private static PatientChangeRequested Requested(Guid changeRequestId, DateTimeOffset at, IReadOnlyList<Guid>? replaces = null) =>
        new(Guid.CreateVersion7(), at, changeRequestId, DemoPatients.AvaNguyenId, DemoData.HarbourHealthId, "Ava Nguyen", RecordPart.Profile,
            ["preferredName"], replaces);

    private async Task DeliverAsync<TEvent>(TEvent integrationEvent)
        where TEvent : IIntegrationEvent
    {
        await using var scope = _app.Services.CreateAsyncScope();
        foreach (var consumer in scope.ServiceProvider.GetServices<IIntegrationEventConsumer<TEvent>>())
        {
            await consumer.ConsumeAsync(integrationEvent, default);
        }
    }

    private async Task<List<JsonElement>> ChangeNotificationsAsync()
    {
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        return (await (await drLee.GetAsync("/api/practice/notifications")).JsonAsync()).GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("kind").GetString() is "profileChangePending" or "profileChangeWithdrawn" or "profileChangeApproved")
            .ToList();
    }
}
