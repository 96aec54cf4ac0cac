using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.Invitations.Contracts;
using Portal.Modules.PatientProfile.Api;
using Portal.Modules.PatientProfile.Consumers;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Modules.PatientProfile.Data;
using Portal.Modules.PatientProfile.Features.Shared;
using Portal.Shared.Messaging;
using Portal.Shared.Modules;
using Portal.Shared.Persistence;

namespace Portal.Modules.PatientProfile;

/// <summary>Patient records of each practice: personal details, health record, and the patient's change requests.</summary>
public sealed class PatientProfileModule : IModule
{
    public string Name => "patient-profile";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<PatientProfileDbContext, SqlitePatientProfileDbContext, SqlServerPatientProfileDbContext>(
            configuration, PatientProfileDbContext.DatabaseName);
        services.AddScoped<PatientAuditLog>();
        services.AddScoped<PortalPatientSelector>();
        services.AddScoped<IPatientDirectory, PatientDirectory>();
        services.AddScoped<IDemoDataSeeder, PatientDemoDataSeeder>();
        services.AddScoped<IIntegrationEventConsumer<InvitationSent>, InvitationSentConsumer>();
        services.AddScoped<IIntegrationEventConsumer<InvitationAccepted>, InvitationAcceptedConsumer>();
        services.AddScoped<IIntegrationEventConsumer<InvitationClosed>, InvitationClosedConsumer>();
    }
}
