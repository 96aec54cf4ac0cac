using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.Appointments.Data;
using Portal.Modules.Appointments.Domain;
using Portal.Modules.Appointments.Features.Shared;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.Appointments.Features;

public sealed class GetPracticeAppointmentEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPracticeRoutes("Appointments").MapGet("/appointments/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetPracticeAppointment(id), ct)).ToHttpResult())
            .WithSummary("One appointment of the practice, with the patient's name and, once cancelled, the reason given")
            .Produces<AppointmentResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}

public sealed record GetPracticeAppointment(Guid AppointmentId) : IQuery<Result<AppointmentResponse>>;

/// <summary>Reading one appointment reads a patient's record: it is in their access log. Another group's is not found.</summary>
internal sealed class GetPracticeAppointmentHandler(AppointmentsDbContext db, AppointmentViews views, AppointmentNotices notices, ICurrentUser currentUser)
    : IQueryHandler<GetPracticeAppointment, Result<AppointmentResponse>>
{
    public async ValueTask<Result<AppointmentResponse>> Handle(GetPracticeAppointment query, CancellationToken cancellationToken)
    {
        var groupId = currentUser.StaffPracticeGroupId;
        var appointment = await db.AppointmentsOf(groupId).AsNoTracking().SingleOrDefaultAsync(a => a.Id == query.AppointmentId, cancellationToken);
        if (appointment is null)
        {
            return AppointmentErrors.NotFound;
        }

        notices.AppointmentsViewed(appointment.PatientId, groupId);
        await db.SaveChangesAsync(cancellationToken);
        return (await views.WithPatientNamesAsync(groupId, [await views.ForAsync(appointment, cancellationToken)], cancellationToken))[0];
    }
}
