using Microsoft.EntityFrameworkCore;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Invitations.Contracts;
using Portal.Modules.Invitations.Data;
using Portal.Modules.Invitations.Domain;
using Portal.Modules.PatientProfile.Contracts;

namespace Portal.Modules.Invitations.Features.Shared;

/// <summary>
/// Which of many patients can be invited now, and why the others cannot: three queries whatever the number of
/// patients (no query per patient).
/// </summary>
internal sealed class InvitationEligibility(InvitationsDbContext db, IPatientDirectory directory, IIdentityApi identity, TimeProvider clock)
{
    public sealed record Verdict(Guid PatientId, PatientSummary? Patient, string? RefusalCode);

    public async Task<IReadOnlyList<Verdict>> CheckAsync(Guid practiceGroupId, IReadOnlyList<Guid> patientIds, CancellationToken cancellationToken)
    {
        var distinct = patientIds.Distinct().ToList();
        var now = clock.GetUtcNow();
        var patients = (await directory.FindManyAsync(practiceGroupId, distinct, cancellationToken)).ToDictionary(p => p.PatientId);
        var linked = (await identity.FindLinkedPatientsAsync(distinct, cancellationToken)).ToHashSet();
        var pending = (await db.Invitations.AsNoTracking()
            .Where(i => i.Status == InvitationStatus.Pending && i.ExpiresAt > now && distinct.Contains(i.PatientId))
            .Select(i => i.PatientId)
            .ToListAsync(cancellationToken)).ToHashSet();

        var seen = new HashSet<Guid>();
        return patientIds.Select(id =>
        {
            if (!seen.Add(id))
            {
                return new Verdict(id, null, "invitations.duplicate");
            }

            if (!patients.TryGetValue(id, out var patient))
            {
                return new Verdict(id, null, PatientRecordErrors.NotFound.Code);
            }

            var refusal = linked.Contains(id) ? InvitationErrors.AlreadyLinked.Code
                : pending.Contains(id) ? InvitationErrors.PendingExists.Code
                : string.IsNullOrWhiteSpace(patient.Email) ? InvitationErrors.EmailRequired.Code
                : null;
            return new Verdict(id, patient, refusal);
        }).ToList();
    }
}
