using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Portal.Modules.Identity.Domain;
using Portal.Shared.Abstractions;
using Portal.Shared.Modules;

namespace Portal.Modules.Identity.Data;

/// <summary>
/// A new installation's first practice group and its practice admin, from configuration (<c>Bootstrap:PracticeName</c>,
/// <c>Bootstrap:AdminEmail</c>, <c>Bootstrap:AdminPassword</c>, optional <c>Bootstrap:AdminGivenName</c> /
/// <c>Bootstrap:AdminFamilyName</c>). Runs only while no practice group exists, so the settings can stay in place.
/// </summary>
internal sealed partial class FirstPracticeBootstrap(
    IdentityModuleDbContext db, AccountCreator accounts, IConfiguration configuration, TimeProvider clock, ILogger<FirstPracticeBootstrap> logger)
    : IStartupTask
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var section = configuration.GetSection("Bootstrap");
        var email = section["AdminEmail"];
        if (string.IsNullOrWhiteSpace(email) || await db.PracticeGroups.AnyAsync(cancellationToken))
        {
            return;
        }

        var practiceName = section["PracticeName"];
        var password = section["AdminPassword"];
        if (string.IsNullOrWhiteSpace(practiceName) || string.IsNullOrWhiteSpace(password))
        {
            throw new InvalidOperationException("Bootstrap:AdminEmail is set: Bootstrap:PracticeName and Bootstrap:AdminPassword are required too.");
        }

        var now = clock.GetUtcNow();
        var group = PracticeGroup.New(Guid.CreateVersion7(), practiceName, section["TimeZone"] ?? PracticeGroup.DefaultTimeZone, now);
        var admin = new PortalUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            GivenName = section["AdminGivenName"] ?? "Practice",
            FamilyName = section["AdminFamilyName"] ?? "Admin",
            Kind = AccountKind.Practitioner,
            PracticeGroupId = group.Id,
            CreatedAt = now,
        };
        admin.RequirePasswordChange();   // the password sits in the installation's configuration, known to whoever deployed it
        db.PracticeGroups.Add(group);

        // One SaveChanges (inside CreateAsync) stores the group, the admin and the roles together.
        var created = await accounts.CreateAsync(admin, password, Roles.Practitioner, Roles.PracticeAdmin);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(
                "The bootstrap practice admin could not be created: " + string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        LogCreated(practiceName, email);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "First run: created practice group {PracticeName} with practice admin {Email}")]
    private partial void LogCreated(string practiceName, string email);
}
