using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Extensions;
using Portal.Modules.Appointments.Contracts;
using Portal.Modules.Appointments.Data;
using Portal.Modules.Appointments.Features.Shared;
using Portal.Modules.Identity.Contracts;
using Portal.Shared.Jobs;
using Portal.Shared.Persistence;

namespace Portal.Modules.Appointments.Jobs;

/// <summary>
/// Job <c>appointments.send-reminders</c>: emails each patient once before their appointment
/// (<c>Appointments:Reminders:LeadHours</c>, default 24), never for a cancelled one. The appointment is marked reminded
/// in the same save as the email's outbox row; a second run (or instance) finds it marked, and one that raced this
/// run to the same appointment writes an email with the same id, which the outbox refuses.
/// </summary>
internal sealed class AppointmentRemindersJob(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, JobStorage storage)
    : ExclusiveRecurringJob(storage)
{
    public const string Id = "appointments.send-reminders";
    private const int BatchSize = 100;
    private const int MaxBatchesPerRun = 50;

    protected override string JobId => Id;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var lead = Duration.FromHours(configuration.GetValue("Appointments:Reminders:LeadHours", 24));
        for (var batch = 0; batch < MaxBatchesPerRun; batch++)
        {
            var due = await DueAsync(lead, cancellationToken);
            foreach (var appointmentId in due)
            {
                await RemindAsync(appointmentId, lead, cancellationToken);
            }

            if (due.Count < BatchSize)
            {
                return;
            }
        }
    }

    /// <summary>Booked, not yet reminded, starting within the lead time: the index on (Status, ReminderSentAt, Start) answers it.</summary>
    private async Task<List<Guid>> DueAsync(Duration lead, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppointmentsDbContext>();
        var now = clock.GetUtcNow().ToInstant();
        var until = now + lead;
        return await db.Appointments.AsNoTracking()
            .Where(a => a.Status == AppointmentStatus.Booked && a.ReminderSentAt == null && a.Start > now && a.Start <= until)
            .OrderBy(a => a.Start).ThenBy(a => a.Id)
            .Select(a => a.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
    }

    private async Task RemindAsync(Guid appointmentId, Duration lead, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppointmentsDbContext>();
        var now = clock.GetUtcNow().ToInstant();
        var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == appointmentId, cancellationToken);
        if (appointment is null || !appointment.ReminderDue(lead, now))
        {
            return;   // cancelled, moved or reminded since it was listed
        }

        var facts = await AppointmentFacts.LoadAsync(db, scope.ServiceProvider.GetRequiredService<IIdentityApi>(), appointment, cancellationToken);
        appointment.Reminded(now);
        await scope.ServiceProvider.GetRequiredService<AppointmentNotices>().ReminderAsync(facts, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            // Another run wrote this reminder first (its email id is this one's): the appointment is reminded.
        }
    }
}
