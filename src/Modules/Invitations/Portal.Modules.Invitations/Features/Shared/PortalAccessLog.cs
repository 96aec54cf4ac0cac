using Microsoft.AspNetCore.Http;
using Portal.Modules.Invitations.Data;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Shared.Http;
using Portal.Shared.Messaging;

namespace Portal.Modules.Invitations.Features.Shared;

/// <summary>
/// Puts an invitation's steps in the patient's access log (kept by PatientProfile): the event goes to this module's
/// outbox, so it is saved with the step itself or not at all.
/// </summary>
internal sealed class PortalAccessLog(InvitationsDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    /// <summary>One step: <see cref="PatientAccessAction.Invited"/>, <c>InvitationResent</c>, <c>InvitationRevoked</c> or <c>Accepted</c>.</summary>
    public void Record(Guid patientId, Guid practiceGroupId, Guid actorUserId, string actorName, PatientAccessAction action) =>
        db.Publish(new PatientRecordAccessed(
            Guid.CreateVersion7(), clock.GetUtcNow(), patientId, practiceGroupId, actorUserId, actorName, action, AccessLogSubject.PortalAccess,
            RemoteAddress.Of(http.HttpContext)));
}
