using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Modules.Appointments.Contracts;
using Portal.Modules.Invitations.Contracts;
using Portal.Modules.Notifications.Contracts;
using Portal.Modules.Notifications.Data;
using Portal.Modules.Notifications.Email;
using Portal.Modules.Notifications.Features;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Modules.PortalSettings.Contracts;
using Portal.Shared.Jobs;
using Portal.Shared.Messaging;
using Portal.Shared.Modules;
using Portal.Shared.Persistence;

namespace Portal.Modules.Notifications;

/// <summary>Practitioners' notifications and all outgoing email, fed only by other modules' integration events.</summary>
public sealed class NotificationsModule : IModule
{
    public string Name => "notifications";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<NotificationsDbContext, SqliteNotificationsDbContext, SqlServerNotificationsDbContext>(
            configuration, NotificationsDbContext.DatabaseName);

        services.Configure<EmailSettings>(configuration.GetSection(EmailSettings.Section));
        services.AddScoped<SmtpEmailSender>();
        services.AddScoped<DevelopmentMailboxEmailSender>();
        // Email:Delivery decides; without it, Development keeps email in the development mailbox and every
        // other environment sends through SMTP.
        services.AddScoped<IEmailSender>(sp =>
        {
            var delivery = configuration[$"{EmailSettings.Section}:Delivery"];
            var toMailbox = delivery is null
                ? sp.GetRequiredService<IHostEnvironment>().IsDevelopment()
                : string.Equals(delivery, "DevelopmentMailbox", StringComparison.OrdinalIgnoreCase);
            return toMailbox ? sp.GetRequiredService<DevelopmentMailboxEmailSender>() : sp.GetRequiredService<SmtpEmailSender>();
        });

        services.AddScoped<EmailOutbox>();
        services.AddRecurringJob<EmailDeliveryJob>(EmailDeliveryJob.Id, "*/10 * * * * *");
        services.AddScoped<IIntegrationEventConsumer<EmailRequested>, EmailRequestedConsumer>();
        services.AddScoped<IIntegrationEventConsumer<PortalSettingsChanged>, PortalSettingsChangedConsumer>();
        services.AddScoped<IIntegrationEventConsumer<InvitationAccepted>, InvitationAcceptedConsumer>();
        services.AddScoped<IIntegrationEventConsumer<PatientChangeRequested>, PatientChangeRequestedConsumer>();
        services.AddScoped<IIntegrationEventConsumer<PatientRecordUpdatedByPatient>, PatientRecordUpdatedByPatientConsumer>();
        services.AddScoped<IIntegrationEventConsumer<PatientChangeWithdrawn>, PatientChangeWithdrawnConsumer>();
        services.AddScoped<IIntegrationEventConsumer<PatientChangeDecided>, PatientChangeDecidedConsumer>();
        services.AddScoped<IIntegrationEventConsumer<AppointmentBooked>, AppointmentBookedConsumer>();
        services.AddScoped<IIntegrationEventConsumer<AppointmentCancelled>, AppointmentCancelledConsumer>();
        services.AddScoped<IIntegrationEventConsumer<AppointmentRescheduled>, AppointmentRescheduledConsumer>();
    }
}
