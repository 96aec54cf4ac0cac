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
using Portal.Shared.Abstractions;
using Portal.Shared.Http;
using Portal.Shared.Messaging;

namespace Portal.Modules.Funding.Features;

public sealed class PracticeFundingEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var practice = app.MapPracticeRoutes("Funding");
        practice.MapGet("/patients/{patientId:guid}/funding", async (Guid patientId, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetPatientFunding(patientId), ct)).ToHttpResult())
            .WithSummary("A patient's funding details, with medicareExpiry when the card expires this month or next or has expired; in the patient's access log")
            .Produces<FundingResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        practice.MapPut("/patients/{patientId:guid}/funding", async (Guid patientId, JsonObject funding, ISender sender, CancellationToken ct) =>
                (await sender.Send(new UpdatePatientFunding(patientId, funding), ct)).ToHttpResult())
            .WithSummary("Change a patient's funding details, applied at once (versioned, in the patient's access log)")
            .WithDescription("The body has GET's shape: each scheme in it (medicare, privateHealth, ndis, dva, ihi) is replaced, null removes it, and a scheme not in the body stays as it is. " +
                             "With version (from GET) the change is made only on that version: 409 patients.stale otherwise. The same 400 codes as the patient's edit.")
            .Produces<FundingResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}

public sealed record GetPatientFunding(Guid PatientId) : IQuery<Result<FundingResponse>>;

internal sealed class GetPatientFundingHandler(FundingDbContext db, IPatientDirectory patients, FundingAccessLog accessLog, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<GetPatientFunding, Result<FundingResponse>>
{
    public async ValueTask<Result<FundingResponse>> Handle(GetPatientFunding query, CancellationToken cancellationToken)
    {
        var groupId = currentUser.StaffPracticeGroupId;
        if (await patients.FindAsync(groupId, query.PatientId, cancellationToken) is null)
        {
            return PatientRecordErrors.NotFound;
        }

        var funding = await FundingResponse.ReadAsync(db, groupId, query.PatientId, FundingClock.Today(clock), cancellationToken);
        await accessLog.ViewedAsync(query.PatientId, groupId, cancellationToken);
        return funding;
    }
}

/// <param name="Funding">GET's shape: the schemes present are replaced (null removes one); <c>version</c>, when present, must be the current one.</param>
public sealed record UpdatePatientFunding(Guid PatientId, JsonObject Funding) : ICommand<Result<FundingResponse>>;

internal sealed class UpdatePatientFundingHandler(IPatientRecordEdits edits, FundingDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<UpdatePatientFunding, Result<FundingResponse>>
{
    /// <summary>What GET answers besides the schemes; sent back, they change nothing.</summary>
    private static readonly HashSet<string> ReadOnlyMembers = new(["version", "patientId", "medicareExpiry", "fieldsNeedingApproval", "patientUpdates"], StringComparer.OrdinalIgnoreCase);

    public async ValueTask<Result<FundingResponse>> Handle(UpdatePatientFunding command, CancellationToken cancellationToken)
    {
        int? expectedVersion = null;
        if (command.Funding["version"] is { } version)
        {
            if (version.GetValueKind() != System.Text.Json.JsonValueKind.Number || !version.AsValue().TryGetValue<int>(out var number))
            {
                return Error.Validation("validation.failed", "The version is the whole number GET answered.", "version");
            }

            expectedVersion = number;
        }

        var patch = new JsonObject(command.Funding
            .Where(member => !ReadOnlyMembers.Contains(member.Key))
            .Select(member => KeyValuePair.Create(member.Key, member.Value?.DeepClone())));
        var changed = await edits.ChangeAsPracticeAsync(RecordPart.Funding, command.PatientId, patch, expectedVersion, cancellationToken);
        return changed.IsFailure
            ? changed.Error!
            : await FundingResponse.ReadAsync(db, currentUser.StaffPracticeGroupId, command.PatientId, FundingClock.Today(clock), cancellationToken);
    }
}
