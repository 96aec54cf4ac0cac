using Portal.Shared.Abstractions;

namespace Portal.Modules.PatientProfile.Contracts;

/// <summary>
/// The patient record a <c>/api/portal/*</c> request acts for, chosen by the one rule every portal route follows
/// (docs/api-conventions.md): <c>?patientId=</c> names one of the caller's linked records, an account with one record
/// uses it, a record that is not the caller's is 404 and a practice that turned its portal off is 403. Other modules'
/// portal routes (appointments, funding) ask here rather than repeat the rule.
/// </summary>
public interface IPortalPatients
{
    Task<Result<PortalPatient>> SelectAsync(Guid? patientId, CancellationToken cancellationToken);
}

/// <summary>A patient record the signed-in account may act for, and the practice group it belongs to.</summary>
public sealed record PortalPatient(Guid PatientId, Guid PracticeGroupId);
