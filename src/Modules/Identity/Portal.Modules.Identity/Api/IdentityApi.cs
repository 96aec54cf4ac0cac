using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Data;
using Portal.Modules.Identity.Domain;
using Portal.Shared.Abstractions;

namespace Portal.Modules.Identity.Api;

// UserManager and AccountCreator are resolved only by the calls that create accounts: every patient's request reads
// its linked records through this facade, and building a UserManager was a tenth of such a request's allocations.
internal sealed class IdentityApi(IdentityModuleDbContext db, IServiceProvider services, TimeProvider clock) : IIdentityApi
{
    private UserManager<PortalUser> Users => services.GetRequiredService<UserManager<PortalUser>>();

    private AccountCreator Accounts => services.GetRequiredService<AccountCreator>();

    public async Task<PracticeGroupInfo?> GetPracticeGroupAsync(Guid practiceGroupId, CancellationToken cancellationToken) =>
        await PracticeGroupQuery(db, practiceGroupId, cancellationToken);

    // The reads every patient's request makes (which records are mine, which practice) are compiled once: no
    // expression tree is built and looked up per request (docs/decisions/0012).
    private static readonly Func<IdentityModuleDbContext, Guid, CancellationToken, Task<PracticeGroupInfo?>> PracticeGroupQuery =
        EF.CompileAsyncQuery((IdentityModuleDbContext db, Guid practiceGroupId, CancellationToken _) =>
            db.PracticeGroups
                .Where(g => g.Id == practiceGroupId)
                .Select(g => new PracticeGroupInfo(g.Id, g.Name, g.TimeZone))
                .SingleOrDefault());

    private static readonly Func<IdentityModuleDbContext, Guid, IAsyncEnumerable<LinkedPatientRecord>> LinkedPatientRecordsQuery =
        EF.CompileAsyncQuery((IdentityModuleDbContext db, Guid userId) =>
            db.PatientLinks
                .Where(l => l.UserId == userId)
                .OrderBy(l => l.LinkedAt).ThenBy(l => l.PatientId)
                .Select(l => new LinkedPatientRecord(l.PatientId, l.PracticeGroupId, l.LinkedAt)));

    public async Task<IReadOnlyList<PractitionerInfo>> GetPractitionersAsync(Guid practiceGroupId, CancellationToken cancellationToken)
    {
        var adminRoleId = await RoleIdAsync(Roles.PracticeAdmin, cancellationToken);
        return await db.Users.AsNoTracking()
            .Where(u => u.PracticeGroupId == practiceGroupId && u.Kind == AccountKind.Practitioner && u.DeactivatedAt == null)
            .OrderBy(u => u.FamilyName).ThenBy(u => u.GivenName)
            .Select(u => new PractitionerInfo(
                u.Id,
                u.Email!,
                u.GivenName + " " + u.FamilyName,
                db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == adminRoleId)))
            .ToListAsync(cancellationToken);
    }

    public async Task<AccountInfo?> FindAccountByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = Users.NormalizeEmail(email);
        return await db.Users.AsNoTracking()
            .Where(u => u.NormalizedEmail == normalized)
            .Select(u => new AccountInfo(u.Id, u.Email!, u.Kind))
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<Result<Guid>> CreatePatientAccountAsync(NewPatientAccount account, CancellationToken cancellationToken)
    {
        if (await FindAccountByEmailAsync(account.Email, cancellationToken) is not null)
        {
            return EmailTaken;
        }

        var user = new PortalUser
        {
            Id = Guid.CreateVersion7(),
            UserName = account.Email,
            Email = account.Email,
            EmailConfirmed = true, // the invitation reached this address
            GivenName = account.GivenName,
            FamilyName = account.FamilyName,
            Kind = AccountKind.Patient,
            CreatedAt = clock.GetUtcNow(),
        };
        try
        {
            var created = await Accounts.CreateAsync(user, account.Password, Roles.Patient);
            if (!created.Succeeded)
            {
                return created.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName")
                    ? EmailTaken
                    : Features.PasswordErrors.From(created, "password");
            }
        }
        catch (DbUpdateException)
        {
            if (await FindAccountByEmailAsync(account.Email, cancellationToken) is null)
            {
                throw;
            }

            // Lost a race with another request creating the same email: the unique index said no.
            return EmailTaken;
        }

        return user.Id;
    }

    public async Task<Result> LinkPatientRecordAsync(Guid userId, Guid patientId, Guid practiceGroupId, CancellationToken cancellationToken)
    {
        var kind = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => (AccountKind?)u.Kind)
            .SingleOrDefaultAsync(cancellationToken);
        if (kind != AccountKind.Patient)
        {
            return Error.Conflict(IdentityErrorCodes.NotAPatientAccount, "Only a patient account can be linked to a patient record.");
        }

        var existing = await db.PatientLinks.AsNoTracking().SingleOrDefaultAsync(l => l.PatientId == patientId, cancellationToken);
        if (existing is not null)
        {
            return existing.UserId == userId
                ? Result.Success()
                : Error.Conflict("identity.patient-already-linked", "This patient record is linked to another account.");
        }

        var link = new PatientLink
        {
            UserId = userId,
            PatientId = patientId,
            PracticeGroupId = practiceGroupId,
            LinkedAt = clock.GetUtcNow(),
        };
        db.PatientLinks.Add(link);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request linked the record at the same moment: the unique index decided; answer as if we came second.
            db.Entry(link).State = EntityState.Detached;
            var winner = await db.PatientLinks.AsNoTracking().SingleOrDefaultAsync(l => l.PatientId == patientId, cancellationToken);
            if (winner is null)
            {
                throw;
            }

            return winner.UserId == userId
                ? Result.Success()
                : Error.Conflict("identity.patient-already-linked", "This patient record is linked to another account.");
        }

        return Result.Success();
    }

    public async Task<Guid?> FindAccountLinkedToPatientAsync(Guid patientId, CancellationToken cancellationToken) =>
        await db.PatientLinks.AsNoTracking()
            .Where(l => l.PatientId == patientId)
            .Select(l => (Guid?)l.UserId)
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyCollection<Guid>> FindLinkedPatientsAsync(IReadOnlyCollection<Guid> patientIds, CancellationToken cancellationToken) =>
        await db.PatientLinks.AsNoTracking()
            .Where(l => patientIds.Contains(l.PatientId))
            .Select(l => l.PatientId)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<LinkedPatientRecord>> GetLinkedPatientRecordsAsync(Guid userId, CancellationToken cancellationToken) =>
        await LinkedPatientRecordsQuery(db, userId).ToListAsync(cancellationToken);

    private static Error EmailTaken =>
        Error.Conflict(IdentityErrorCodes.EmailTaken, "An account with this email already exists. Sign in to link this practice to it.");

    private async Task<Guid> RoleIdAsync(string role, CancellationToken cancellationToken) =>
        await db.Roles.AsNoTracking().Where(r => r.Name == role).Select(r => r.Id).SingleAsync(cancellationToken);
}
