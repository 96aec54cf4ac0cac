using Carter;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;
using Portal.Modules.Appointments.Features.Shared;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.Appointments.Features;

public sealed class BookAppointmentEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapPatientRoutes("Appointments").MapPost("/appointments", async (Guid? patientId, PatientBookingBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new BookAppointment(patientId, null, body.PractitionerId, body.AppointmentTypeId, body.LocationId, body.Start), ct))
                    .ToCreatedResult(a => $"/api/portal/appointments/{a.Id}"))
            .WithSummary("Book an appointment: a free time from the slot search, in the practice's online booking rules")
            .Produces<AppointmentResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        app.MapPracticeRoutes("Appointments").MapPost("/appointments", async (StaffBookingBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new BookAppointment(null, body.PatientId, body.PractitionerId, body.AppointmentTypeId, body.LocationId, body.Start), ct))
                    .ToCreatedResult(a => $"/api/practice/appointments/{a.Id}"))
            .WithSummary("Book an appointment for a patient of the practice (inside the lead time too, never over another)")
            .Produces<AppointmentResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }
}

public sealed record PatientBookingBody(Guid PractitionerId, Guid AppointmentTypeId, DateTimeOffset? Start, Guid? LocationId);

public sealed record StaffBookingBody(Guid PatientId, Guid PractitionerId, Guid AppointmentTypeId, Guid? LocationId, DateTimeOffset? Start);

/// <param name="PortalPatientId">For a patient's booking: the <c>?patientId=</c> they act for (null: their only record).</param>
/// <param name="StaffPatientId">For staff booking: the patient of their practice.</param>
public sealed record BookAppointment(Guid? PortalPatientId, Guid? StaffPatientId, Guid PractitionerId, Guid AppointmentTypeId, Guid? LocationId, DateTimeOffset? Start)
    : ICommand<Result<AppointmentResponse>>;

public sealed class BookAppointmentValidator : AbstractValidator<BookAppointment>
{
    public BookAppointmentValidator()
    {
        RuleFor(b => b.PractitionerId).NotEmpty();
        RuleFor(b => b.AppointmentTypeId).NotEmpty();
        RuleFor(b => b.Start).NotNull().WithMessage("Give the start as an ISO-8601 date and time with its offset, as the slot search gives it.");
        RuleFor(b => b.StaffPatientId).NotEqual(Guid.Empty);
    }
}

internal sealed class BookAppointmentHandler(Booking booking, PracticeBookingRules bookingRules, IPortalPatients portalPatients, IPatientDirectory patients, ICurrentUser currentUser)
    : ICommandHandler<BookAppointment, Result<AppointmentResponse>>
{
    public async ValueTask<Result<AppointmentResponse>> Handle(BookAppointment command, CancellationToken cancellationToken)
    {
        Guid groupId, patientId;
        Booker by;
        if (command.StaffPatientId is { } staffPatient)
        {
            groupId = currentUser.StaffPracticeGroupId;
            if (await patients.FindAsync(groupId, staffPatient, cancellationToken) is null)
            {
                return PatientRecordErrors.NotFound;   // another group's patient too
            }

            (patientId, by) = (staffPatient, Booker.Staff);
        }
        else
        {
            var selected = await portalPatients.SelectAsync(command.PortalPatientId, cancellationToken);
            if (selected.IsFailure)
            {
                return selected.Error!;
            }

            (groupId, patientId, by) = (selected.Value.PracticeGroupId, selected.Value.PatientId, Booker.Patient);
        }

        var rules = await bookingRules.ForAsync(groupId, cancellationToken);
        var booked = await booking.BookAsync(
            new BookingRequest(groupId, patientId, command.PractitionerId, command.AppointmentTypeId, command.LocationId, Instant.FromDateTimeOffset(command.Start!.Value), by),
            rules, cancellationToken);
        return booked.IsSuccess
            ? AppointmentResponse.From(booked.Value.Appointment, booked.Value.PractitionerName, booked.Value.Type, booked.Value.Location, rules)
            : booked.Error!;
    }
}
