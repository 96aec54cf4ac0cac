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
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.Appointments.Features;

public sealed class TimeOffEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var practice = app.MapPracticeRoutes("Appointments");
        practice.MapPost("/practitioners/{id:guid}/time-off", async (Guid id, TimeOffBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new AddTimeOff(id, body.Start, body.End, body.Reason), ct))
                    .ToCreatedResult(t => $"/api/practice/practitioners/{id}/time-off/{t.Id}"))
            .WithSummary("Block a practitioner's time (leave, a meeting): no slot is offered in it, and the appointments it overlaps are listed for the practice to move or cancel")
            .Produces<TimeOffResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        practice.MapGet("/practitioners/{id:guid}/time-off", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ListTimeOff(id), ct)).ToHttpResult())
            .WithSummary("A practitioner's time off not yet over, soonest first (at most 100), on the clock of their first location")
            .Produces<IReadOnlyList<TimeOffEntry>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        practice.MapDelete("/practitioners/{id:guid}/time-off/{timeOffId:guid}", async (Guid id, Guid timeOffId, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RemoveTimeOff(id, timeOffId), ct)).ToNoContentResult())
            .WithSummary("Give the time back")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}

public sealed record TimeOffBody(DateTimeOffset? Start, DateTimeOffset? End, string? Reason);

/// <param name="Affected">The booked appointments inside it: they stay booked until someone moves or cancels them.</param>
public sealed record TimeOffResponse(Guid Id, DateTimeOffset Start, DateTimeOffset End, string? Reason, IReadOnlyList<AppointmentResponse> Affected);

/// <param name="TimeZone">The zone <see cref="Start"/> and <see cref="End"/> are written in: the practitioner's first location's (UTC without one).</param>
public sealed record TimeOffEntry(Guid Id, DateTimeOffset Start, DateTimeOffset End, string? Reason, string TimeZone);

public sealed record ListTimeOff(Guid PractitionerId) : IQuery<Result<IReadOnlyList<TimeOffEntry>>>;

public sealed record AddTimeOff(Guid PractitionerId, DateTimeOffset? Start, DateTimeOffset? End, string? Reason) : ICommand<Result<TimeOffResponse>>;

public sealed record RemoveTimeOff(Guid PractitionerId, Guid TimeOffId) : ICommand<Result>;

public sealed class AddTimeOffValidator : AbstractValidator<AddTimeOff>
{
    public AddTimeOffValidator()
    {
        RuleFor(t => t.Start).NotNull();
        RuleFor(t => t.End).NotNull().GreaterThan(t => t.Start).WithMessage("The time off must end after it starts.");
        RuleFor(t => t).Must(t => t.Start is null || t.End is null || t.End.Value - t.Start.Value <= TimeSpan.FromDays(366))
            .WithName("end").WithMessage("At most a year at a time.");
        RuleFor(t => t.Reason).MaximumLength(500);
    }
}

internal sealed class AddTimeOffHandler(AppointmentsDbContext db, PracticeStaff staff, AppointmentViews views, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<AddTimeOff, Result<TimeOffResponse>>
{
    public async ValueTask<Result<TimeOffResponse>> Handle(AddTimeOff command, CancellationToken cancellationToken)
    {
        var keeper = await staff.ScheduleKeeperAsync(command.PractitionerId, cancellationToken);
        if (keeper.IsFailure)
        {
            return keeper.Error!;
        }

        var groupId = currentUser.StaffPracticeGroupId;
        var interval = new Interval(Instant.FromDateTimeOffset(command.Start!.Value), Instant.FromDateTimeOffset(command.End!.Value));
        var timeOff = TimeOff.Create(groupId, command.PractitionerId, interval, command.Reason, currentUser.UserId, clock.GetUtcNow().ToInstant());
        db.TimeOff.Add(timeOff);
        var affected = await db.AppointmentsOf(groupId).AsNoTracking()
            .Where(a => a.PractitionerId == command.PractitionerId && a.Status == AppointmentStatus.Booked && a.Start < interval.End && a.End > interval.Start)
            .OrderBy(a => a.Start)
            .ToListAsync(cancellationToken);
        return new TimeOffResponse(timeOff.Id, command.Start.Value, command.End.Value, timeOff.Reason, await views.ForAsync(groupId, affected, cancellationToken));
    }
}

internal sealed class RemoveTimeOffHandler(AppointmentsDbContext db, PracticeStaff staff, ICurrentUser currentUser)
    : ICommandHandler<RemoveTimeOff, Result>
{
    public async ValueTask<Result> Handle(RemoveTimeOff command, CancellationToken cancellationToken)
    {
        var keeper = await staff.ScheduleKeeperAsync(command.PractitionerId, cancellationToken);
        if (keeper.IsFailure)
        {
            return keeper.Error!;
        }

        var groupId = currentUser.StaffPracticeGroupId;
        var timeOff = await db.TimeOff.SingleOrDefaultAsync(
            t => t.Id == command.TimeOffId && t.PractitionerId == command.PractitionerId && t.PracticeGroupId == groupId, cancellationToken);
        if (timeOff is null)
        {
            return AppointmentErrors.TimeOffNotFound;
        }

        db.TimeOff.Remove(timeOff);
        return Result.Success();
    }
}

/// <summary>Any practitioner of the group may read a colleague's time off, as they read their hours; another group's is not found.</summary>
internal sealed class ListTimeOffHandler(AppointmentsDbContext db, PracticeStaff staff, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<ListTimeOff, Result<IReadOnlyList<TimeOffEntry>>>
{
    public const int Most = 100;

    public async ValueTask<Result<IReadOnlyList<TimeOffEntry>>> Handle(ListTimeOff query, CancellationToken cancellationToken)
    {
        var groupId = currentUser.StaffPracticeGroupId;
        var found = await staff.FindAsync(groupId, query.PractitionerId, cancellationToken);
        if (found.IsFailure)
        {
            return found.Error!;
        }

        var now = clock.GetUtcNow().ToInstant();
        var offs = await db.TimeOff.AsNoTracking()
            .Where(t => t.PractitionerId == query.PractitionerId && t.PracticeGroupId == groupId && t.End > now)
            .OrderBy(t => t.Start)
            .Take(Most)
            .ToListAsync(cancellationToken);
        var zone = (await HoursAtLocation.OfAsync(db, groupId, query.PractitionerId, null, cancellationToken))
            .Select(h => h.Location).OrderBy(l => l.Name, StringComparer.Ordinal).FirstOrDefault()?.Zone ?? DateTimeZone.Utc;
        return offs.Select(t => new TimeOffEntry(t.Id, t.Start.InZone(zone).ToDateTimeOffset(), t.End.InZone(zone).ToDateTimeOffset(), t.Reason, zone.Id)).ToList();
    }
}
