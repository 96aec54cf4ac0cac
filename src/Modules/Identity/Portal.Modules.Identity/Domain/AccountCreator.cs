using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.Identity.Data;

namespace Portal.Modules.Identity.Domain;

/// <summary>
/// Creates an account with its roles in one SaveChanges (the role rows are added before Identity's CreateAsync
/// saves), so no account ever exists without its roles. On failure nothing stays tracked.
/// </summary>
internal sealed class AccountCreator(IdentityModuleDbContext db, UserManager<PortalUser> users)
{
    public async Task<IdentityResult> CreateAsync(PortalUser user, string password, params string[] roles)
    {
        foreach (var role in roles)
        {
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = PortalRoles.All.Single(r => r.Name == role).Id });
        }

        try
        {
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                Detach(user);
            }

            return created;
        }
        catch (DbUpdateException)
        {
            Detach(user);
            throw;
        }
    }

    private void Detach(PortalUser user)
    {
        db.Entry(user).State = EntityState.Detached;
        foreach (var entry in db.ChangeTracker.Entries<IdentityUserRole<Guid>>().Where(e => e.Entity.UserId == user.Id).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }
}
