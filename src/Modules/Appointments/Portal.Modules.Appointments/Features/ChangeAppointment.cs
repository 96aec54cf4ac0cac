using Carter;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Extensions;
using Portal.Modules.Appointments.Contracts;
using Portal.Modules.Appointments.Data;
using Portal.Modules.Appointments.Domain;
using Portal.Modules.Appointments.Features.Shared;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.Appointments.Features;

/// <summary>Cancelling and rescheduling, by the patient (within the practice's online rules) or by the practice.</summary>
public sealed class ChangeAppointmentEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var portal = app.MapPatientRoutes("Appointments");
        portal.MapPost("/appointments/{id:guid}/cancel", async (Guid id, Guid? patientId, CancelBody? body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new CancelAppointment(id, patientId ?? Guid.Empty, body?.Reason), ct)).ToHttpResult())
            .WithSummary("Cancel your appointment: until the practice's notice period begins, and always just after booking")
            .Produces<AppointmentResponse>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        portal.MapPost("/appointments/{id:guid}/reschedule", async (Guid id, Guid? patientId, RescheduleBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RescheduleAppointment(id, patientId ?? Guid.Empty, body.Start), ct)).ToHttpResult())
            .WithSummary("Move your appointment to another free time: the old time is released only if the new one is taken")
            .Produces<AppointmentResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        var practice = app.MapPracticeRoutes("Appointments");
        practice.MapPost("/appointments/{id:guid}/cancel", async (Guid id, CancelBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new CancelAppointment(id, null, body.Reason), ct)).ToHttpResult())
            .WithSummary("Cancel a patient's appointment, with the reason the patient is told")
            .Produces<AppointmentResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        practice.MapPost("/appointments/{id:guid}/reschedule", async (Guid id, RescheduleBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RescheduleAppointment(id, null, body.Start), ct)).ToHttpResult())
            .WithSummary("Move a patient's appointment (inside the lead time too, never over another)")
            .Produces<AppointmentResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        practice.MapPost("/appointments/{id:guid}/status", async (Guid id, AttendanceBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RecordAttendance(id, body.Status), ct)).ToHttpResult())
            .WithSummary("Mark an appointment arrived, completed or did not attend")
            .Produces<AppointmentResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}

public sealed record CancelBody(string? Reason);

public sealed record RescheduleBody(DateTimeOffset? Start);

public sealed record AttendanceBody(AppointmentStatus? Status);

/// <param name="PortalPatientId">For a patient: the record they act for (<see cref="Guid.Empty"/>: their only one); null for the practice.</param>
public sealed record CancelAppointment(Guid AppointmentId, Guid? PortalPatientId, string? Reason) : ICommand<Result<AppointmentResponse>>;

public sealed record RescheduleAppointment(Guid AppointmentId, Guid? PortalPatientId, DateTimeOffset? Start) : ICommand<Result<AppointmentResponse>>;

public sealed record RecordAttendance(Guid AppointmentId, AppointmentStatus? Status) : ICommand<Result<AppointmentResponse>>;

public sealed class CancelAppointmentValidator : AbstractValidator<CancelAppointment>
{
    public CancelAppointmentValidator()
    {
        RuleFor(c => c.Reason).MaximumLength(500);
        RuleFor(c => c.Reason).NotEmpty().When(c => c.PortalPatientId is null).WithMessage("Say why, for the patient's email.");
    }
}

public sealed class RescheduleAppointmentValidator : AbstractValidator<RescheduleAppointment>
{
    public RescheduleAppointmentValidator() =>
        RuleFor(r => r.Start).NotNull().WithMessage("Give the new start as an ISO-8601 date and time with its offset, as the slot search gives it.");
}

public sealed class RecordAttendanceValidator : AbstractValidator<RecordAttendance>
{
    public RecordAttendanceValidator() =>
        RuleFor(r => r.Status).NotNull().Must(s => s is AppointmentStatus.Arrived or AppointmentStatus.Completed or AppointmentStatus.DidNotAttend)
            .WithMessage("Use arrived, completed or didNotAttend.");
}

/// <summary>Finds the appointment a caller may change: the patient's own, or one of the practitioner's group (404 otherwise).</summary>
internal sealed class ChangeableAppointments(AppointmentsDbContext db, IPortalPatients portalPatients, ICurrentUser currentUser)
{
    public async Task<Result<(Appointment Appointment, Booker By)>> FindAsync(Guid appointmentId, Guid? portalPatientId, CancellationToken cancellationToken)
    {
        if (portalPatientId is null)
        {
            var groupId = currentUser.StaffPracticeGroupId;
            var ours = await db.Appointments.SingleOrDefaultAsync(a => a.Id == appointmentId && a.PracticeGroupId == groupId, cancellationToken);
            return ours is null ? AppointmentErrors.NotFound : (ours, Booker.Staff);
        }

        var selected = await portalPatients.SelectAsync(portalPatientId == Guid.Empty ? null : portalPatientId, cancellationToken);
        if (selected.IsFailure)
        {
            return selected.Error!;
        }

        var patientId = selected.Value.PatientId;
        var mine = await db.Appointments.SingleOrDefaultAsync(a => a.Id == appointmentId && a.PatientId == patientId, cancellationToken);
        return mine is null ? AppointmentErrors.NotFound : (mine, Booker.Patient);
    }
}

internal sealed class CancelAppointmentHandler(AppointmentsDbContext db, ChangeableAppointments appointments, PracticeBookingRules bookingRules,
    AppointmentViews views, AppointmentNotices notices, IIdentityApi identity, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<CancelAppointment, Result<AppointmentResponse>>
{
    public async ValueTask<Result<AppointmentResponse>> Handle(CancelAppointment command, CancellationToken cancellationToken)
    {
        var found = await appointments.FindAsync(command.AppointmentId, command.PortalPatientId, cancellationToken);
        if (found.IsFailure)
        {
            return found.Error!;
        }

        var (appointment, by) = found.Value;
        var now = clock.GetUtcNow().ToInstant();
        if (by == Booker.Patient)
        {
            var allowed = appointment.PatientMayChange(await bookingRules.ForAsync(appointment.PracticeGroupId, cancellationToken), now);
            if (allowed.IsFailure)
            {
                return allowed.Error!;
            }
        }

        var cancelled = appointment.Cancel(currentUser.UserId, command.Reason, now);
        if (cancelled.IsFailure)
        {
            return cancelled.Error!;
        }

        // Its time is free again at once: the units go in the same save as the cancellation.
        db.OccupiedTimeUnits.RemoveRange(await db.OccupiedTimeUnits.Where(u => u.AppointmentId == appointment.Id).ToListAsync(cancellationToken));
        await notices.CancelledAsync(await AppointmentFacts.LoadAsync(db, identity, appointment, cancellationToken), by, cancellationToken);
        return await views.ForAsync(appointment, cancellationToken);
    }
}

internal sealed class RescheduleAppointmentHandler(ChangeableAppointments appointments, Booking booking, PracticeBookingRules bookingRules, AppointmentViews views, TimeProvider clock)
    : ICommandHandler<RescheduleAppointment, Result<AppointmentResponse>>
{
    public async ValueTask<Result<AppointmentResponse>> Handle(RescheduleAppointment command, CancellationToken cancellationToken)
    {
        var found = await appointments.FindAsync(command.AppointmentId, command.PortalPatientId, cancellationToken);
        if (found.IsFailure)
        {
            return found.Error!;
        }

        var (appointment, by) = found.Value;
        var rules = await bookingRules.ForAsync(appointment.PracticeGroupId, cancellationToken);
        if (by == Booker.Patient)
        {
            var allowed = appointment.PatientMayChange(rules, clock.GetUtcNow().ToInstant());
            if (allowed.IsFailure)
            {
                return allowed.Error!;
            }
        }

        var moved = await booking.MoveAsync(appointment, Instant.FromDateTimeOffset(command.Start!.Value), by, rules, cancellationToken);
        return moved.IsSuccess ? await views.ForAsync(moved.Value.Appointment, cancellationToken) : moved.Error!;
    }
}

internal sealed class RecordAttendanceHandler(ChangeableAppointments appointments, AppointmentViews views, AppointmentNotices notices)
    : ICommandHandler<RecordAttendance, Result<AppointmentResponse>>
{
    public async ValueTask<Result<AppointmentResponse>> Handle(RecordAttendance command, CancellationToken cancellationToken)
    {
        var found = await appointments.FindAsync(command.AppointmentId, null, cancellationToken);
        if (found.IsFailure)
        {
            return found.Error!;
        }

        var changed = found.Value.Appointment.SetAttendance(command.Status!.Value);
        if (changed.IsSuccess)
        {
            notices.AttendanceRecorded(found.Value.Appointment);
        }

        return changed.IsSuccess ? await views.ForAsync(found.Value.Appointment, cancellationToken) : changed.Error!;
    }
}
