using Carter;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.Appointments.Data;
using Portal.Modules.Appointments.Domain;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.Appointments.Features;

public sealed class UpdateLocationEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPracticeAdminRoutes("Appointments").MapPut("/locations/{id:guid}", async (Guid id, LocationBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new UpdateLocation(id, body.Name ?? "", body.Address ?? "", body.TimeZone ?? ""), ct)).ToHttpResult())
            .WithSummary("Change a location's name, address or time zone (booked appointments keep their instants)")
            .Produces<LocationResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}

public sealed record UpdateLocation(Guid Id, string Name, string Address, string TimeZone) : ICommand<Result<LocationResponse>>;

public sealed class UpdateLocationValidator : AbstractValidator<UpdateLocation>
{
    public UpdateLocationValidator()
    {
        RuleFor(l => l.Name).NotEmpty().MaximumLength(200);
        RuleFor(l => l.Address).NotEmpty().MaximumLength(500);
        RuleFor(l => l.TimeZone).NotEmpty().MaximumLength(64);
    }
}

internal sealed class UpdateLocationHandler(AppointmentsDbContext db, ICurrentUser currentUser)
    : ICommandHandler<UpdateLocation, Result<LocationResponse>>
{
    public async ValueTask<Result<LocationResponse>> Handle(UpdateLocation command, CancellationToken cancellationToken)
    {
        var location = await db.Locations.SingleOrDefaultAsync(
            l => l.Id == command.Id && l.PracticeGroupId == currentUser.StaffPracticeGroupId, cancellationToken);
        if (location is null)
        {
            return AppointmentErrors.LocationNotFound;   // another group's location too
        }

        var changed = location.Change(command.Name, command.Address, command.TimeZone);
        return changed.IsSuccess ? LocationResponse.From(location) : changed.Error!;
    }
}
