using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.Identity.Domain;
using Portal.Shared.Http;
using Portal.Shared.Messaging;
using Portal.Shared.Persistence;

namespace Portal.Modules.Identity.Data;

/// <summary>
/// Accounts, practice groups, sessions, patient links, and the data-protection key ring (kept in the
/// database so access tokens survive restarts and work on every Host instance).
/// </summary>
internal class IdentityModuleDbContext(DbContextOptions options)
    : IdentityDbContext<PortalUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public static readonly ModuleDatabaseName DatabaseName = ModuleDatabaseName.For("identity");

    public DbSet<PracticeGroup> PracticeGroups => Set<PracticeGroup>();
    public DbSet<UserSession> Sessions => Set<UserSession>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<PatientLink> PatientLinks => Set<PatientLink>();
    public DbSet<StaffInvitation> StaffInvitations => Set<StaffInvitation>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<SignInThrottle> SignInThrottles => Set<SignInThrottle>();
    public DbSet<AuthenticatorStep> AuthenticatorSteps => Set<AuthenticatorStep>();
    public DbSet<SecurityLogEntry> SecurityLog => Set<SecurityLogEntry>();
    public DbSet<PasswordResetToken> PasswordResetTokens => Set<PasswordResetToken>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UsePortalConventions(Database);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseModuleSchema(Database, DatabaseName.Schema);
        builder.AddOutboxAndInbox();
        builder.ApplyConfiguration(new PasswordResetTokenConfiguration());

        builder.Entity<PortalUser>(user =>
        {
            user.Property(u => u.Kind).HasConversion<string>().HasMaxLength(20);
            user.Property(u => u.GivenName).HasMaxLength(100);
            user.Property(u => u.FamilyName).HasMaxLength(100);
            user.HasIndex(u => u.PracticeGroupId);
            // Identity's own email index is not unique; one account per email is enforced by the database too.
            user.HasIndex(u => u.NormalizedEmail).HasDatabaseName("EmailIndex").IsUnique();
        });

        // The API's roles (Roles, docs/api-conventions.md) exist in every database, not only in demo data.
        builder.Entity<IdentityRole<Guid>>().HasData(PortalRoles.All.Select(r => new IdentityRole<Guid>
        {
            Id = r.Id,
            Name = r.Name,
            NormalizedName = r.Name.ToUpperInvariant(),
            ConcurrencyStamp = r.Id.ToString(),
        }));

        builder.Entity<PracticeGroup>(group =>
        {
            group.ToTable("PracticeGroups");
            group.Property(g => g.Name).HasMaxLength(200);
            group.Property(g => g.TimeZone).HasMaxLength(64);
        });

        builder.Entity<UserSession>(session =>
        {
            session.ToTable("Sessions");
            session.Property(s => s.UserAgent).HasMaxLength(256);
            session.Property(s => s.RevokedReason).HasMaxLength(40);
            session.HasIndex(s => s.UserId);
        });

        builder.Entity<RefreshToken>(token =>
        {
            token.ToTable("RefreshTokens");
            token.Property(t => t.TokenHash).HasMaxLength(64);
            token.HasIndex(t => t.TokenHash).IsUnique();
            token.HasIndex(t => t.SessionId);
            token.HasOne<UserSession>().WithMany().HasForeignKey(t => t.SessionId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<PatientLink>(link =>
        {
            link.ToTable("PatientLinks");
            link.HasKey(l => new { l.UserId, l.PatientId });
            link.HasIndex(l => l.PatientId).IsUnique();
        });

        builder.Entity<SignInThrottle>(throttle =>
        {
            throttle.ToTable("SignInThrottles");
            throttle.HasKey(t => new { t.NormalizedEmail, t.ClientAddress });
            throttle.Property(t => t.NormalizedEmail).HasMaxLength(SignInThrottle.MaxEmailLength);
            throttle.Property(t => t.ClientAddress).HasMaxLength(RemoteAddress.MaxLength);
            throttle.HasIndex(t => t.LastFailureAt);   // forgetting old pairs
        });

        builder.Entity<AuthenticatorStep>(step =>
        {
            step.ToTable("AuthenticatorSteps");
            step.HasKey(s => s.UserId);
        });

        builder.Entity<SecurityLogEntry>(entry =>
        {
            entry.ToTable("SecurityLog");
            entry.Property(e => e.Kind).HasCamelCaseConversion().HasMaxLength(SecurityLogEntry.MaxKindLength);
            entry.Property(e => e.Email).HasMaxLength(SecurityLogEntry.MaxEmailLength);
            entry.Property(e => e.RemoteAddress).HasMaxLength(RemoteAddress.MaxLength);
            entry.Property(e => e.Detail).HasMaxLength(SecurityLogEntry.MaxDetailLength);
            // An account's own log and a practice's log, each newest first.
            entry.HasIndex(e => new { e.AccountId, e.OccurredAt });
            entry.HasIndex(e => new { e.PracticeGroupId, e.OccurredAt });
        });

        builder.Entity<StaffInvitation>(invitation =>
        {
            invitation.ToTable("StaffInvitations");
            invitation.Property(i => i.Email).HasMaxLength(256);
            invitation.Property(i => i.GivenName).HasMaxLength(100);
            invitation.Property(i => i.FamilyName).HasMaxLength(100);
            invitation.Property(i => i.InvitedByName).HasMaxLength(200);
            invitation.Property(i => i.TokenHash).HasMaxLength(64);
            invitation.HasIndex(i => i.TokenHash).IsUnique();
            invitation.HasIndex(i => new { i.PracticeGroupId, i.CreatedAt });
            // Accepting twice at once, or accepting while it is revoked: one wins, the other's save fails.
            invitation.Property(i => i.AcceptedAt).IsConcurrencyToken();
            invitation.Property(i => i.RevokedAt).IsConcurrencyToken();
        });
    }
}

/// <summary>Carries the SQLite migrations.</summary>
internal sealed class SqliteIdentityModuleDbContext(DbContextOptions<SqliteIdentityModuleDbContext> options)
    : IdentityModuleDbContext(options);

/// <summary>Carries the SQL Server migrations.</summary>
internal sealed class SqlServerIdentityModuleDbContext(DbContextOptions<SqlServerIdentityModuleDbContext> options)
    : IdentityModuleDbContext(options);
