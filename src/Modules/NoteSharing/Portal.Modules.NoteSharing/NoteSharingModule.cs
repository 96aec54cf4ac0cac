using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.NoteSharing.Data;
using Portal.Modules.NoteSharing.Features.Shared;
using Portal.Shared.Modules;
using Portal.Shared.Persistence;

namespace Portal.Modules.NoteSharing;

/// <summary>Practitioners' clinical notes on their group's patients, shared inside the group by the practice's setting.</summary>
public sealed class NoteSharingModule : IModule
{
    public string Name => "note-sharing";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<NoteSharingDbContext, SqliteNoteSharingDbContext, SqlServerNoteSharingDbContext>(
            configuration, NoteSharingDbContext.DatabaseName);
        services.AddHttpContextAccessor();
        services.AddScoped<NoteReading>();
    }
}
