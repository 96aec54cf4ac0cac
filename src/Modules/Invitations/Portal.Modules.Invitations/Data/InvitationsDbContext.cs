using Microsoft.EntityFrameworkCore;
using Portal.Modules.Invitations.Domain;
using Portal.Shared.Messaging;
using Portal.Shared.Persistence;

namespace Portal.Modules.Invitations.Data;

internal class InvitationsDbContext(DbContextOptions options) : DbContext(options)
{
    public static readonly ModuleDatabaseName DatabaseName = ModuleDatabaseName.For("invitations");

    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<SupersededInvitationToken> SupersededTokens => Set<SupersededInvitationToken>();
    public DbSet<BulkInvitation> BulkInvitations => Set<BulkInvitation>();
    public DbSet<BulkInvitationItem> BulkInvitationItems => Set<BulkInvitationItem>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UsePortalConventions(Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.UseModuleSchema(Database, DatabaseName.Schema);
        modelBuilder.AddOutboxAndInbox();

        modelBuilder.Entity<Invitation>(invitation =>
        {
            invitation.ToTable("Invitations");
            invitation.Property(i => i.Email).HasMaxLength(256);
            invitation.Property(i => i.PatientGivenName).HasMaxLength(100);
            invitation.Property(i => i.PatientFamilyName).HasMaxLength(100);
            invitation.Property(i => i.Message).HasMaxLength(1000);
            invitation.Property(i => i.InvitedByName).HasMaxLength(200);
            invitation.Property(i => i.TokenHash).HasMaxLength(64);
            invitation.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
            invitation.HasIndex(i => i.TokenHash).IsUnique();
            // A resend (new token) and a revoke (new status) racing on one invitation: one wins, the other is a 409.
            invitation.Property(i => i.TokenHash).IsConcurrencyToken();
            invitation.Property(i => i.Status).IsConcurrencyToken();
            invitation.HasIndex(i => new { i.PracticeGroupId, i.Status, i.CreatedAt });
            invitation.HasIndex(i => new { i.Status, i.ExpiresAt });
            // At most one pending invitation per patient record, enforced by the database (two practitioners
            // inviting at once get one invitation and one 409).
            invitation.HasIndex(i => i.PatientId)
                .IsUnique()
                .HasFilter(Database.IsSqlServer() ? "[Status] = 'Pending'" : "\"Status\" = 'Pending'")
                .HasDatabaseName("IX_Invitations_PatientId_Pending");
        });

        modelBuilder.Entity<BulkInvitation>(bulk =>
        {
            bulk.ToTable("BulkInvitations");
            bulk.Property(b => b.RequestedByName).HasMaxLength(200);
            bulk.HasIndex(b => b.PracticeGroupId);
        });

        modelBuilder.Entity<BulkInvitationItem>(item =>
        {
            item.ToTable("BulkInvitationItems");
            item.HasKey(i => new { i.BulkInvitationId, i.PatientId });
            item.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
            item.Property(i => i.FailureCode).HasMaxLength(60);
            item.HasIndex(i => new { i.Status, i.BulkInvitationId });
            item.HasOne<BulkInvitation>().WithMany().HasForeignKey(i => i.BulkInvitationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<SupersededInvitationToken>(token =>
        {
            token.ToTable("SupersededInvitationTokens");
            token.HasKey(t => t.TokenHash);
            token.Property(t => t.TokenHash).HasMaxLength(64);
        });
    }
}

internal sealed class SqliteInvitationsDbContext(DbContextOptions<SqliteInvitationsDbContext> options) : InvitationsDbContext(options);

internal sealed class SqlServerInvitationsDbContext(DbContextOptions<SqlServerInvitationsDbContext> options) : InvitationsDbContext(options);

internal sealed class SqliteInvitationsDesignTimeFactory : SqliteDesignTimeFactory<SqliteInvitationsDbContext>;

internal sealed class SqlServerInvitationsDesignTimeFactory : SqlServerDesignTimeFactory<SqlServerInvitationsDbContext>;
