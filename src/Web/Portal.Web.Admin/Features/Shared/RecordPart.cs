namespace Portal.Web.Admin.Features.Shared;

/// <summary>A part of a patient's record (the API's <c>subject</c>): what a change request is about, and what keeps a history.</summary>
public enum RecordPart
{
    Profile,
    HealthRecord,
    Funding,
}
