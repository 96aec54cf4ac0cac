using Portal.Web.Admin.Features.Join;
using Portal.Web.Admin.Features.PasswordReset;
using Portal.Web.Admin.Features.PatientDetail;
using Portal.Web.Admin.Features.Shared;
using Portal.Web.Admin.Features.Patients;

namespace Portal.Web.Admin;

/// <summary>The admin app's own words for what the API answers, in one place.</summary>
public static class Labels
{
    public const string AppName = "Portal for practices";

    public static string PortalStatus(PortalStatus status) => status switch
    {
        Features.Patients.PortalStatus.Active => "Uses the portal",
        Features.Patients.PortalStatus.Invited => "Invited",
        _ => "Not invited",
    };

    /// <summary>The CSS class of a portal status badge (portal.css colours them).</summary>
    public static string PortalStatusClass(PortalStatus status) => status switch
    {
        Features.Patients.PortalStatus.Active => "active",
        Features.Patients.PortalStatus.Invited => "invited",
        _ => "none",
    };

    public static string DeadLinkTitle(DeadResetLink dead) => dead switch
    {
        DeadResetLink.Used => "This link has already been used",
        DeadResetLink.Expired => "This link has expired",
        _ => "This link is not valid",
    };

    public static string DeadLinkTitle(DeadStaffInvitation dead) => dead switch
    {
        DeadStaffInvitation.Expired => "This invitation has expired",
        DeadStaffInvitation.Used => "This invitation has already been used",
        DeadStaffInvitation.Revoked => "This invitation was withdrawn",
        _ => "This invitation link is not valid",
    };

    /// <summary>A patient page's tab; the record's parts are named in the server's words.</summary>
    public static string TabTitle(PatientTab tab, RecordTerms terms) => tab switch
    {
        PatientTab.Details => terms.Heading("profile"),
        PatientTab.HealthRecord => terms.Heading("healthRecord"),
        PatientTab.Access => "Access log",
        _ => tab.ToString(),
    };

    /// <summary>A patient page's tab in its address (<c>?tab=</c>).</summary>
    public static string TabKey(PatientTab tab) => tab switch
    {
        PatientTab.Details => "details",
        PatientTab.HealthRecord => "health-record",
        PatientTab.Access => "access-log",
        _ => tab.ToString().ToLowerInvariant(),
    };

    public const string DateTime = "d MMM yyyy, h:mm tt";
    public const string DateTimeSeconds = "d MMM yyyy, h:mm:ss tt";
    public const string LongDate = "d MMMM yyyy";
    public const string Date = "d MMM yyyy";
}
