using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.Appointments.Data;
using Portal.Modules.Appointments.Features;
using Portal.Modules.Appointments.Features.Shared;
using Portal.Modules.Appointments.Jobs;
using Portal.Shared.Jobs;
using Portal.Shared.Modules;
using Portal.Shared.Persistence;

namespace Portal.Modules.Appointments;

/// <summary>
/// Locations, practitioners' hours and time off, appointment types, the practice's booking rules, and appointments:
/// slot search, booking, cancelling and rescheduling without double booking (docs/decisions/0016).
/// </summary>
public sealed class AppointmentsModule : IModule
{
    public string Name => "appointments";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<AppointmentsDbContext, SqliteAppointmentsDbContext, SqlServerAppointmentsDbContext>(
            configuration, AppointmentsDbContext.DatabaseName);
        services.AddScoped<CallerPractice>();
        services.AddScoped<PracticeStaff>();
        services.AddScoped<Booking>();
        services.AddScoped<PracticeBookingRules>();
        services.AddScoped<AppointmentViews>();
        services.AddScoped<ChangeableAppointments>();
        services.AddScoped<AppointmentNotices>();
        services.AddRecurringJob<AppointmentRemindersJob>(AppointmentRemindersJob.Id, "*/10 * * * *");
        services.AddScoped<IDemoDataSeeder, AppointmentsDemoDataSeeder>();
    }
}
