namespace Portal.Web.Admin.Features.PatientDetail;

/// <summary>
/// The parts of a patient's page, in the order of its tabs. Still to convert from the WebAssembly page: portal access, notes
/// and history (src/Web/Portal.Web.Admin.Unconverted/Layout).
/// </summary>
public enum PatientTab
{
    Details,
    HealthRecord,
    Access,
}
