using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Data;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;
using Portal.Shared.Messaging;

namespace Portal.Modules.Identity.Features;

public sealed class UnlinkPatientRecordEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPracticeRoutes("Invitations").MapDelete("/patients/{patientId:guid}/portal-access", async (Guid patientId, ISender sender, CancellationToken ct) =>
                (await sender.Send(new UnlinkPatientRecord(patientId), ct)).ToNoContentResult())
            .WithSummary("Remove portal access: the patient account no longer reaches this record, at once; the record can be invited again")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
}

public sealed record UnlinkPatientRecord(Guid PatientId) : ICommand<Result>;

internal sealed class UnlinkPatientRecordHandler(
    IdentityModuleDbContext db, IPatientDirectory patients, ICurrentUser currentUser, IHttpContextAccessor http, TimeProvider clock)
    : ICommandHandler<UnlinkPatientRecord, Result>
{
    public async ValueTask<Result> Handle(UnlinkPatientRecord command, CancellationToken cancellationToken)
    {
        var groupId = currentUser.StaffPracticeGroupId;
        var patient = await patients.FindAsync(groupId, command.PatientId, cancellationToken);
        if (patient is null)
        {
            return PatientRecordErrors.NotFound;   // another group's patient looks the same as none
        }

        var link = await db.PatientLinks.SingleOrDefaultAsync(l => l.PatientId == patient.PatientId && l.PracticeGroupId == groupId, cancellationToken);
        if (link is null)
        {
            return NotLinked;
        }

        // Removing the row is what ends the access: every portal request reads the account's links from here, none keeps them.
        db.PatientLinks.Remove(link);
        var now = clock.GetUtcNow();
        var address = RemoteAddress.Of(http.HttpContext);
        db.Publish(new PatientRecordUnlinked(Guid.CreateVersion7(), now, groupId, patient.PatientId, link.UserId, currentUser.UserId));
        db.Publish(new PatientRecordAccessed(
            Guid.CreateVersion7(), now, patient.PatientId, groupId, currentUser.UserId, currentUser.Name, PatientAccessAction.Unlinked, AccessLogSubject.PortalAccess, address));
        db.Publish(new SecurityEventOccurred(
            Guid.CreateVersion7(), now, SecurityEventKind.PatientUnlinked, link.UserId, groupId, currentUser.UserId, address,
            $"Portal access to patient {patient.PatientId} removed from the account."));
        return Result.Success();
    }

    public static readonly Error NotLinked =
        Error.NotFound("portal-access.not-linked", "This patient has no portal account linked to their record.");
}
