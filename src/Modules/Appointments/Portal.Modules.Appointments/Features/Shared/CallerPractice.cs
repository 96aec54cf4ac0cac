using Portal.Modules.PatientProfile.Contracts;
using Portal.Shared.Abstractions;

namespace Portal.Modules.Appointments.Features.Shared;

/// <summary>
/// Whose practice group a request reads: a practitioner's own, or for a patient the group of the record they act for
/// (chosen by PatientProfile's portal rule, <see cref="IPortalPatients"/>).
/// </summary>
internal sealed class CallerPractice(ICurrentUser currentUser, IPortalPatients portalPatients)
{
    /// <param name="patientRecord">Null for a practice route; for a portal route, the <c>?patientId=</c> asked for (null or empty: the caller's only record).</param>
    public async Task<Result<Guid>> PracticeGroupAsync(Guid? patientRecord, CancellationToken cancellationToken)
    {
        if (patientRecord is null)
        {
            return currentUser.StaffPracticeGroupId;
        }

        var selected = await portalPatients.SelectAsync(patientRecord == Guid.Empty ? null : patientRecord, cancellationToken);
        return selected.IsSuccess ? selected.Value.PracticeGroupId : selected.Error!;
    }
}
