using Microsoft.AspNetCore.Identity;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Data;
using Portal.Shared.Abstractions;

namespace Portal.Modules.Identity.Domain;

/// <summary>The first practice admin of a practice group being founded.</summary>
internal sealed record FoundingAdmin(string Email, string Password, string GivenName, string FamilyName, bool MustChangePassword);

/// <summary>What founding answered: the new group's and admin's ids, stored only when <paramref name="Outcome"/> succeeded.</summary>
internal sealed record FoundedPractice(Guid PracticeGroupId, Guid AdminId, IdentityResult Outcome);

/// <summary>
/// Founds a practice group together with its first practice admin, stored in one save: a group never exists without
/// someone who can run it. The installation's first practice (<see cref="Data.FirstPracticeBootstrap"/>) is founded
/// this way, and so is each practice a test makes for itself.
/// </summary>
internal sealed class PracticeFounding(IdentityModuleDbContext db, AccountCreator accounts, TimeProvider clock)
{
    /// <summary>Stores nothing when the admin's account is refused (e.g. a password the rules reject); the outcome says why.</summary>
    public async Task<FoundedPractice> FoundAsync(
        string practiceName, string timeZone, FoundingAdmin founder)
    {
        var now = clock.GetUtcNow();
        var group = PracticeGroup.New(Guid.CreateVersion7(), practiceName, timeZone, now);
        var admin = new PortalUser
        {
            Id = Guid.CreateVersion7(),
            UserName = founder.Email,
            Email = founder.Email,
            EmailConfirmed = true,
            GivenName = founder.GivenName,
            FamilyName = founder.FamilyName,
            Kind = AccountKind.Practitioner,
            PracticeGroupId = group.Id,
            CreatedAt = now,
        };
        if (founder.MustChangePassword)
        {
            admin.RequirePasswordChange();
        }

        db.PracticeGroups.Add(group);

        // One SaveChanges (inside CreateAsync) stores the group, the admin and the roles together.
        var created = await accounts.CreateAsync(admin, founder.Password, Roles.Practitioner, Roles.PracticeAdmin);
        if (!created.Succeeded)
        {
            db.Entry(group).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
        }

        return new FoundedPractice(group.Id, admin.Id, created);
    }
}
