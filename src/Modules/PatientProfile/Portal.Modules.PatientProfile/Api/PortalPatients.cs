using Portal.Modules.PatientProfile.Contracts;
using Portal.Modules.PatientProfile.Features.Shared;
using Portal.Shared.Abstractions;

namespace Portal.Modules.PatientProfile.Api;

internal sealed class PortalPatients(PortalPatientSelector selector) : IPortalPatients
{
    public async Task<Result<PortalPatient>> SelectAsync(Guid? patientId, CancellationToken cancellationToken)
    {
        var selected = await selector.SelectAsync(patientId, cancellationToken);
        return selected.IsSuccess ? new PortalPatient(selected.Value.PatientId, selected.Value.PracticeGroupId) : selected.Error!;
    }
}
