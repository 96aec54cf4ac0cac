using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.PortalSettings.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.PortalSettings.Tests;

/// <summary>The cached facade other modules read the policy through.</summary>
public sealed class PortalSettingsApiTests : IAsyncLifetime
{
    private readonly PortalApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_change_is_seen_at_once_on_the_instance_that_made_it()
    {
        Assert.Equal(PatientUpdatePolicy.RequireApproval, (await Read(DemoData.HarbourHealthId)).PatientUpdates);  // now cached

        using var admin = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        using var put = await admin.PutAsJsonAsync("/api/practice/settings/portal",
            new { portalEnabled = true, patientInvitations = false, patientUpdates = "autoUpdate", noteSharing = true });
        put.EnsureSuccessStatusCode();

        var after = await Read(DemoData.HarbourHealthId);
        Assert.Equal(new PortalSettingsSnapshot(true, false, PatientUpdatePolicy.AutoUpdate, true), after);
        Assert.Equal(PortalSettingsSnapshot.Defaults, await Read(DemoData.SummitPhysioId));
    }

    [Fact]
    public async Task A_change_made_by_another_instance_is_seen_once_the_cache_entry_expires()
    {
        // A second Host on the same database plays the other instance behind the load balancer.
        await using var otherInstance = new PortalApp { DataDirectory = _app.DataDirectory };
        using var admin = await otherInstance.SignedInClientAsync(DemoData.HarbourAdminEmail);
        Assert.Equal(PatientUpdatePolicy.RequireApproval, (await Read(DemoData.HarbourHealthId)).PatientUpdates);

        using var put = await admin.PutAsJsonAsync("/api/practice/settings/portal",
            new { portalEnabled = true, patientInvitations = true, patientUpdates = "disabled", noteSharing = false });
        put.EnsureSuccessStatusCode();

        Assert.Equal(PatientUpdatePolicy.RequireApproval, (await Read(DemoData.HarbourHealthId)).PatientUpdates);
        _app.Clock.Advance(IPortalSettingsApi.MaxStaleness);
        Assert.Equal(PatientUpdatePolicy.Disabled, (await Read(DemoData.HarbourHealthId)).PatientUpdates);
    }

    private async Task<PortalSettingsSnapshot> Read(Guid practiceGroupId)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IPortalSettingsApi>().GetAsync(practiceGroupId, default);
    }
}
