using System.Text.Json.Nodes;
using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Portal.Modules.Funding.Data;
using Portal.Modules.Funding.Domain;
using Portal.Modules.Funding.Features.Shared;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Modules.PortalSettings.Contracts;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.Funding.Features;

public sealed class ChangeMyFundingEndpoints : ICarterModule
{
    private const string Outcomes =
        "Your practice's policy decides, as for your personal details: 200 applied, 202 pendingApproval (one waiting request for your funding details carries all your waiting changes), 403 profile.updates-disabled. " +
        "With If-Match (the version from GET) the change is made only on that version (412 profile.stale).";

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var portal = app.MapPatientRoutes("Funding");
        portal.MapPut("/funding/{scheme}", async (string scheme, Guid? patientId, JsonObject value, HttpRequest request, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ChangeMyFunding(scheme, patientId, value, IfMatch.Version(request)), ct)).ToFundingEditResult())
            .WithSummary("Give or replace one scheme of your funding details: medicare {number, irn, validTo}, privateHealth {fund, membershipNumber, memberReference?}, ndis {number, planManagement, planManager?, planStart?, planEnd?}, dva {fileNumber, cardColour} or ihi {ihi}")
            .WithDescription(Outcomes + " 400 funding.invalid-medicare-number, funding.invalid-irn, funding.medicare-expired, funding.invalid-dva-file-number, funding.invalid-ndis-number, funding.unknown-health-fund, funding.invalid-ihi, with the field named.")
            .Produces<FundingChangeApplied>()
            .Produces<FundingSentForApproval>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        portal.MapDelete("/funding/{scheme}", async (string scheme, Guid? patientId, HttpRequest request, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ChangeMyFunding(scheme, patientId, null, IfMatch.Version(request)), ct)).ToFundingEditResult())
            .WithSummary("Remove one scheme from your funding details (medicare, privateHealth, ndis, dva or ihi)")
            .WithDescription(Outcomes)
            .Produces<FundingChangeApplied>()
            .Produces<FundingSentForApproval>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }
}

/// <summary>200: the change applied (or set a waiting change back, <c>withdrawn</c>); the funding details as they are now.</summary>
public sealed record FundingChangeApplied(EditOutcome Outcome, FundingResponse Funding);

/// <summary>202: something waits for approval; under auto update <see cref="AppliedFields"/> applied at once and <see cref="PendingFields"/> wait.</summary>
public sealed record FundingSentForApproval(EditOutcome Outcome, Guid ChangeRequestId, IReadOnlyList<string> AppliedFields, IReadOnlyList<string> PendingFields);

public sealed record MyFundingEdit(RecordPartEdit Edit, FundingResponse? Funding);

/// <param name="Value">The scheme's new value; null removes it.</param>
public sealed record ChangeMyFunding(string Scheme, Guid? PatientId, JsonObject? Value, int? ExpectedVersion) : ICommand<Result<MyFundingEdit>>;

internal sealed class ChangeMyFundingHandler(IPatientRecordEdits edits, FundingDbContext db, IPortalSettingsApi settings, TimeProvider clock)
    : ICommandHandler<ChangeMyFunding, Result<MyFundingEdit>>
{
    public static readonly Error UnknownScheme =
        Error.NotFound("funding.unknown-scheme", "Funding details are medicare, privateHealth, ndis, dva and ihi.");

    public async ValueTask<Result<MyFundingEdit>> Handle(ChangeMyFunding command, CancellationToken cancellationToken)
    {
        var scheme = FundingDetails.Schemes.FirstOrDefault(s => string.Equals(s, command.Scheme, StringComparison.OrdinalIgnoreCase));
        if (scheme is null)
        {
            return UnknownScheme;
        }

        // The IHI is a single value: its body is {ihi: "..."}, and nothing else.
        if (scheme == "ihi" && command.Value?.Select(member => member.Key).FirstOrDefault(name => name != "ihi") is { } unknown)
        {
            return Error.Validation("validation.failed", "Send the IHI as {\"ihi\": \"8003...\"}.", unknown);
        }

        var value = scheme == "ihi" && command.Value is not null ? command.Value["ihi"]?.DeepClone() ?? JsonValue.Create("") : command.Value?.DeepClone();
        var edit = await edits.EditMineAsync(RecordPart.Funding, command.PatientId, new JsonObject { [scheme] = value }, command.ExpectedVersion, cancellationToken);
        if (edit.IsFailure)
        {
            return edit.Error!;
        }

        if (edit.Value.Outcome == EditOutcome.PendingApproval)
        {
            return new MyFundingEdit(edit.Value, null);
        }

        var funding = await FundingResponse.ReadAsync(db, edit.Value.PracticeGroupId, edit.Value.PatientId, FundingClock.Today(clock), cancellationToken);
        return new MyFundingEdit(edit.Value, funding.ForPatient(await settings.GetAsync(edit.Value.PracticeGroupId, cancellationToken)));
    }
}

internal static class FundingEditResults
{
    public static IResult ToFundingEditResult(this Result<MyFundingEdit> result)
    {
        if (result.IsFailure)
        {
            return result.Error!.ToProblem();
        }

        var (edit, funding) = result.Value;
        return edit is { Outcome: EditOutcome.PendingApproval, ChangeRequestId: { } id }
            ? TypedResults.Json(new FundingSentForApproval(EditOutcome.PendingApproval, id, edit.AppliedFields, edit.PendingFields), statusCode: StatusCodes.Status202Accepted)
            : TypedResults.Ok(new FundingChangeApplied(edit.Outcome, funding!));
    }
}
