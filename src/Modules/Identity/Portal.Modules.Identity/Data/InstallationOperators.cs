using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Domain;
using Portal.Shared.Abstractions;
using Portal.Shared.Modules;

namespace Portal.Modules.Identity.Data;

/// <summary>
/// The installation's operators (role <c>operator</c>: the jobs dashboard) are exactly the staff accounts listed in
/// <c>Operators:Emails</c> (comma-separated), made so at every start-up: a listed account gains the role, an account
/// no longer listed loses it. Only the installation's configuration grants it, so no practice admin can give it to
/// themselves, and without the setting nobody holds it.
/// </summary>
internal sealed partial class InstallationOperators(
    IdentityModuleDbContext db, UserManager<PortalUser> users, IConfiguration configuration, ILogger<InstallationOperators> logger)
    : IStartupTask
{
    public const string Setting = "Operators:Emails";

    private static readonly Guid RoleId = PortalRoles.All.Single(r => r.Name == Roles.Operator).Id;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var emails = (configuration[Setting] ?? string.Empty)
            .Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .DistinctBy(email => users.NormalizeEmail(email)!, StringComparer.Ordinal)
            .ToDictionary(email => users.NormalizeEmail(email)!, StringComparer.Ordinal);

        var normalized = emails.Keys.ToList();
        var listed = await db.Users.Where(u => normalized.Contains(u.NormalizedEmail!)).ToListAsync(cancellationToken);
        if (listed.FirstOrDefault(u => u.Kind != AccountKind.Practitioner) is { } patient)
        {
            throw new InvalidOperationException(
                $"{Setting} lists {patient.Email}, a patient account: only staff accounts can be installation operators.");
        }

        foreach (var missing in normalized.Except(listed.Select(u => u.NormalizedEmail!), StringComparer.Ordinal))
        {
            LogUnknown(Setting, emails[missing]);
        }

        var current = await db.UserRoles.Where(r => r.RoleId == RoleId).ToListAsync(cancellationToken);
        foreach (var revoked in current.Where(r => listed.All(u => u.Id != r.UserId)))
        {
            db.UserRoles.Remove(revoked);
            LogRevoked(revoked.UserId, Setting);
        }

        foreach (var granted in listed.Where(u => current.All(r => r.UserId != u.Id)))
        {
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = granted.Id, RoleId = RoleId });
            LogGranted(granted.Email!, Setting);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Email} is now an installation operator ({Setting})")]
    private partial void LogGranted(string email, string setting);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account {UserId} is no longer an installation operator (not in {Setting})")]
    private partial void LogRevoked(Guid userId, string setting);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Setting} lists {Email}, which has no account yet: it becomes an operator at the first start-up after the account exists")]
    private partial void LogUnknown(string setting, string email);
}
