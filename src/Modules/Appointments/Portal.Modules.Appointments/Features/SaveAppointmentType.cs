using Carter;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Portal.Modules.Appointments.Data;
using Portal.Modules.Appointments.Domain;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.Appointments.Features;

public sealed class SaveAppointmentTypeEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var admins = app.MapPracticeAdminRoutes("Appointments");
        admins.MapPost("/appointment-types", async (AppointmentTypeBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(SaveAppointmentType.From(null, body), ct)).ToCreatedResult(t => $"/api/practice/appointment-types/{t.Id}"))
            .WithSummary("Add an appointment type: its length and the buffer kept free after it (whole 5-minute steps), its price in cents, whether patients may book it online and whether new patients may")
            .Produces<AppointmentTypeResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        admins.MapPut("/appointment-types/{id:guid}", async (Guid id, AppointmentTypeBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(SaveAppointmentType.From(id, body), ct)).ToHttpResult())
            .WithSummary("Change an appointment type; appointments already booked keep their length and buffer")
            .Produces<AppointmentTypeResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}

/// <param name="Id">Null to add a new type.</param>
public sealed record SaveAppointmentType(Guid? Id, string Name, int? DurationMinutes, int? BufferMinutes, long? PriceCents, bool? BookableOnline, bool? NewPatients)
    : ICommand<Result<AppointmentTypeResponse>>
{
    internal static SaveAppointmentType From(Guid? id, AppointmentTypeBody body) =>
        new(id, body.Name ?? "", body.DurationMinutes, body.BufferMinutes, body.PriceCents, body.BookableOnline, body.NewPatients);
}

public sealed class SaveAppointmentTypeValidator : AbstractValidator<SaveAppointmentType>
{
    public SaveAppointmentTypeValidator()
    {
        var unit = (int)TimeUnits.Length.TotalMinutes;
        RuleFor(t => t.Name).NotEmpty().MaximumLength(200);
        RuleFor(t => t.DurationMinutes).NotNull().InclusiveBetween(unit, 8 * 60)
            .Must(m => m % unit == 0).WithMessage($"Use whole {unit}-minute steps.");
        RuleFor(t => t.BufferMinutes).NotNull().InclusiveBetween(0, 120)
            .Must(m => m % unit == 0).WithMessage($"Use whole {unit}-minute steps.");
        RuleFor(t => t.PriceCents).NotNull().InclusiveBetween(0, 100_000_00);
        RuleFor(t => t.BookableOnline).NotNull();
        RuleFor(t => t.NewPatients).NotNull();
    }
}

internal sealed class SaveAppointmentTypeHandler(AppointmentsDbContext db, ICurrentUser currentUser)
    : ICommandHandler<SaveAppointmentType, Result<AppointmentTypeResponse>>
{
    public async ValueTask<Result<AppointmentTypeResponse>> Handle(SaveAppointmentType command, CancellationToken cancellationToken)
    {
        var groupId = currentUser.StaffPracticeGroupId;
        var length = Duration.FromMinutes(command.DurationMinutes!.Value);
        var buffer = Duration.FromMinutes(command.BufferMinutes!.Value);
        if (command.Id is not { } id)
        {
            var created = AppointmentType.Create(groupId, command.Name, length, buffer, command.PriceCents!.Value, command.BookableOnline!.Value, command.NewPatients!.Value);
            db.AppointmentTypes.Add(created);
            return AppointmentTypeResponse.From(created);
        }

        var type = await db.AppointmentTypes.SingleOrDefaultAsync(t => t.Id == id && t.PracticeGroupId == groupId, cancellationToken);
        if (type is null)
        {
            return AppointmentErrors.AppointmentTypeNotFound;
        }

        type.Change(command.Name, length, buffer, command.PriceCents!.Value, command.BookableOnline!.Value, command.NewPatients!.Value);
        return AppointmentTypeResponse.From(type);
    }
}
