using Microsoft.EntityFrameworkCore;
using Portal.Modules.PatientProfile.ChangeRequests;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Modules.PatientProfile.Data;

namespace Portal.Modules.PatientProfile.Api;

internal sealed class PatientDirectory(PatientProfileDbContext db) : IPatientDirectory
{
    public async Task<PatientSummary?> FindAsync(Guid practiceGroupId, Guid patientId, CancellationToken cancellationToken) =>
        await db.Patients.AsNoTracking()
            .Where(p => p.Id == patientId && p.PracticeGroupId == practiceGroupId)
            .Select(p => new PatientSummary(p.Id, p.PracticeGroupId, p.GivenName, p.FamilyName, p.DateOfBirth, p.Email))
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<PatientSummary>> FindManyAsync(Guid practiceGroupId, IReadOnlyCollection<Guid> patientIds, CancellationToken cancellationToken) =>
        await db.Patients.AsNoTracking()
            .Where(p => p.PracticeGroupId == practiceGroupId && patientIds.Contains(p.Id))
            .Select(p => new PatientSummary(p.Id, p.PracticeGroupId, p.GivenName, p.FamilyName, p.DateOfBirth, p.Email))
            .ToListAsync(cancellationToken);
}
