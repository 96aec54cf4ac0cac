using Microsoft.EntityFrameworkCore;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Domain;
using Portal.Shared.Abstractions;
using Portal.Shared.Modules;

namespace Portal.Modules.Identity.Data;

/// <summary>The practice groups and practitioners of the documented demo data (Development, empty database only).</summary>
internal sealed class IdentityDemoDataSeeder(IdentityModuleDbContext db, AccountCreator accounts, TimeProvider clock)
    : IDemoDataSeeder
{
    public int Order => 0;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.PracticeGroups.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        db.PracticeGroups.AddRange(
            PracticeGroup.New(DemoData.HarbourHealthId, "Harbour Health", PracticeGroup.DefaultTimeZone, now),
            PracticeGroup.New(DemoData.SummitPhysioId, "Summit Physio", PracticeGroup.DefaultTimeZone, now));
        await db.SaveChangesAsync(cancellationToken);

        await AddPractitioner(DemoData.HarbourAdminId, DemoData.HarbourAdminEmail, "Alex", "Morgan", DemoData.HarbourHealthId, admin: true);
        await AddPractitioner(DemoData.DrLeeId, DemoData.DrLeeEmail, "Sam", "Lee", DemoData.HarbourHealthId, admin: false);
        await AddPractitioner(DemoData.SummitAdminId, DemoData.SummitAdminEmail, "Jordan", "Blake", DemoData.SummitPhysioId, admin: true);
    }

    private async Task AddPractitioner(Guid id, string email, string givenName, string familyName, Guid groupId, bool admin)
    {
        var user = new PortalUser
        {
            Id = id,
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            GivenName = givenName,
            FamilyName = familyName,
            Kind = AccountKind.Practitioner,
            PracticeGroupId = groupId,
            CreatedAt = clock.GetUtcNow(),
        };
        var roles = admin ? new[] { Roles.Practitioner, Roles.PracticeAdmin } : [Roles.Practitioner];
        var created = await accounts.CreateAsync(user, DemoData.Password, roles);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(
                $"Demo practitioner {email} could not be created: {string.Join("; ", created.Errors.Select(e => e.Code))}");
        }
    }
}
