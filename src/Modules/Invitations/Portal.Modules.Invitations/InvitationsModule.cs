using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.Invitations.Data;
using Portal.Modules.Invitations.Features.Shared;
using Portal.Modules.Invitations.Jobs;
using Portal.Shared.Jobs;
using Portal.Shared.Modules;
using Portal.Shared.Persistence;

namespace Portal.Modules.Invitations;

/// <summary>Practitioners invite patients; a patient accepts and gets (or links) a portal account.</summary>
public sealed class InvitationsModule : IModule
{
    public string Name => "invitations";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<InvitationsDbContext, SqliteInvitationsDbContext, SqlServerInvitationsDbContext>(
            configuration, InvitationsDbContext.DatabaseName);
        services.Configure<InvitationSettings>(configuration.GetSection(InvitationSettings.Section));
        services.AddScoped<InvitationMailer>();
        services.AddScoped<InvitationLookup>();
        services.AddScoped<InvitationIssuer>();
        services.AddScoped<InvitationEligibility>();
        services.AddScoped<InvitationAddress>();
        services.AddScoped<PortalAccessLog>();
        services.AddHttpContextAccessor();
        services.AddRecurringJob<SendBulkInvitationsJob>(SendBulkInvitationsJob.Id, "*/10 * * * * *");
        services.AddRecurringJob<ExpireInvitationsJob>(ExpireInvitationsJob.Id, "*/15 * * * *");
        services.AddRecurringJob<SendInvitationRemindersJob>(SendInvitationRemindersJob.Id, "5 * * * *");
    }
}
