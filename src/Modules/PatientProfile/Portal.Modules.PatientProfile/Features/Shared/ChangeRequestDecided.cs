using Portal.Modules.PatientProfile.ChangeRequests;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Modules.PatientProfile.Data;
using Portal.Shared.Messaging;

namespace Portal.Modules.PatientProfile.Features.Shared;

internal static class ChangeRequestDecided
{
    /// <summary>Tells the other modules how a request just decided ended; saved with the decision, in its transaction.</summary>
    public static void PublishDecision(this PatientProfileDbContext db, ChangeRequest request, string patientName) =>
        db.Publish(new PatientChangeDecided(
            Guid.CreateVersion7(), request.DecidedAt!.Value, request.Id, request.PatientId, request.PracticeGroupId, patientName, request.Subject,
            request.Changes.Select(change => change.Field).ToList(),
            request.Status == ChangeRequestStatus.Approved ? ChangeDecision.Approved : ChangeDecision.Rejected,
            request.DecidedBy!.Value, request.DecidedByName!));
}
