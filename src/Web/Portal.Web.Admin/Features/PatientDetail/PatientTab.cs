namespace Portal.Web.Admin.Features.PatientDetail;

/// <summary>
/// The parts of a patient's page, in the order of its tabs.
/// </summary>
public enum PatientTab
{
    Details,
    HealthRecord,
    Funding,
    Appointments,
    PortalAccess,
    Notes,
    History,
    Access,
}
