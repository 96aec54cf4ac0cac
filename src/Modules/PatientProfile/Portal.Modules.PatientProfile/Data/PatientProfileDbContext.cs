using Microsoft.EntityFrameworkCore;
using Portal.Modules.PatientProfile.ChangeRequests;
using Portal.Modules.PatientProfile.Domain;
using Portal.Shared.Messaging;
using Portal.Shared.Persistence;

namespace Portal.Modules.PatientProfile.Data;

internal class PatientProfileDbContext(DbContextOptions options) : DbContext(options)
{
    public static readonly ModuleDatabaseName DatabaseName = ModuleDatabaseName.For("patient_profile");

    public DbSet<Patient> Patients => Set<Patient>();
    public DbSet<HealthRecord> HealthRecords => Set<HealthRecord>();
    public DbSet<PatientAccessEntry> AccessLog => Set<PatientAccessEntry>();
    public DbSet<ChangeRequest> ChangeRequests => Set<ChangeRequest>();
    public DbSet<ApprovalReminder> ApprovalReminders => Set<ApprovalReminder>();
    public DbSet<RecordVersion> RecordVersions => Set<RecordVersion>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UsePortalConventions(Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.UseModuleSchema(Database, DatabaseName.Schema);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddChangeRequests();

        modelBuilder.Entity<Patient>(patient =>
        {
            patient.ToTable("Patients");
            patient.Property(p => p.GivenName).HasMaxLength(100);
            patient.Property(p => p.FamilyName).HasMaxLength(100);
            patient.Property(p => p.PreferredName).HasMaxLength(100);
            patient.Property(p => p.Email).HasMaxLength(256);
            patient.Property(p => p.MobilePhone).HasMaxLength(20);
            patient.Property(p => p.Sex).HasConversion<string>().HasMaxLength(20);
            patient.Property(p => p.PortalStatus).HasConversion<string>().HasMaxLength(20);
            patient.Property(p => p.Version).IsConcurrencyToken();
            patient.OwnsOne(p => p.Address, address =>
            {
                address.Property(a => a.Line1).HasMaxLength(200);
                address.Property(a => a.Line2).HasMaxLength(200);
                address.Property(a => a.Suburb).HasMaxLength(100);
                address.Property(a => a.State).HasMaxLength(3);
                address.Property(a => a.Postcode).HasMaxLength(4);
                address.Property(a => a.Country).HasMaxLength(2);
            });
            patient.OwnsOne(p => p.EmergencyContact, contact =>
            {
                contact.Property(c => c.Name).HasMaxLength(200);
                contact.Property(c => c.Relationship).HasMaxLength(100);
                contact.Property(c => c.Phone).HasMaxLength(20);
            });
            // The practice's searches: by name (sorted list), by email, by date of birth, by phone — always within the group.
            patient.HasIndex(p => new { p.PracticeGroupId, p.FamilyName, p.GivenName });
            patient.HasIndex(p => new { p.PracticeGroupId, p.GivenName });
            patient.HasIndex(p => new { p.PracticeGroupId, p.Email });
            patient.HasIndex(p => new { p.PracticeGroupId, p.DateOfBirth });
            patient.HasIndex(p => new { p.PracticeGroupId, p.MobilePhone });
        });

        modelBuilder.Entity<PatientAccessEntry>(entry =>
        {
            entry.ToTable("PatientAccessLog");
            entry.Property(e => e.ActorName).HasMaxLength(200);
            entry.Property(e => e.Action).HasConversion<string>().HasMaxLength(20);
            entry.Property(e => e.Subject).HasCamelCaseConversion().HasMaxLength(50);
            entry.Property(e => e.RemoteAddress).HasMaxLength(45);
            entry.HasIndex(e => new { e.PatientId, e.At });
        });

        modelBuilder.Entity<HealthRecord>(record =>
        {
            record.ToTable("HealthRecords");
            record.HasKey(r => r.PatientId);
            record.Property(r => r.Version).IsConcurrencyToken();
            record.HasOne<Patient>().WithOne().HasForeignKey<HealthRecord>(r => r.PatientId);
        });

        modelBuilder.Entity<RecordVersion>(version =>
        {
            version.ToTable("RecordVersions");
            version.Property(v => v.Subject).HasCamelCaseConversion().HasMaxLength(50);
            version.Property(v => v.ChangedByName).HasMaxLength(200);
            version.Property(v => v.Source).HasConversion<string>().HasMaxLength(20);
            // A record's history, newest first, all parts or one.
            version.HasIndex(v => new { v.PatientId, v.At });
            version.HasIndex(v => new { v.PatientId, v.Subject, v.At });
        });

        modelBuilder.Entity<ApprovalReminder>(reminder =>
        {
            reminder.ToTable("ApprovalReminders");
            reminder.HasKey(r => r.PractitionerUserId);
        });
    }
}

internal sealed class SqlitePatientProfileDbContext(DbContextOptions<SqlitePatientProfileDbContext> options)
    : PatientProfileDbContext(options);

internal sealed class SqlServerPatientProfileDbContext(DbContextOptions<SqlServerPatientProfileDbContext> options)
    : PatientProfileDbContext(options);

internal sealed class SqlitePatientProfileDesignTimeFactory : SqliteDesignTimeFactory<SqlitePatientProfileDbContext>;

internal sealed class SqlServerPatientProfileDesignTimeFactory : SqlServerDesignTimeFactory<SqlServerPatientProfileDbContext>;
