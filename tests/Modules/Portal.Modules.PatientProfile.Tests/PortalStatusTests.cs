using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Invitations.Contracts;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Shared.Abstractions;
using Portal.Shared.Messaging;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.PatientProfile.Tests;

/// <summary>The patient list's portal status follows the invitation events, even when they arrive out of order.</summary>
public sealed class PortalStatusTests : IAsyncLifetime
{
    private readonly PortalApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_late_close_of_an_old_invitation_does_not_undo_a_newer_one()
    {
        var now = _app.Clock.GetUtcNow();
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var ava = DemoPatients.AvaNguyenId;
        var harbour = DemoData.HarbourHealthId;

        await Deliver(new InvitationSent(Guid.NewGuid(), now, harbour, ava, first));
        await Deliver(new InvitationSent(Guid.NewGuid(), now.AddDays(8), harbour, ava, second));
        await Deliver(new InvitationClosed(Guid.NewGuid(), now.AddDays(7), harbour, ava, first, InvitationStatus.Expired));   // retried late
        Assert.Equal("invited", await StatusAsync());

        await Deliver(new InvitationAccepted(Guid.NewGuid(), now.AddDays(9), harbour, ava, second, Guid.NewGuid(), "Ava Nguyen"));
        await Deliver(new InvitationClosed(Guid.NewGuid(), now.AddDays(10), harbour, ava, first, InvitationStatus.Revoked));
        Assert.Equal("active", await StatusAsync());
    }

    [Fact]
    public async Task Another_groups_event_changes_nothing()
    {
        await Deliver(new InvitationSent(Guid.NewGuid(), _app.Clock.GetUtcNow(), DemoData.SummitPhysioId, DemoPatients.AvaNguyenId, Guid.NewGuid()));
        Assert.Equal("notInvited", await StatusAsync());
    }

    private async Task Deliver<TEvent>(TEvent integrationEvent)
        where TEvent : IIntegrationEvent
    {
        await using var scope = _app.Services.CreateAsyncScope();
        foreach (var consumer in scope.ServiceProvider.GetServices<IIntegrationEventConsumer<TEvent>>().Where(c => c.GetType().Assembly.GetName().Name == "Portal.Modules.PatientProfile"))
        {
            await consumer.ConsumeAsync(integrationEvent, default);
        }
    }

    private async Task<string> StatusAsync()
    {
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        var page = await (await drLee.GetAsync("/api/practice/patients?search=ava")).JsonAsync();
        return page.GetProperty("items")[0].GetProperty("portalStatus").GetString()!;
    }
}
