using System.Text;
using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Portal.Modules.Appointments.Data;
using Portal.Modules.Appointments.Features.Shared;
using Portal.Modules.Identity.Contracts;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.Appointments.Features;

/// <summary>The patient's appointment as a calendar file: the same entry the booking email attached, as it stands now.</summary>
public sealed class GetAppointmentCalendarEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPatientRoutes("Appointments").MapGet("/appointments/{id:guid}/calendar.ics", async (Guid id, Guid? patientId, ISender sender, CancellationToken ct) =>
            {
                var calendar = await sender.Send(new GetAppointmentCalendar(id, patientId), ct);
                return calendar.IsSuccess
                    ? Results.File(Encoding.UTF8.GetBytes(calendar.Value.Text), "text/calendar; charset=utf-8", AppointmentCalendar.FileName)
                    : calendar.Error!.ToProblem();
            })
            .WithSummary("Your appointment as an iCalendar file (text/calendar), in the location's time zone; a cancelled one is a cancellation")
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar")
            .ProducesProblem(StatusCodes.Status404NotFound);
}

public sealed record AppointmentCalendarFile(string Text);

/// <param name="PatientId">The <c>?patientId=</c> the patient acts for (null: their only record).</param>
public sealed record GetAppointmentCalendar(Guid AppointmentId, Guid? PatientId) : IQuery<Result<AppointmentCalendarFile>>;

internal sealed class GetAppointmentCalendarHandler(AppointmentsDbContext db, ChangeableAppointments appointments, IIdentityApi identity)
    : IQueryHandler<GetAppointmentCalendar, Result<AppointmentCalendarFile>>
{
    public async ValueTask<Result<AppointmentCalendarFile>> Handle(GetAppointmentCalendar query, CancellationToken cancellationToken)
    {
        // The patient's own appointment only: another patient's, or another group's, is not found.
        var found = await appointments.FindAsync(query.AppointmentId, query.PatientId ?? Guid.Empty, cancellationToken);
        if (found.IsFailure)
        {
            return found.Error!;
        }

        var facts = await AppointmentFacts.LoadAsync(db, identity, found.Value.Appointment, cancellationToken);
        return new AppointmentCalendarFile(AppointmentCalendar.Write(facts));
    }
}
