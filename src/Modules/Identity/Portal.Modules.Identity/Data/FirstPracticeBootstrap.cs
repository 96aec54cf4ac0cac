using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Portal.Modules.Identity.Domain;
using Portal.Shared.Modules;

namespace Portal.Modules.Identity.Data;

/// <summary>
/// A new installation's first practice group and its practice admin, from configuration (<c>Bootstrap:PracticeName</c>,
/// <c>Bootstrap:AdminEmail</c>, <c>Bootstrap:AdminPassword</c>, optional <c>Bootstrap:AdminGivenName</c> /
/// <c>Bootstrap:AdminFamilyName</c>). Runs only while no practice group exists, so the settings can stay in place.
/// </summary>
internal sealed partial class FirstPracticeBootstrap(
    IdentityModuleDbContext db, PracticeFounding founding, IConfiguration configuration, ILogger<FirstPracticeBootstrap> logger)
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

        // The password sits in the installation's configuration, known to whoever deployed it: the owner must choose their own.
        var founder = new FoundingAdmin(email, password, section["AdminGivenName"] ?? "Practice", section["AdminFamilyName"] ?? "Admin", MustChangePassword: true);
        var founded = await founding.FoundAsync(practiceName, section["TimeZone"] ?? PracticeGroup.DefaultTimeZone, founder);
        if (!founded.Outcome.Succeeded)
        {
            throw new InvalidOperationException(
                "The bootstrap practice admin could not be created: " + string.Join("; ", founded.Outcome.Errors.Select(e => e.Description)));
        }

        LogCreated(practiceName, email);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "First run: created practice group {PracticeName} with practice admin {Email}")]
    private partial void LogCreated(string practiceName, string email);
}
