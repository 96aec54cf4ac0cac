using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Extensions;
using Portal.Modules.Appointments.Data;
using Portal.Modules.Appointments.Features.Shared;
using Portal.Modules.Identity.Contracts;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.Appointments.Features;

public sealed class ListBookablePractitionersEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapPatientRoutes("Appointments").MapGet("/practitioners", async (Guid? patientId, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ListBookablePractitioners(patientId ?? Guid.Empty), ct)).ToHttpResult())
            .WithSummary("Your practice's practitioners who keep hours you can book, with the locations where they do")
            .Produces<IReadOnlyList<BookablePractitionerResponse>>();
        app.MapPracticeRoutes("Appointments").MapGet("/practitioners", async (ISender sender, CancellationToken ct) =>
                (await sender.Send(new ListBookablePractitioners(null), ct)).ToHttpResult())
            .WithSummary("The practice's practitioners (every one, for the calendar and booking for a patient), with the locations where they keep hours")
            .Produces<IReadOnlyList<BookablePractitionerResponse>>();
    }
}

/// <param name="Title">What the practice calls them beside their name; Portal keeps no titles yet, so null.</param>
public sealed record BookablePractitionerResponse(Guid Id, string Name, string? Title, IReadOnlyList<Guid> LocationIds);

/// <param name="PatientRecord">Null for staff (every practitioner); for a patient, the record they act for (only those with hours).</param>
public sealed record ListBookablePractitioners(Guid? PatientRecord) : IQuery<Result<IReadOnlyList<BookablePractitionerResponse>>>;

/// <summary>
/// A practitioner is bookable while they keep weekly hours that have not ended: one read of the hours, one of the staff.
/// Staff see every practitioner of their group (one without hours has no locations).
/// </summary>
internal sealed class ListBookablePractitionersHandler(AppointmentsDbContext db, CallerPractice caller, IIdentityApi identity, TimeProvider clock)
    : IQueryHandler<ListBookablePractitioners, Result<IReadOnlyList<BookablePractitionerResponse>>>
{
    public async ValueTask<Result<IReadOnlyList<BookablePractitionerResponse>>> Handle(ListBookablePractitioners query, CancellationToken cancellationToken)
    {
        var forStaff = query.PatientRecord is null;
        var practice = await caller.PracticeGroupAsync(query.PatientRecord, cancellationToken);
        if (practice.IsFailure)
        {
            return practice.Error!;
        }

        var groupId = practice.Value;
        // A day's margin either side of "today" whatever the location's zone: an ended rule only drops a day late.
        var yesterday = clock.GetUtcNow().ToInstant().InUtc().Date.PlusDays(-1);
        var hours = await db.AvailabilityRules.AsNoTracking()
            .Where(r => r.PracticeGroupId == groupId && (r.ValidTo == null || r.ValidTo >= yesterday))
            .Select(r => new { r.PractitionerId, r.LocationId })
            .Distinct()
            .ToListAsync(cancellationToken);
        if (hours.Count == 0 && !forStaff)
        {
            return Array.Empty<BookablePractitionerResponse>();
        }

        var staff = await identity.GetPractitionersAsync(groupId, cancellationToken);
        return staff
            .Where(p => forStaff || hours.Any(h => h.PractitionerId == p.UserId))
            .OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(p => new BookablePractitionerResponse(p.UserId, p.Name, null,
                hours.Where(h => h.PractitionerId == p.UserId).Select(h => h.LocationId).Distinct().ToList()))
            .ToList();
    }
}
