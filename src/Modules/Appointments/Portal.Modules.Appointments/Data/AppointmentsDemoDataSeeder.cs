using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Extensions;
using Portal.Modules.Appointments.Contracts;
using Portal.Modules.Appointments.Domain;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Shared.Modules;

namespace Portal.Modules.Appointments.Data;

/// <summary>
/// The documented demo schedule (Development, empty database only): Harbour Health in Sydney and Brisbane with Dr Lee
/// and the admin bookable Monday to Friday 09:00-17:00 at Sydney, two appointment types, and a few past and upcoming
/// appointments for Ava and Noah; Summit Physio in Perth.
/// </summary>
internal sealed class AppointmentsDemoDataSeeder(AppointmentsDbContext db, TimeProvider clock) : IDemoDataSeeder
{
    public int Order => 20;

    private static readonly IsoDayOfWeek[] Weekdays =
        [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Locations.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow().ToInstant();
        var harbour = DemoData.HarbourHealthId;
        var sydney = Location.Create(harbour, "Harbour Health Sydney", "1 Harbour Street, Sydney NSW 2000", "Australia/Sydney").Value;
        var brisbane = Location.Create(harbour, "Harbour Health Brisbane", "20 River Road, Brisbane QLD 4000", "Australia/Brisbane").Value;
        var standard = AppointmentType.Create(harbour, "Standard consultation", Duration.FromMinutes(30), Duration.Zero, 12000, bookableOnline: true, newPatients: true);
        var longer = AppointmentType.Create(harbour, "Long consultation", Duration.FromMinutes(60), Duration.Zero, 22000, bookableOnline: true, newPatients: false);
        db.Locations.AddRange(sydney, brisbane);
        db.AppointmentTypes.AddRange(standard, longer);
        AddWeekdayHours(harbour, DemoData.DrLeeId, sydney);
        AddWeekdayHours(harbour, DemoData.HarbourAdminId, sydney);

        var summit = DemoData.SummitPhysioId;
        var perth = Location.Create(summit, "Summit Physio Perth", "3 Hay Street, Perth WA 6000", "Australia/Perth").Value;
        var assessment = AppointmentType.Create(summit, "Initial assessment", Duration.FromMinutes(45), Duration.FromMinutes(15), 9500, bookableOnline: true, newPatients: true);
        db.Locations.Add(perth);
        db.AppointmentTypes.Add(assessment);
        AddWeekdayHours(summit, DemoData.SummitAdminId, perth);

        // Weekdays relative to today in Sydney, so the demo always has a history and something coming up.
        var today = now.InZone(sydney.Zone).Date;
        Add(DemoPatients.AvaNguyenId, DemoData.DrLeeId, sydney, standard, Weekday(today, -21), new LocalTime(9, 30), AppointmentStatus.Completed, now);
        Add(DemoPatients.AvaNguyenId, DemoData.DrLeeId, sydney, longer, Weekday(today, -7), new LocalTime(14, 0), AppointmentStatus.Completed, now);
        Add(DemoPatients.AvaNguyenId, DemoData.DrLeeId, sydney, standard, Weekday(today, 3), new LocalTime(10, 0), AppointmentStatus.Booked, now);
        Add(DemoPatients.AvaNguyenId, DemoData.DrLeeId, sydney, standard, Weekday(today, 17), new LocalTime(15, 30), AppointmentStatus.Booked, now);
        Add(DemoPatients.NoahSmithId, DemoData.DrLeeId, sydney, standard, Weekday(today, -14), new LocalTime(11, 0), AppointmentStatus.DidNotAttend, now);
        Add(DemoPatients.NoahSmithId, DemoData.DrLeeId, sydney, standard, Weekday(today, 3), new LocalTime(11, 0), AppointmentStatus.Booked, now);
        Add(DemoPatients.NoahSmithId, DemoData.HarbourAdminId, sydney, longer, Weekday(today, 8), new LocalTime(9, 0), AppointmentStatus.Booked, now);
        Add(DemoPatients.JackTaylorId, DemoData.SummitAdminId, perth, assessment, Weekday(today, 4), new LocalTime(13, 0), AppointmentStatus.Booked, now);

        await db.SaveChangesAsync(cancellationToken);
    }

    private void AddWeekdayHours(Guid groupId, Guid practitionerId, Location location) =>
        db.AvailabilityRules.AddRange(Weekdays.Select(day =>
            AvailabilityRule.Create(groupId, practitionerId, location.Id, new WeeklyHours(day, new LocalTime(9, 0), new LocalTime(17, 0)))));

    private void Add(Guid patientId, Guid practitionerId, Location location, AppointmentType type, LocalDate date, LocalTime time, AppointmentStatus status, Instant now)
    {
        var start = (date + time).InZoneLeniently(location.Zone).ToInstant();
        var bookedAt = Instant.Min(now, start - Duration.FromDays(7));
        var appointment = Appointment.Book(location.PracticeGroupId, patientId, practitionerId, location.Id, type.Id,
            start, type.Length, type.BufferAfter, practitionerId, bookedAt);
        if (status != AppointmentStatus.Booked)
        {
            appointment.SetAttendance(status);
        }

        db.Appointments.Add(appointment);
        db.OccupiedTimeUnits.AddRange(OccupiedTimeUnit.For(appointment));
    }

    /// <summary>The weekday <paramref name="days"/> days from <paramref name="today"/>, moved forward off a weekend.</summary>
    private static LocalDate Weekday(LocalDate today, int days)
    {
        var date = today.PlusDays(days);
        return date.DayOfWeek switch
        {
            IsoDayOfWeek.Saturday => date.PlusDays(days < 0 ? -1 : 2),
            IsoDayOfWeek.Sunday => date.PlusDays(days < 0 ? -2 : 1),
            _ => date,
        };
    }
}
