using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.Invitations.Contracts;
using Portal.Shared.Abstractions;
using Portal.Shared.Messaging;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.PatientProfile.Tests;

/// <summary>The patient list's portal status follows the invitation events, even when they arrive out of order.</summary>
public sealed class PortalStatusTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task A_late_close_of_an_old_invitation_does_not_undo_a_newer_one()
    {
        var practice = await app.NewPracticeAsync();
        var ava = (await practice.AddPatientAsync()).Id;
        using var practitioner = await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password);
        var now = app.Clock.GetUtcNow();
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();

        await Deliver(new InvitationSent(Guid.NewGuid(), now, practice.Id, ava, first));
        await Deliver(new InvitationSent(Guid.NewGuid(), now.AddDays(8), practice.Id, ava, second));
        await Deliver(new InvitationClosed(Guid.NewGuid(), now.AddDays(7), practice.Id, ava, first, InvitationStatus.Expired));   // retried late
        Assert.Equal("invited", await StatusAsync(practitioner));

        await Deliver(new InvitationAccepted(Guid.NewGuid(), now.AddDays(9), practice.Id, ava, second, Guid.NewGuid(), "Ava Nguyen"));
        await Deliver(new InvitationClosed(Guid.NewGuid(), now.AddDays(10), practice.Id, ava, first, InvitationStatus.Revoked));
        Assert.Equal("active", await StatusAsync(practitioner));
    }

    [Fact]
    public async Task Another_groups_event_changes_nothing()
    {
        var practice = await app.NewPracticeAsync();
        var ava = await practice.AddPatientAsync();
        using var practitioner = await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password);
        var anotherGroup = await app.NewPracticeAsync();

        await Deliver(new InvitationSent(Guid.NewGuid(), app.Clock.GetUtcNow(), anotherGroup.Id, ava.Id, Guid.NewGuid()));
        Assert.Equal("notInvited", await StatusAsync(practitioner));
    }

    private async Task Deliver<TEvent>(TEvent integrationEvent)
        where TEvent : IIntegrationEvent
    {
        await using var scope = app.Services.CreateAsyncScope();
        foreach (var consumer in scope.ServiceProvider.GetServices<IIntegrationEventConsumer<TEvent>>().Where(c => c.GetType().Assembly.GetName().Name == "Portal.Modules.PatientProfile"))
        {
            await consumer.ConsumeAsync(integrationEvent, default);
        }
    }

    /// <summary>Ava's portal status in the practice's patient list, as a practitioner of the practice reads it.</summary>
    private static async Task<string> StatusAsync(HttpClient practitioner)
    {
        var page = (await practitioner.GetFromJsonAsync<Page<PatientListItem>>("/api/practice/patients?search=ava", PortalClients.Json))!;
        return page.Items[0].PortalStatus;
    }

    private sealed record PatientListItem(string PortalStatus);

    private sealed record Page<T>(IReadOnlyList<T> Items);
}
