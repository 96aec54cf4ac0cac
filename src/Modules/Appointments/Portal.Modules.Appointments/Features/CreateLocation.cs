using Carter;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Portal.Modules.Appointments.Data;
using Portal.Modules.Appointments.Domain;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.Appointments.Features;

public sealed class CreateLocationEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPracticeAdminRoutes("Appointments").MapPost("/locations", async (LocationBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new CreateLocation(body.Name ?? "", body.Address ?? "", body.TimeZone ?? ""), ct))
                    .ToCreatedResult(l => $"/api/practice/locations/{l.Id}"))
            .WithSummary("Add a location of the practice group, with the IANA time zone its hours are kept in (e.g. Australia/Sydney)")
            .Produces<LocationResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
}

public sealed record CreateLocation(string Name, string Address, string TimeZone) : ICommand<Result<LocationResponse>>;

public sealed class CreateLocationValidator : AbstractValidator<CreateLocation>
{
    public CreateLocationValidator()
    {
        RuleFor(l => l.Name).NotEmpty().MaximumLength(200);
        RuleFor(l => l.Address).NotEmpty().MaximumLength(500);
        RuleFor(l => l.TimeZone).NotEmpty().MaximumLength(64);
    }
}

internal sealed class CreateLocationHandler(AppointmentsDbContext db, ICurrentUser currentUser)
    : ICommandHandler<CreateLocation, Result<LocationResponse>>
{
    public ValueTask<Result<LocationResponse>> Handle(CreateLocation command, CancellationToken cancellationToken)
    {
        var created = Location.Create(currentUser.StaffPracticeGroupId, command.Name, command.Address, command.TimeZone);
        if (created.IsFailure)
        {
            return ValueTask.FromResult<Result<LocationResponse>>(created.Error!);
        }

        db.Locations.Add(created.Value);
        return ValueTask.FromResult<Result<LocationResponse>>(LocationResponse.From(created.Value));
    }
}
