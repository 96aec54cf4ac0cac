using Portal.Modules.Identity.Contracts;
using Portal.Modules.PortalSettings.Contracts;
using Portal.Shared.Abstractions;

namespace Portal.Modules.PatientProfile.Features.Shared;

/// <summary>The patient record a portal request is about, and the policy of its practice.</summary>
internal sealed record PortalPatientContext(Guid PatientId, Guid PracticeGroupId, PortalSettingsSnapshot Settings);

/// <summary>
/// The selection rule of every <c>/api/portal/*</c> route (docs/api-conventions.md): <c>?patientId=</c> names one of the account's
/// linked records; without it, an account with exactly one record uses that one, otherwise 400
/// <c>portal.patient-required</c>. A record that is not the caller's answers 404, and a practice that turned its
/// portal off answers 403 <c>portal.disabled</c>.
/// </summary>
internal sealed class PortalPatientSelector(IIdentityApi identity, IPortalSettingsApi settings, ICurrentUser currentUser)
{
    public async Task<Result<PortalPatientContext>> SelectAsync(Guid? patientId, CancellationToken cancellationToken)
    {
        var linked = await identity.GetLinkedPatientRecordsAsync(currentUser.UserId, cancellationToken);
        LinkedPatientRecord? record;
        if (patientId is { } requested)
        {
            record = linked.SingleOrDefault(r => r.PatientId == requested);
            if (record is null)
            {
                return NotFound;
            }
        }
        else if (linked.Count == 1)
        {
            record = linked[0];
        }
        else
        {
            return Error.Validation("portal.patient-required",
                linked.Count == 0 ? "Your account has no patient record yet." : "Your account has several patient records: choose one with ?patientId=.",
                "patientId");
        }

        var policy = await settings.GetAsync(record.PracticeGroupId, cancellationToken);
        return policy.PortalEnabled
            ? new PortalPatientContext(record.PatientId, record.PracticeGroupId, policy)
            : PortalDisabled;
    }

    /// <summary>
    /// Several records named at once (<c>?patientId=A&amp;patientId=B</c>): each must be the caller's (else 404 for the
    /// whole request, nothing is done); each comes with its own practice's settings, portal switched off included,
    /// so the caller can answer per record.
    /// </summary>
    public async Task<Result<IReadOnlyList<PortalPatientContext>>> SelectManyAsync(IReadOnlyCollection<Guid> patientIds, CancellationToken cancellationToken)
    {
        var linked = await identity.GetLinkedPatientRecordsAsync(currentUser.UserId, cancellationToken);
        var selected = new List<PortalPatientContext>();
        foreach (var patientId in patientIds.Distinct())
        {
            var record = linked.SingleOrDefault(r => r.PatientId == patientId);
            if (record is null)
            {
                return NotFound;
            }

            selected.Add(new PortalPatientContext(record.PatientId, record.PracticeGroupId, await settings.GetAsync(record.PracticeGroupId, cancellationToken)));
        }

        return selected;
    }

    public static readonly Error PortalDisabled = Error.Forbidden("portal.disabled", "Your practice has turned its patient portal off.");

    public static readonly Error NotFound = Error.NotFound("portal.patient-not-found", "No such patient record on your account.");
}
