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

public sealed class UpdateMyHealthRecordEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPatientRoutes("Patient portal").MapPatch("/health-record", async ([FromQuery(Name = "patientId")] Guid[]? patientIds, JsonObject changes, HttpRequest request, ISender sender, CancellationToken ct) =>
            {
                if (patientIds is { Length: > 1 })
                {
                    return (await sender.Send(new EditSeveralRecords(RecordPart.HealthRecord, patientIds, changes), ct)).ToHttpResult();
                }

                var result = await sender.Send(new UpdateMyHealthRecord(patientIds is [var only] ? only : null, changes, IfMatch.Version(request)), ct);
                return result.ToEditResult(applied => new HealthRecordChangeApplied(applied.Outcome, applied.HealthRecord!));
            })
            .WithSummary("Change your allergies, medications or conditions (each list is replaced as a whole); the same policy as personal details")
            .WithDescription("Under approval you have at most one pending request for this part of your record: a new edit replaces it with one request that carries both (the older one becomes `superseded`); asking for the same change again keeps it; setting the fields back to today's values withdraws it (200, outcome `withdrawn`).")
            .Produces<HealthRecordChangeApplied>()
            .Produces<ChangeSentForApproval>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
}

public sealed record HealthRecordChangeApplied(EditOutcome Outcome, MyHealthRecord HealthRecord);

public sealed record MyHealthRecordEdit(EditOutcome Outcome, Guid? ChangeRequestId, MyHealthRecord? HealthRecord) : IPortalEdit
{
    public IReadOnlyList<string> AppliedFields { get; init; } = [];
    public IReadOnlyList<string> PendingFields { get; init; } = [];
}

public sealed record UpdateMyHealthRecord(Guid? PatientId, JsonObject Changes, int? ExpectedVersion) : ICommand<Result<MyHealthRecordEdit>>;

internal sealed class UpdateMyHealthRecordHandler(PortalRecordEditor editor, HealthRecordPart part, PatientProfileDbContext db)
    : ICommandHandler<UpdateMyHealthRecord, Result<MyHealthRecordEdit>>
{
    public async ValueTask<Result<MyHealthRecordEdit>> Handle(UpdateMyHealthRecord command, CancellationToken cancellationToken)
    {
        var edit = await editor.EditOneAsync(part, command.PatientId, command.Changes, command.ExpectedVersion, cancellationToken);
        if (edit.IsFailure)
        {
            return edit.Error!;
        }

        var (result, context) = edit.Value;
        if (result.Outcome is not (EditOutcome.Applied or EditOutcome.Withdrawn))
        {
            return new MyHealthRecordEdit(result.Outcome, result.ChangeRequestId, null) { AppliedFields = result.AppliedFields, PendingFields = result.PendingFields };
        }

        var record = await db.HealthRecords.FindAsync([result.PatientId], cancellationToken);   // tracked by the edit: no query
        return new MyHealthRecordEdit(result.Outcome, null,
            MyHealthRecord.From(record!, part.Parse(record!.Content), context.Settings.PatientUpdates));
    }
}
