using Microsoft.EntityFrameworkCore;
using Portal.Modules.NoteSharing.Domain;
using Portal.Shared.Messaging;
using Portal.Shared.Persistence;

namespace Portal.Modules.NoteSharing.Data;

internal class NoteSharingDbContext(DbContextOptions options) : DbContext(options)
{
    public static readonly ModuleDatabaseName DatabaseName = ModuleDatabaseName.For("note_sharing");

    public DbSet<ClinicalNote> Notes => Set<ClinicalNote>();
    public DbSet<NoteAccessEntry> AccessLog => Set<NoteAccessEntry>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UsePortalConventions(Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.UseModuleSchema(Database, DatabaseName.Schema);
        modelBuilder.AddOutboxAndInbox();

        modelBuilder.Entity<ClinicalNote>(note =>
        {
            note.ToTable("ClinicalNotes");
            note.Property(n => n.AuthorName).HasMaxLength(200);
            note.Property(n => n.Visibility).HasConversion<string>().HasMaxLength(20);
            note.Property(n => n.Body).HasMaxLength(ClinicalNote.MaxBodyLength);
            note.Ignore(n => n.IsOriginal);
            // A patient's notes page by page (originals, newest first), and a note's revisions in order. The unique
            // revision number also stops two amendments written at once from both becoming "revision 2".
            note.HasIndex(n => new { n.PatientId, n.Revision, n.CreatedAt });
            note.HasIndex(n => new { n.RootNoteId, n.Revision }).IsUnique();
        });

        modelBuilder.Entity<NoteAccessEntry>(entry =>
        {
            entry.ToTable("NoteAccessLog");
            entry.Property(e => e.ReaderName).HasMaxLength(200);
            entry.Property(e => e.RemoteAddress).HasMaxLength(45);
            entry.HasIndex(e => new { e.NoteId, e.At });
        });
    }
}

internal sealed class SqliteNoteSharingDbContext(DbContextOptions<SqliteNoteSharingDbContext> options) : NoteSharingDbContext(options);

internal sealed class SqlServerNoteSharingDbContext(DbContextOptions<SqlServerNoteSharingDbContext> options) : NoteSharingDbContext(options);

internal sealed class SqliteNoteSharingDesignTimeFactory : SqliteDesignTimeFactory<SqliteNoteSharingDbContext>;

internal sealed class SqlServerNoteSharingDesignTimeFactory : SqlServerDesignTimeFactory<SqlServerNoteSharingDbContext>;
