using Microsoft.EntityFrameworkCore;
using Portal.Modules.PortalSettings.Domain;
using Portal.Shared.Messaging;
using Portal.Shared.Persistence;

namespace Portal.Modules.PortalSettings.Data;

internal class PortalSettingsDbContext(DbContextOptions options) : DbContext(options)
{
    public static readonly ModuleDatabaseName DatabaseName = ModuleDatabaseName.For("portal_settings");

    public DbSet<PracticePortalSettings> Settings => Set<PracticePortalSettings>();
    public DbSet<PortalSettingsChange> Changes => Set<PortalSettingsChange>();

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
        });

        modelBuilder.Entity<PortalSettingsChange>(change =>
        {
            change.ToTable("PortalSettingsChanges");
            change.Property(c => c.ChangedByName).HasMaxLength(200);
            change.HasIndex(c => new { c.PracticeGroupId, c.ChangedAt });
            // Before and after are kept as columns of their own, readable in the database without JSON.
            change.ComplexProperty(c => c.Before, before =>
                before.Property(s => s.PatientUpdates).HasConversion<string>().HasMaxLength(20));
            change.ComplexProperty(c => c.After, after =>
                after.Property(s => s.PatientUpdates).HasConversion<string>().HasMaxLength(20));
        });
    }
}

internal sealed class SqlitePortalSettingsDbContext(DbContextOptions<SqlitePortalSettingsDbContext> options)
    : PortalSettingsDbContext(options);

internal sealed class SqlServerPortalSettingsDbContext(DbContextOptions<SqlServerPortalSettingsDbContext> options)
    : PortalSettingsDbContext(options);

internal sealed class SqlitePortalSettingsDesignTimeFactory : SqliteDesignTimeFactory<SqlitePortalSettingsDbContext>;

internal sealed class SqlServerPortalSettingsDesignTimeFactory : SqlServerDesignTimeFactory<SqlServerPortalSettingsDbContext>;
