using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Modules.Notifications.Domain;
using Portal.Shared.Messaging;
using Portal.Shared.Persistence;

namespace Portal.Modules.Notifications.Data;

internal class NotificationsDbContext(DbContextOptions options) : DbContext(options)
{
    public static readonly ModuleDatabaseName DatabaseName = ModuleDatabaseName.For("notifications");

    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<OutgoingEmail> Emails => Set<OutgoingEmail>();
    public DbSet<DevelopmentMailboxEntry> DevelopmentMailbox => Set<DevelopmentMailboxEntry>();
    public DbSet<ClosedChangeRequest> ClosedChangeRequests => Set<ClosedChangeRequest>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UsePortalConventions(Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.UseModuleSchema(Database, DatabaseName.Schema);
        modelBuilder.AddOutboxAndInbox();

        modelBuilder.Entity<Notification>(notification =>
        {
            notification.ToTable("Notifications");
            notification.Property(n => n.Kind).HasCamelCaseConversion().HasMaxLength(40);
            notification.Property(n => n.Summary).HasMaxLength(500);
            notification.Property(n => n.ReadAt).IsConcurrencyToken();
            notification.HasIndex(n => new { n.RecipientUserId, n.CreatedAt });
            notification.HasIndex(n => new { n.RecipientUserId, n.ReadAt });
            notification.Property(n => n.RecordPart).HasCamelCaseConversion().HasMaxLength(20);
            notification.HasIndex(n => new { n.PatientId, n.RecordPart });   // a patient's newer request updates the notifications about their waiting change
        });

        modelBuilder.Entity<ClosedChangeRequest>(closed =>
        {
            closed.ToTable("ClosedChangeRequests");
            closed.HasKey(c => c.ChangeRequestId);
            closed.Property(c => c.ChangeRequestId).ValueGeneratedNever();
        });

        modelBuilder.Entity<OutgoingEmail>(email =>
        {
            email.ToTable("OutgoingEmails");
            email.Property(e => e.To).HasMaxLength(256);
            email.Property(e => e.Subject).HasMaxLength(300);
            email.Property(e => e.MessageId).HasMaxLength(100);
            email.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
            email.Property(e => e.LastError).HasMaxLength(2000);
            email.HasIndex(e => new { e.Status, e.NextAttemptAt });
            email.OwnsMany(e => e.Attachments, file => MapFile(file, "OutgoingEmailAttachments", "EmailId"));
        });

        modelBuilder.Entity<DevelopmentMailboxEntry>(entry =>
        {
            entry.ToTable("DevelopmentMailbox");
            entry.Property(e => e.To).HasMaxLength(256);
            entry.Property(e => e.Subject).HasMaxLength(300);
            entry.Property(e => e.MessageId).HasMaxLength(100);
            entry.HasIndex(e => e.MessageId).IsUnique();
            entry.HasIndex(e => new { e.To, e.SentAt });
            entry.HasIndex(e => e.SentAt);
            entry.OwnsMany(e => e.Attachments, file => MapFile(file, "DevelopmentMailboxAttachments", "EntryId"));
        });
    }

    private static void MapFile<TOwner>(OwnedNavigationBuilder<TOwner, EmailFile> file, string table, string ownerKey)
        where TOwner : class
    {
        file.ToTable(table);
        file.WithOwner().HasForeignKey(ownerKey);
        file.HasKey(f => f.Id);
        file.Property(f => f.Id).ValueGeneratedNever();
        file.Property(f => f.FileName).HasMaxLength(200);
        file.Property(f => f.ContentType).HasMaxLength(200);
    }
}

internal sealed class SqliteNotificationsDbContext(DbContextOptions<SqliteNotificationsDbContext> options)
    : NotificationsDbContext(options);

internal sealed class SqlServerNotificationsDbContext(DbContextOptions<SqlServerNotificationsDbContext> options)
    : NotificationsDbContext(options);

internal sealed class SqliteNotificationsDesignTimeFactory : SqliteDesignTimeFactory<SqliteNotificationsDbContext>;

internal sealed class SqlServerNotificationsDesignTimeFactory : SqlServerDesignTimeFactory<SqlServerNotificationsDbContext>;
