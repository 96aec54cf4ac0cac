using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.PortalSettings.Api;
using Portal.Modules.PortalSettings.Contracts;
using Portal.Modules.PortalSettings.Data;
using Portal.Shared.Modules;
using Portal.Shared.Persistence;

namespace Portal.Modules.PortalSettings;

/// <summary>Each practice group's portal policy: invitations, patient updates, note sharing (the admin app's Settings page).</summary>
public sealed class PortalSettingsModule : IModule
{
    public string Name => "portal-settings";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<PortalSettingsDbContext, SqlitePortalSettingsDbContext, SqlServerPortalSettingsDbContext>(
            configuration, PortalSettingsDbContext.DatabaseName);
        services.AddMemoryCache();
        services.AddSingleton<PortalSettingsCache>();
        services.AddScoped<IPortalSettingsApi, PortalSettingsApi>();
    }
}
