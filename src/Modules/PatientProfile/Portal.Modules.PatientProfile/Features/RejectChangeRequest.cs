using Carter;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
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

public sealed class RejectChangeRequestEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPracticeRoutes("Change requests").MapPost("/change-requests/{id:guid}/reject", async (Guid id, RejectionReason body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RejectChangeRequest(id, body.Reason), ct)).ToHttpResult())
            .WithSummary("Reject a patient's change request with a reason the patient will see; 409 change-requests.already-decided, .superseded or .withdrawn")
            .Produces<ChangeRequestResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

public sealed record RejectionReason(string Reason);

public sealed record RejectChangeRequest(Guid ChangeRequestId, string Reason) : ICommand<Result<ChangeRequestResponse>>;

public sealed class RejectChangeRequestValidator : AbstractValidator<RejectChangeRequest>
{
    public RejectChangeRequestValidator() =>
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Tell the patient why the change was not made.").MaximumLength(1000);
}

internal sealed class RejectChangeRequestHandler(PatientProfileDbContext db, PatientAuditLog audit, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RejectChangeRequest, Result<ChangeRequestResponse>>
{
    public async ValueTask<Result<ChangeRequestResponse>> Handle(RejectChangeRequest command, CancellationToken cancellationToken)
    {
        var groupId = currentUser.StaffPracticeGroupId;
        var request = await db.ChangeRequests.SingleOrDefaultAsync(r => r.Id == command.ChangeRequestId && r.PracticeGroupId == groupId, cancellationToken);
        var patient = request is null ? null : await db.Patients.SingleOrDefaultAsync(p => p.Id == request.PatientId && p.PracticeGroupId == groupId, cancellationToken);
        if (request is null || patient is null)
        {
            return ChangeRequestErrors.NotFound;
        }

        var rejected = request.Reject(command.Reason.Trim(), currentUser.UserId, currentUser.Name, clock.GetUtcNow());
        if (rejected.IsFailure)
        {
            return rejected.Error!;
        }

        var patientName = $"{patient.GivenName} {patient.FamilyName}";
        audit.RecordChange(patient, PatientAccessAction.ChangeRejected, AccessLogSubjects.Of(request.Subject));
        db.PublishDecision(request, patientName);
        var saved = await ChangeRequestDecision.SaveAsync(db, request, cancellationToken);
        return saved.IsFailure ? saved.Error! : ChangeRequestQueries.From(request, patientName);
    }
}
