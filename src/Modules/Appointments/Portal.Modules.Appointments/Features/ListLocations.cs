using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.Appointments.Data;
using Portal.Modules.Appointments.Features.Shared;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.Appointments.Features;

public sealed class ListLocationsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapPracticeRoutes("Appointments").MapGet("/locations", async (ISender sender, CancellationToken ct) =>
                (await sender.Send(new ListLocations(null), ct)).ToHttpResult())
            .WithSummary("The practice group's locations, by name")
            .Produces<IReadOnlyList<LocationResponse>>();
        app.MapPatientRoutes("Appointments").MapGet("/locations", async (Guid? patientId, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ListLocations(patientId ?? Guid.Empty), ct)).ToHttpResult())
            .WithSummary("Your practice's locations, by name")
            .Produces<IReadOnlyList<LocationResponse>>();
    }
}

/// <param name="PatientRecord">Null for staff; for a patient, the record they act for (<see cref="Guid.Empty"/>: their only one).</param>
public sealed record ListLocations(Guid? PatientRecord) : IQuery<Result<IReadOnlyList<LocationResponse>>>;

internal sealed class ListLocationsHandler(AppointmentsDbContext db, CallerPractice caller)
    : IQueryHandler<ListLocations, Result<IReadOnlyList<LocationResponse>>>
{
    public async ValueTask<Result<IReadOnlyList<LocationResponse>>> Handle(ListLocations query, CancellationToken cancellationToken)
    {
        var practice = await caller.PracticeGroupAsync(query.PatientRecord, cancellationToken);
        if (practice.IsFailure)
        {
            return practice.Error!;
        }

        var groupId = practice.Value;
        var locations = await db.Locations.AsNoTracking().Where(l => l.PracticeGroupId == groupId).OrderBy(l => l.Name).ToListAsync(cancellationToken);
        return locations.Select(LocationResponse.From).ToList();
    }
}
