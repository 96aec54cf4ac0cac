using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
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
public sealed class LateChangeRequestEventTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task A_request_announced_after_its_decision_is_not_announced_as_waiting()
    {
        var world = await NewWorldAsync();
        var request = Guid.CreateVersion7();
        var asked = app.Clock.GetUtcNow();
        await DeliverAsync(new PatientChangeDecided(Guid.CreateVersion7(), asked.AddMinutes(1), request, world.PatientId,
            world.PracticeId, "Ava Nguyen", RecordPart.Profile, ["preferredName"], ChangeDecision.Approved, Guid.NewGuid(), "Sam Lee"));

        await DeliverAsync(Requested(world, request, asked));

        Assert.Empty(await ChangeNotificationsAsync(world));
    }

    [Fact]
    public async Task A_request_announced_after_its_withdrawal_is_not_announced_as_waiting()
    {
        var world = await NewWorldAsync();
        var request = Guid.CreateVersion7();
        var asked = app.Clock.GetUtcNow();
        await DeliverAsync(new PatientChangeWithdrawn(Guid.CreateVersion7(), asked.AddMinutes(1), [request], world.PatientId,
            world.PracticeId, "Ava Nguyen", RecordPart.Profile));

        await DeliverAsync(Requested(world, request, asked));

        Assert.Empty(await ChangeNotificationsAsync(world));
    }

    [Fact]
    public async Task A_request_announced_after_the_newer_one_that_replaced_it_leaves_the_newer_one_announced()
    {
        var world = await NewWorldAsync();
        var (older, newer) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var asked = app.Clock.GetUtcNow();
        await DeliverAsync(Requested(world, newer, asked.AddMinutes(1), replaces: [older]));
        var announced = Assert.Single(await ChangeNotificationsAsync(world));
        Assert.Equal("Ava Nguyen changed their request about their personal details (preferred name); it waits for approval.",
            announced.Summary);

        await DeliverAsync(Requested(world, older, asked));

        var still = Assert.Single(await ChangeNotificationsAsync(world));
        Assert.Equal(announced.Summary, still.Summary);
        Assert.Equal(announced.CreatedAt, still.CreatedAt);
    }

    [Fact]
    public async Task A_request_still_waiting_is_announced()
    {
        var world = await NewWorldAsync();
        await DeliverAsync(Requested(world, Guid.CreateVersion7(), app.Clock.GetUtcNow()));

        var announced = Assert.Single(await ChangeNotificationsAsync(world));
        Assert.Equal("profileChangePending", announced.Kind);
    }

    [Fact]
    public async Task A_handled_event_is_recorded_under_the_consumers_stable_name_not_its_class_name()
    {
        var world = await NewWorldAsync();
        await DeliverAsync(Requested(world, Guid.CreateVersion7(), app.Clock.GetUtcNow()));

        Assert.Equal(["notifications.InboxMessages.Consumer"], await app.PlacesHoldingAsync("notifications.announce-change-requested"));
        Assert.Empty(await app.PlacesHoldingAsync("PatientChangeRequestedConsumer"));
    }

    private static PatientChangeRequested Requested(World world, Guid changeRequestId, DateTimeOffset at, IReadOnlyList<Guid>? replaces = null) =>
        new(Guid.CreateVersion7(), at, changeRequestId, world.PatientId, world.PracticeId, "Ava Nguyen", RecordPart.Profile,
            ["preferredName"], replaces);

    private async Task DeliverAsync<TEvent>(TEvent integrationEvent)
        where TEvent : IIntegrationEvent
    {
        await using var scope = app.Services.CreateAsyncScope();
        foreach (var consumer in scope.ServiceProvider.GetServices<IIntegrationEventConsumer<TEvent>>())
        {
            await consumer.ConsumeAsync(integrationEvent, default);
        }
    }

    private async Task<List<Notification>> ChangeNotificationsAsync(World world)
    {
        using var drLee = await app.SignedInClientAsync(world.PractitionerEmail, TestPractice.Password);
        return (await drLee.GetFromJsonAsync<NotificationPage>("/api/practice/notifications", PortalClients.Json))!.Items
            .Where(n => n.Kind is "profileChangePending" or "profileChangeWithdrawn" or "profileChangeApproved")
            .ToList();
    }

    /// <summary>A practice of the test's own with a practitioner to be told and a patient the events are about.</summary>
    private async Task<World> NewWorldAsync()
    {
        var practice = await app.NewPracticeAsync();
        var practitioner = await practice.AddPractitionerAsync();
        var patient = await practice.AddPatientAsync();
        return new World(practice.Id, patient.Id, practitioner);
    }

    private sealed record World(Guid PracticeId, Guid PatientId, string PractitionerEmail);

    private sealed record Notification(string Kind, string Summary, string CreatedAt);

    private sealed record NotificationPage(List<Notification> Items);
}
