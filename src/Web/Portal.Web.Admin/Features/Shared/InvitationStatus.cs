namespace Portal.Web.Admin.Features.Shared;

/// <summary>Where a patient's invitation to the portal stands (the API's <c>status</c>): the portal access tab and the invitations page.</summary>
public enum InvitationStatus
{
    Pending,
    Accepted,
    Expired,
    Revoked,
}
