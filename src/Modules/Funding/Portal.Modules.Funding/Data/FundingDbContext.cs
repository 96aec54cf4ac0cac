using Microsoft.EntityFrameworkCore;
using Portal.Modules.Funding.Domain;
using Portal.Shared.Messaging;
using Portal.Shared.Persistence;

namespace Portal.Modules.Funding.Data;

internal class FundingDbContext(DbContextOptions options) : DbContext(options)
{
    public static readonly ModuleDatabaseName DatabaseName = ModuleDatabaseName.For("funding");

    public DbSet<FundingRecord> FundingRecords => Set<FundingRecord>();

    /// <summary>A patient's funding record, read only, if the patient is of <paramref name="practiceGroupId"/>; null when nothing is kept yet.</summary>
    public Task<FundingRecord?> FundingRecordOfAsync(Guid practiceGroupId, Guid patientId, CancellationToken cancellationToken) =>
        FundingRecords.AsNoTracking().SingleOrDefaultAsync(r => r.PatientId == patientId && r.PracticeGroupId == practiceGroupId, cancellationToken);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UsePortalConventions(Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.UseModuleSchema(Database, DatabaseName.Schema);
        modelBuilder.AddOutboxAndInbox();

        modelBuilder.Entity<FundingRecord>(record =>
        {
            record.ToTable("FundingRecords");
            record.HasKey(r => r.PatientId);
            record.Property(r => r.PatientId).ValueGeneratedNever();
            record.Property(r => r.Version).IsConcurrencyToken();
            record.Property(r => r.Content).HasMaxLength(4000);
            record.Ignore(r => r.Details);
            record.HasIndex(r => r.PracticeGroupId);

            // The expiry job's search: cards whose valid-to month is near or past.
            record.HasIndex(r => r.MedicareValidTo);
        });
    }
}

internal sealed class SqliteFundingDbContext(DbContextOptions<SqliteFundingDbContext> options) : FundingDbContext(options);

internal sealed class SqlServerFundingDbContext(DbContextOptions<SqlServerFundingDbContext> options) : FundingDbContext(options);

internal sealed class SqliteFundingDesignTimeFactory : SqliteDesignTimeFactory<SqliteFundingDbContext>;

internal sealed class SqlServerFundingDesignTimeFactory : SqlServerDesignTimeFactory<SqlServerFundingDbContext>;
