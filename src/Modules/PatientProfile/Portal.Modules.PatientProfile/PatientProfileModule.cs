using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.Invitations.Contracts;
using Portal.Modules.PatientProfile.Api;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Modules.PatientProfile.Data;
using Portal.Modules.PatientProfile.Features;
using Portal.Modules.PatientProfile.Features.Shared;
using Portal.Modules.PatientProfile.Jobs;
using Portal.Shared.Jobs;
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
        services.Configure<ApprovalReminderSettings>(configuration.GetSection(ApprovalReminderSettings.Section));
        services.AddHttpContextAccessor();
        services.AddScoped<PatientAuditLog>();
        services.AddScoped<RecordHistory>();
        services.AddScoped<RecordEmailNotice>();
        services.AddScoped<PortalPatientSelector>();
        services.AddScoped<PortalRecordEditor>();
        services.AddScoped<ProfilePart>();
        services.AddScoped<HealthRecordPart>();
        services.AddScoped<RecordParts>();
        services.AddScoped<IPatientDirectory, PatientDirectory>();
        services.AddScoped<IPortalPatients, PortalPatients>();
        services.AddScoped<IPatientRecordEdits, PatientRecordEdits>();
        services.AddScoped<IDemoDataSeeder, PatientDemoDataSeeder>();
        services.AddScoped<IIntegrationEventConsumer<InvitationSent>, InvitationSentConsumer>();
        services.AddScoped<IIntegrationEventConsumer<InvitationAccepted>, InvitationAcceptedConsumer>();
        services.AddScoped<IIntegrationEventConsumer<InvitationClosed>, InvitationClosedConsumer>();
        services.AddScoped<IIntegrationEventConsumer<PatientRecordAccessed>, PatientRecordAccessedConsumer>();
        services.AddScoped<IIntegrationEventConsumer<Portal.Modules.Identity.Contracts.PatientRecordUnlinked>, PatientRecordUnlinkedConsumer>();
        services.AddRecurringJob<ApprovalRemindersJob>(ApprovalRemindersJob.Id, "0 22 * * *");   // 08:00–09:00 in Sydney
    }
}
