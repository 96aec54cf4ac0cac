using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.PatientProfile.ChangeRequests;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Modules.PatientProfile.Data;
using Portal.Modules.PatientProfile.Domain;
using Portal.Modules.PatientProfile.Features.Shared;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.PatientProfile.Features;

public sealed class ApproveChangeRequestEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPracticeRoutes("Change requests").MapPost("/change-requests/{id:guid}/approve",
                async (Guid id, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] ApproveOptions? options, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new ApproveChangeRequest(id, options?.Force ?? false), ct)).ToHttpResult())
            .WithSummary("Apply a patient's change request; 409 change-requests.conflict names the fields changed since, unless {force:true}; 409 change-requests.already-decided, .superseded (the patient replaced it) or .withdrawn")
            .Produces<ChangeRequestResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

/// <summary><c>{force:true}</c> applies the change even where the record changed since the patient asked.</summary>
public sealed record ApproveOptions(bool Force);

public sealed record ApproveChangeRequest(Guid ChangeRequestId, bool Force) : ICommand<Result<ChangeRequestResponse>>;

internal sealed class ApproveChangeRequestHandler(
    PatientProfileDbContext db, RecordParts parts, RecordHistory history, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ApproveChangeRequest, Result<ChangeRequestResponse>>
{
    /// <summary>Never answered: the approval is decided again on the part's new values.</summary>
    private static readonly Error KeptPartChanged = Error.Conflict("change-requests.part-changed", "The part changed while it was approved.");

    public async ValueTask<Result<ChangeRequestResponse>> Handle(ApproveChangeRequest command, CancellationToken cancellationToken)
    {
        // The record can change between reading it and saving the decision (another request approved, a practitioner's
        // edit): then the decision is made again on the new values, which gives a named conflict or a clean apply.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await DecideAsync(command, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<Result<ChangeRequestResponse>> DecideAsync(ApproveChangeRequest command, CancellationToken cancellationToken)
    {
        var groupId = currentUser.StaffPracticeGroupId;
        var request = await db.ChangeRequests.SingleOrDefaultAsync(r => r.Id == command.ChangeRequestId && r.PracticeGroupId == groupId, cancellationToken);
        var record = request is null ? null : await PatientRecord.LoadAsync(db, groupId, request.PatientId, cancellationToken);
        if (request is null || record is null)
        {
            return ChangeRequestErrors.NotFound;   // another group's request looks the same as none
        }

        var part = parts.Of(request.Subject);
        await part.LoadAsync(record, cancellationToken);
        var now = clock.GetUtcNow();
        var approved = request.Approve(part.Read(record), command.Force, currentUser.UserId, currentUser.Name, now);
        if (approved.IsFailure)
        {
            return approved.Error!;
        }

        var askedAs = record.PatientName;   // the name the practice was told of the request under, before a name change applies
        history.Apply(part, record, approved.Value, now, VersionSource.Approval, changeRequestId: request.Id);
        db.PublishDecision(request, askedAs);

        // One transaction: record, decision, audit, event. For a part another module keeps, the decision is saved first,
        // which claims the request (a rejection or withdrawal saved meanwhile fails it), then that module commits.
        var saved = await history.SaveAsync(part, [record], now, ct => ChangeRequestDecision.SaveAsync(db, request, ct), KeptPartChanged, cancellationToken);
        if (saved.Error == KeptPartChanged)
        {
            // The module keeping the part saw it change meanwhile: decide again on its new values, as for a change here.
            throw new DbUpdateConcurrencyException($"The {part.Label} changed while the change request was approved.");
        }

        return saved.IsFailure ? saved.Error! : ChangeRequestQueries.From(request, record.PatientName);
    }
}
