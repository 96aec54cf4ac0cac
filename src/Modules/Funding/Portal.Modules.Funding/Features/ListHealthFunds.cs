using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Portal.Modules.Funding.Contracts;
using Portal.Modules.Funding.Domain;
using Portal.Shared.Http;

namespace Portal.Modules.Funding.Features;

public sealed class ListHealthFundsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapPatientRoutes("Funding").MapGet("/health-funds", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListHealthFunds(), ct)))
            .WithSummary("Australia's registered private health insurers, by name: the codes privateHealth.fund takes")
            .Produces<IReadOnlyList<HealthFund>>();
        app.MapPracticeRoutes("Funding").MapGet("/health-funds", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListHealthFunds(), ct)))
            .WithSummary("Australia's registered private health insurers, by name: the codes privateHealth.fund takes")
            .Produces<IReadOnlyList<HealthFund>>();
    }
}

public sealed record ListHealthFunds : IQuery<IReadOnlyList<HealthFund>>;

internal sealed class ListHealthFundsHandler : IQueryHandler<ListHealthFunds, IReadOnlyList<HealthFund>>
{
    public ValueTask<IReadOnlyList<HealthFund>> Handle(ListHealthFunds query, CancellationToken cancellationToken) => ValueTask.FromResult(HealthFunds.All);
}
