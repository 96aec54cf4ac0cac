using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
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
public sealed class ChangeNotificationOrderTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task A_withdrawal_relayed_after_a_newer_request_leaves_the_newer_request_announced()
    {
        var practice = await app.NewPracticeAsync();
        var drLeeEmail = await practice.AddPractitionerAsync();
        var avaRecord = await practice.AddPatientAsync();
        using var ava = await practice.SignedInPatientAsync(avaRecord);
        var asked = app.Clock.GetUtcNow();
        using (var edit = await ava.PatchAsJsonAsync("/api/portal/profile", new { preferredName = "Avie" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, edit.StatusCode);
        }

        await app.RunMessagingAsync();
        using var drLee = await app.SignedInClientAsync(drLeeEmail, TestPractice.Password);
        Assert.Equal("profileChangePending", (await ChangeNotificationAsync(drLee)).Kind);

        // The withdrawal of an older request, relayed late: the notification already tells of the newer one.
        await DeliverAsync(Withdrawn(practice, avaRecord, asked.AddMinutes(-5)));
        Assert.Equal("profileChangePending", (await ChangeNotificationAsync(drLee)).Kind);

        // A withdrawal after it does change it.
        await DeliverAsync(Withdrawn(practice, avaRecord, asked.AddMinutes(5)));
        var withdrawn = await ChangeNotificationAsync(drLee);
        Assert.Equal("profileChangeWithdrawn", withdrawn.Kind);
        Assert.Equal("Ava Nguyen withdrew their request about their personal details; nothing waits for approval.", withdrawn.Summary);
    }

    private static PatientChangeWithdrawn Withdrawn(TestPractice practice, TestPatient patient, DateTimeOffset at) =>
        new(Guid.CreateVersion7(), at, [Guid.CreateVersion7()], patient.Id, practice.Id, "Ava Nguyen", RecordPart.Profile);

    private async Task DeliverAsync<TEvent>(TEvent integrationEvent)
        where TEvent : IIntegrationEvent
    {
        await using var scope = app.Services.CreateAsyncScope();
        foreach (var consumer in scope.ServiceProvider.GetServices<IIntegrationEventConsumer<TEvent>>())
        {
            await consumer.ConsumeAsync(integrationEvent, default);
        }
    }

    private static async Task<Notification> ChangeNotificationAsync(HttpClient practitioner) =>
        Assert.Single((await practitioner.GetFromJsonAsync<NotificationPage>("/api/practice/notifications", PortalClients.Json))!.Items,
            n => n.Kind is "profileChangePending" or "profileChangeWithdrawn");

    private sealed record Notification(string Kind, string Summary);

    private sealed record NotificationPage(List<Notification> Items);
}
