using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.PatientProfile.ChangeRequests;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Modules.PatientProfile.Data;
using Portal.Modules.PatientProfile.Features.Shared;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;
using Portal.Shared.Messaging;

namespace Portal.Modules.PatientProfile.Features;

public sealed class WithdrawMyChangeRequestEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPatientRoutes("Patient portal").MapPost("/change-requests/{id:guid}/withdraw", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new WithdrawMyChangeRequest(id), ct)).ToHttpResult())
            .WithSummary("Withdraw a change you asked for that still waits: nothing of it applies, the practice no longer sees it in its queue; 409 change-requests.already-decided, .superseded or .withdrawn when it no longer waits")
            .Produces<ChangeRequestResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

public sealed record WithdrawMyChangeRequest(Guid ChangeRequestId) : ICommand<Result<ChangeRequestResponse>>;

internal sealed class WithdrawMyChangeRequestHandler(
    PatientProfileDbContext db, IIdentityApi identity, PortalPatientSelector selector, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<WithdrawMyChangeRequest, Result<ChangeRequestResponse>>
{
    public async ValueTask<Result<ChangeRequestResponse>> Handle(WithdrawMyChangeRequest command, CancellationToken cancellationToken)
    {
        // Only a request about a record linked to this account is found: anyone else's id looks like no request at all.
        var linked = (await identity.GetLinkedPatientRecordsAsync(currentUser.UserId, cancellationToken)).Select(r => r.PatientId).ToList();
        var request = await db.ChangeRequests.SingleOrDefaultAsync(r => r.Id == command.ChangeRequestId && linked.Contains(r.PatientId), cancellationToken);
        if (request is null)
        {
            return ChangeRequestErrors.NotFound;
        }

        var portal = await selector.SelectAsync(request.PatientId, cancellationToken);   // a practice that turned its portal off: 403
        if (portal.IsFailure || portal.Value.PracticeGroupId != request.PracticeGroupId)
        {
            return portal.IsFailure ? portal.Error! : ChangeRequestErrors.NotFound;
        }

        var now = clock.GetUtcNow();
        var withdrawn = request.Withdraw(now);
        if (withdrawn.IsFailure)
        {
            return withdrawn.Error!;
        }

        var patientName = await db.Patients.Where(p => p.Id == request.PatientId)
            .Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(cancellationToken);
        db.Publish(new PatientChangeWithdrawn(Guid.CreateVersion7(), now, [request.Id], request.PatientId, request.PracticeGroupId, patientName, request.Subject));

        // A practitioner deciding it at the same moment: one of the two finds it no longer pending.
        var saved = await ChangeRequestDecision.SaveAsync(db, request, cancellationToken);
        return saved.IsFailure ? saved.Error! : ChangeRequestQueries.From(request, patientName);
    }
}
