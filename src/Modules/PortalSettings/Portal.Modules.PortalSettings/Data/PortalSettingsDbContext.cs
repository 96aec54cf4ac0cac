using Microsoft.EntityFrameworkCore;
using Portal.Modules.PortalSettings.Contracts;
using Portal.Modules.PortalSettings.Domain;
using Portal.Shared.Messaging;
using Portal.Shared.Persistence;

namespace Portal.Modules.PortalSettings.Data;

internal class PortalSettingsDbContext(DbContextOptions options) : DbContext(options)
{
    public static readonly ModuleDatabaseName DatabaseName = ModuleDatabaseName.For("portal_settings");

    public DbSet<PracticePortalSettings> Settings => Set<PracticePortalSettings>();
    public DbSet<PortalSettingsChange> Changes => Set<PortalSettingsChange>();

    /// <summary>A field list as one text column (its canonical, comma-separated form).</summary>
    private static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<FieldList, string> FieldListColumn =
        new(fields => fields.Canonical, canonical => FieldList.Parse(canonical));

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UsePortalConventions(Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.UseModuleSchema(Database, DatabaseName.Schema);
        modelBuilder.AddOutboxAndInbox();

        modelBuilder.Entity<PracticePortalSettings>(settings =>
        {
            settings.ToTable("PracticePortalSettings");
            settings.HasKey(s => s.PracticeGroupId);
            settings.Property(s => s.PatientUpdates).HasConversion<string>().HasMaxLength(20);
            settings.Property(s => s.Version).IsConcurrencyToken();
            settings.Property(s => s.UpdatedByName).HasMaxLength(200);
            settings.Property(s => s.AlwaysApproveFields).HasConversion(FieldListColumn).HasMaxLength(1000).HasDefaultValue(FieldList.DefaultAlwaysApprove);
        });

        modelBuilder.Entity<PortalSettingsChange>(change =>
        {
            change.ToTable("PortalSettingsChanges");
            change.Property(c => c.ChangedByName).HasMaxLength(200);
            change.HasIndex(c => new { c.PracticeGroupId, c.ChangedAt });
            // Before and after are kept as columns of their own, readable in the database without JSON.
            change.ComplexProperty(c => c.Before, before =>
            {
                before.Property(s => s.PatientUpdates).HasConversion<string>().HasMaxLength(20);
                before.Property(s => s.AlwaysApproveFields).HasConversion(FieldListColumn).HasMaxLength(1000).HasDefaultValue(FieldList.DefaultAlwaysApprove);
            });
            change.ComplexProperty(c => c.After, after =>
            {
                after.Property(s => s.PatientUpdates).HasConversion<string>().HasMaxLength(20);
                after.Property(s => s.AlwaysApproveFields).HasConversion(FieldListColumn).HasMaxLength(1000).HasDefaultValue(FieldList.DefaultAlwaysApprove);
            });
        });
    }
}

internal sealed class SqlitePortalSettingsDbContext(DbContextOptions<SqlitePortalSettingsDbContext> options)
    : PortalSettingsDbContext(options);

internal sealed class SqlServerPortalSettingsDbContext(DbContextOptions<SqlServerPortalSettingsDbContext> options)
    : PortalSettingsDbContext(options);

internal sealed class SqlitePortalSettingsDesignTimeFactory : SqliteDesignTimeFactory<SqlitePortalSettingsDbContext>;

internal sealed class SqlServerPortalSettingsDesignTimeFactory : SqlServerDesignTimeFactory<SqlServerPortalSettingsDbContext>;
