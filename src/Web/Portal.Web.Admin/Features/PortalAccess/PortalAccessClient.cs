using Portal.Web.Admin.Features.Shared;
using Portal.Web.Components.Api;
using Portal.Web.Server.Api;

namespace Portal.Web.Admin.Features.PortalAccess;

/// <summary>What the practice did on the portal access tab, said once it is done.</summary>
public enum PortalAccessAction
{
    Invited,
    Resent,
    Revoked,
    Removed,
}

public sealed record PatientInvitation(Guid Id, string Email, InvitationStatus Status, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);

/// <summary>What an action on the tab came to: done, or the API's refusal to show.</summary>
public sealed record PortalAccessAnswer(PortalAccessAction Action, PatientInvitation? Invitation, ApiProblem? Problem)
{
    public bool Done => Problem is null;
}

/// <summary>
/// A patient's portal access: their invitations (<c>GET /api/practice/invitations?patientId=</c>), a new one
/// (<c>POST …/patients/{id}/invitations</c>), resend and revoke (<c>POST …/invitations/{id}/resend|revoke</c>), and
/// removing an account's access to the record (<c>DELETE …/patients/{id}/portal-access</c>).
/// </summary>
public sealed class PortalAccessClient(PortalWebApi api)
{
    public Task<ApiResult<Page<PatientInvitation>>> InvitationsAsync(Guid patientId) =>
        api.GetAsync<Page<PatientInvitation>>($"api/practice/invitations?patientId={patientId}&pageSize=20");

    /// <summary>Sends an invitation; no <paramref name="email"/> means the address on record.</summary>
    public async Task<PortalAccessAnswer> InviteAsync(Guid patientId, string? email, string? message)
    {
        var result = await api.PostAsync<PatientInvitation>($"api/practice/patients/{patientId}/invitations",
            new { email = Trimmed(email), message = Trimmed(message) });
        return new PortalAccessAnswer(PortalAccessAction.Invited, result.Value, result.Problem);
    }

    public async Task<PortalAccessAnswer> ResendAsync(Guid invitationId)
    {
        var result = await api.PostAsync<PatientInvitation>($"api/practice/invitations/{invitationId}/resend");
        return new PortalAccessAnswer(PortalAccessAction.Resent, result.Value, result.Problem);
    }

    public async Task<PortalAccessAnswer> RevokeAsync(Guid invitationId)
    {
        var result = await api.PostAsync<PatientInvitation>($"api/practice/invitations/{invitationId}/revoke");
        return new PortalAccessAnswer(PortalAccessAction.Revoked, result.Value, result.Problem);
    }

    public async Task<PortalAccessAnswer> RemoveAccessAsync(Guid patientId)
    {
        var result = await api.SendAsync<object>(HttpMethod.Delete, $"api/practice/patients/{patientId}/portal-access", null);
        return new PortalAccessAnswer(PortalAccessAction.Removed, null, result.Problem);
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>
/// The portal status the tab and the page's header show: what the invitations say is in force at once (a pending one
/// means invited; an access just removed means not invited), as the record's own status follows a moment later.
/// </summary>
public static class PortalStanding
{
    public static Patients.PortalStatus Of(Patients.PortalStatus record, bool removed, IReadOnlyList<PatientInvitation>? invitations)
    {
        var effective = removed ? Patients.PortalStatus.NotInvited : record;
        if (effective == Patients.PortalStatus.Active)
        {
            return effective;
        }

        if (invitations is null)
        {
            return effective;
        }

        return invitations.Any(i => i.Status == InvitationStatus.Pending) ? Patients.PortalStatus.Invited : Patients.PortalStatus.NotInvited;
    }
}
