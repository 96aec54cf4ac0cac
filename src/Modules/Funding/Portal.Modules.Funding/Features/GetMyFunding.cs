using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Portal.Modules.Funding.Data;
using Portal.Modules.Funding.Features.Shared;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Modules.PortalSettings.Contracts;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.Funding.Features;

public sealed class GetMyFundingEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPatientRoutes("Funding").MapGet("/funding", async (Guid? patientId, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetMyFunding(patientId), ct)).ToHttpResult())
            .WithSummary("Your funding details: Medicare, private health insurance, NDIS, DVA and your Individual Healthcare Identifier, each if you gave it")
            .Produces<FundingResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}

public sealed record GetMyFunding(Guid? PatientId) : IQuery<Result<FundingResponse>>;

internal sealed class GetMyFundingHandler(FundingDbContext db, IPortalPatients portalPatients, IPortalSettingsApi settings, TimeProvider clock)
    : IQueryHandler<GetMyFunding, Result<FundingResponse>>
{
    public async ValueTask<Result<FundingResponse>> Handle(GetMyFunding query, CancellationToken cancellationToken)
    {
        var selected = await portalPatients.SelectAsync(query.PatientId, cancellationToken);
        if (selected.IsFailure)
        {
            return selected.Error!;
        }

        var (patientId, practiceGroupId) = selected.Value;
        var funding = await FundingResponse.ReadAsync(db, practiceGroupId, patientId, FundingClock.Today(clock), cancellationToken);
        return funding.ForPatient(await settings.GetAsync(practiceGroupId, cancellationToken));
    }
}
