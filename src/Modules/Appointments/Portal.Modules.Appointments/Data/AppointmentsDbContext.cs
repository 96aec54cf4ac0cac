using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;
using Portal.Modules.Appointments.Domain;
using Portal.Shared.Messaging;
using Portal.Shared.Persistence;

namespace Portal.Modules.Appointments.Data;

internal class AppointmentsDbContext(DbContextOptions options) : DbContext(options)
{
    public static readonly ModuleDatabaseName DatabaseName = ModuleDatabaseName.For("appointments");

    public DbSet<Location> Locations => Set<Location>();
    public DbSet<AppointmentType> AppointmentTypes => Set<AppointmentType>();
    public DbSet<AvailabilityRule> AvailabilityRules => Set<AvailabilityRule>();
    public DbSet<TimeOff> TimeOff => Set<TimeOff>();
    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<OccupiedTimeUnit> OccupiedTimeUnits => Set<OccupiedTimeUnit>();
    public DbSet<BookingSettings> BookingSettings => Set<BookingSettings>();
    public DbSet<BookingSettingsChange> BookingSettingsChanges => Set<BookingSettingsChange>();

    /// <summary>A practice group's appointments: every practice read starts here, so another group's never show.</summary>
    public IQueryable<Appointment> AppointmentsOf(Guid practiceGroupId) => Appointments.Where(a => a.PracticeGroupId == practiceGroupId);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.UsePortalConventions(Database);
        // NodaTime's types as plain columns both databases compare and index the same way (docs/decisions/0016):
        // instants as ticks since the Unix epoch, durations as whole minutes, wall-clock times and dates as the
        // database's own time and date.
        configurationBuilder.Properties<Instant>().HaveConversion<InstantAsTicks>();
        configurationBuilder.Properties<Duration>().HaveConversion<DurationAsMinutes>();
        configurationBuilder.Properties<LocalTime>().HaveConversion<LocalTimeAsTimeOnly>();
        configurationBuilder.Properties<LocalDate>().HaveConversion<LocalDateAsDateOnly>();
        configurationBuilder.Properties<IsoDayOfWeek>().HaveConversion<int>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.UseModuleSchema(Database, DatabaseName.Schema);
        modelBuilder.AddOutboxAndInbox();

        modelBuilder.Entity<Location>(location =>
        {
            location.ToTable("Locations");
            location.Property(l => l.Name).HasMaxLength(200);
            location.Property(l => l.Address).HasMaxLength(500);
            location.Property(l => l.TimeZoneId).HasMaxLength(64);
            location.Ignore(l => l.Zone);
            location.HasIndex(l => l.PracticeGroupId);
        });

        modelBuilder.Entity<AppointmentType>(type =>
        {
            type.ToTable("AppointmentTypes");
            type.Property(t => t.Name).HasMaxLength(200);
            type.HasIndex(t => t.PracticeGroupId);
        });

        modelBuilder.Entity<AvailabilityRule>(rule =>
        {
            rule.ToTable("AvailabilityRules");
            rule.Ignore(r => r.Hours);
            rule.HasIndex(r => new { r.PractitionerId, r.LocationId });
            rule.HasIndex(r => r.PracticeGroupId);
        });

        modelBuilder.Entity<TimeOff>(off =>
        {
            off.ToTable("TimeOff");
            off.Property(t => t.Reason).HasMaxLength(500);
            off.Ignore(t => t.Interval);
            off.HasIndex(t => new { t.PractitionerId, t.Start });
        });

        modelBuilder.Entity<Appointment>(appointment =>
        {
            appointment.ToTable("Appointments");
            appointment.Property(a => a.Status).HasCamelCaseConversion().HasMaxLength(20);
            appointment.Property(a => a.CancellationReason).HasMaxLength(500);
            appointment.Ignore(a => a.Occupies);
            // A practitioner's day or month (slot search, the calendar); a patient's upcoming and past; the group's
            // calendar; the reminder job's next appointments.
            appointment.HasIndex(a => new { a.PractitionerId, a.Start });
            appointment.HasIndex(a => new { a.PatientId, a.Start });
            appointment.HasIndex(a => new { a.PracticeGroupId, a.Start });
            appointment.HasIndex(a => new { a.Status, a.ReminderSentAt, a.Start });
        });

        modelBuilder.Entity<BookingSettings>(settings =>
        {
            settings.ToTable("BookingSettings");
            settings.HasKey(s => s.PracticeGroupId);
            settings.Property(s => s.Version).IsConcurrencyToken();
            settings.Property(s => s.UpdatedByName).HasMaxLength(200);
            settings.ComplexProperty(s => s.Rules);
        });

        modelBuilder.Entity<BookingSettingsChange>(change =>
        {
            change.ToTable("BookingSettingsChanges");
            change.Property(c => c.ChangedByName).HasMaxLength(200);
            change.HasIndex(c => new { c.PracticeGroupId, c.ChangedAt });
            change.ComplexProperty(c => c.Before);
            change.ComplexProperty(c => c.After);
        });

        modelBuilder.Entity<OccupiedTimeUnit>(unit =>
        {
            unit.ToTable("OccupiedTimeUnits");
            unit.HasKey(u => new { u.PractitionerId, u.Unit });
            unit.HasIndex(u => u.AppointmentId);
        });
    }

    private sealed class InstantAsTicks() : ValueConverter<Instant, long>(i => i.ToUnixTimeTicks(), t => Instant.FromUnixTimeTicks(t));

    private sealed class DurationAsMinutes() : ValueConverter<Duration, int>(d => (int)d.TotalMinutes, m => Duration.FromMinutes(m));

    private sealed class LocalTimeAsTimeOnly() : ValueConverter<LocalTime, TimeOnly>(t => t.ToTimeOnly(), t => LocalTime.FromTimeOnly(t));

    private sealed class LocalDateAsDateOnly() : ValueConverter<LocalDate, DateOnly>(d => d.ToDateOnly(), d => LocalDate.FromDateOnly(d));
}

internal sealed class SqliteAppointmentsDbContext(DbContextOptions<SqliteAppointmentsDbContext> options) : AppointmentsDbContext(options);

internal sealed class SqlServerAppointmentsDbContext(DbContextOptions<SqlServerAppointmentsDbContext> options) : AppointmentsDbContext(options);

internal sealed class SqliteAppointmentsDesignTimeFactory : SqliteDesignTimeFactory<SqliteAppointmentsDbContext>;

internal sealed class SqlServerAppointmentsDesignTimeFactory : SqlServerDesignTimeFactory<SqlServerAppointmentsDbContext>;
