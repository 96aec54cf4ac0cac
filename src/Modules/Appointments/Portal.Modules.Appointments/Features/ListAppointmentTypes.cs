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

public sealed class ListAppointmentTypesEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapPracticeRoutes("Appointments").MapGet("/appointment-types", async (ISender sender, CancellationToken ct) =>
                (await sender.Send(new ListAppointmentTypes(null), ct)).ToHttpResult())
            .WithSummary("The practice group's appointment types, by name")
            .Produces<IReadOnlyList<AppointmentTypeResponse>>();
        app.MapPatientRoutes("Appointments").MapGet("/appointment-types", async (Guid? patientId, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ListAppointmentTypes(patientId ?? Guid.Empty), ct)).ToHttpResult(types =>
                    types.Select(t => new BookableAppointmentType(t.Id, t.Name, t.DurationMinutes, t.PriceCents)).ToList()))
            .WithSummary("The appointment types your practice lets you book online, by name")
            .Produces<IReadOnlyList<BookableAppointmentType>>();
    }
}

/// <summary>What a patient sees of a type they may book.</summary>
public sealed record BookableAppointmentType(Guid Id, string Name, int DurationMinutes, long PriceCents);

/// <param name="PatientRecord">Null for staff (every type); for a patient, the record they act for, and only types bookable online.</param>
public sealed record ListAppointmentTypes(Guid? PatientRecord) : IQuery<Result<IReadOnlyList<AppointmentTypeResponse>>>;

internal sealed class ListAppointmentTypesHandler(AppointmentsDbContext db, CallerPractice caller)
    : IQueryHandler<ListAppointmentTypes, Result<IReadOnlyList<AppointmentTypeResponse>>>
{
    public async ValueTask<Result<IReadOnlyList<AppointmentTypeResponse>>> Handle(ListAppointmentTypes query, CancellationToken cancellationToken)
    {
        var practice = await caller.PracticeGroupAsync(query.PatientRecord, cancellationToken);
        if (practice.IsFailure)
        {
            return practice.Error!;
        }

        var groupId = practice.Value;
        var onlineOnly = query.PatientRecord is not null;
        var types = await db.AppointmentTypes.AsNoTracking()
            .Where(t => t.PracticeGroupId == groupId && (!onlineOnly || t.BookableOnline))
            .OrderBy(t => t.Name)
            .ToListAsync(cancellationToken);
        return types.Select(AppointmentTypeResponse.From).ToList();
    }
}
