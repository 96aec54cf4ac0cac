using System.Text.Json.Nodes;
using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Modules.PatientProfile.Data;
using Portal.Modules.PatientProfile.Domain;
using Portal.Modules.PatientProfile.Features.Shared;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.PatientProfile.Features;

public sealed class UpdateMyProfileEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPatientRoutes("Patient portal").MapPatch("/profile", async ([FromQuery(Name = "patientId")] Guid[]? patientIds, JsonObject changes, HttpRequest request, ISender sender, CancellationToken ct) =>
            {
                if (patientIds is { Length: > 1 })
                {
                    return (await sender.Send(new EditSeveralRecords(RecordPart.Profile, patientIds, changes), ct)).ToHttpResult();
                }

                var result = await sender.Send(new UpdateMyProfile(patientIds is [var only] ? only : null, changes, IfMatch.Version(request)), ct);
                return result.ToEditResult(applied => new ProfileChangeApplied(applied.Outcome, applied.Profile!));
            })
            .WithSummary("Change some of your personal details; your practice's policy decides whether the change applies at once, waits for approval or is refused")
            .WithDescription("Under approval you have at most one pending request for this part of your record: a new edit replaces it with one request that carries both (the older one becomes `superseded`); asking for the same change again keeps it; setting the fields back to today's values withdraws it (200, outcome `withdrawn`).")
            .Produces<ProfileChangeApplied>()
            .Produces<ChangeSentForApproval>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
}

public sealed record ProfileChangeApplied(EditOutcome Outcome, MyProfile Profile);

/// <summary>
/// 202: something waits for approval. Under auto update the fields in <see cref="AppliedFields"/> were applied at once
/// and those in <see cref="PendingFields"/> wait (the practice always approves them).
/// </summary>
public sealed record ChangeSentForApproval(EditOutcome Outcome, Guid ChangeRequestId)
{
    public IReadOnlyList<string> AppliedFields { get; init; } = [];
    public IReadOnlyList<string> PendingFields { get; init; } = [];
}

/// <summary>The outcome of one edit; <see cref="Profile"/> when it was applied or withdrew the pending request (200).</summary>
public sealed record MyProfileEdit(EditOutcome Outcome, Guid? ChangeRequestId, MyProfile? Profile) : IPortalEdit
{
    public IReadOnlyList<string> AppliedFields { get; init; } = [];
    public IReadOnlyList<string> PendingFields { get; init; } = [];
}

public sealed record UpdateMyProfile(Guid? PatientId, JsonObject Changes, int? ExpectedVersion) : ICommand<Result<MyProfileEdit>>;

internal sealed class UpdateMyProfileHandler(PortalRecordEditor editor, ProfilePart profile, PatientProfileDbContext db)
    : ICommandHandler<UpdateMyProfile, Result<MyProfileEdit>>
{
    public async ValueTask<Result<MyProfileEdit>> Handle(UpdateMyProfile command, CancellationToken cancellationToken)
    {
        var edit = await editor.EditOneAsync(profile, command.PatientId, command.Changes, command.ExpectedVersion, cancellationToken);
        if (edit.IsFailure)
        {
            return edit.Error!;
        }

        var (result, context) = edit.Value;
        if (result.Outcome is not (EditOutcome.Applied or EditOutcome.Withdrawn))
        {
            return new MyProfileEdit(result.Outcome, result.ChangeRequestId, null) { AppliedFields = result.AppliedFields, PendingFields = result.PendingFields };
        }

        var patient = await db.Patients.FindAsync([result.PatientId], cancellationToken);   // tracked by the edit: no query
        return new MyProfileEdit(result.Outcome, null, MyProfile.From(patient!, context.Settings));
    }
}

internal static class EditHttpResults
{
    /// <summary>200 with the record (outcome <c>applied</c> or <c>withdrawn</c>), or 202 <c>{outcome:"pendingApproval", changeRequestId}</c>, or the problem.</summary>
    public static IResult ToEditResult<T, TApplied>(this Result<T> result, Func<T, TApplied> applied)
        where T : IPortalEdit
    {
        if (result.IsFailure)
        {
            return result.Error!.ToProblem();
        }

        return result.Value is { Outcome: EditOutcome.PendingApproval, ChangeRequestId: { } id } edit
            ? TypedResults.Json(
                new ChangeSentForApproval(EditOutcome.PendingApproval, id) { AppliedFields = edit.AppliedFields, PendingFields = edit.PendingFields },
                statusCode: StatusCodes.Status202Accepted)
            : TypedResults.Ok(applied(result.Value));
    }
}
