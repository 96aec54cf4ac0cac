using Carter;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Extensions;
using NodaTime.Utility;
using NodaTime.Text;
using Portal.Modules.Appointments.Data;
using Portal.Modules.Appointments.Domain;
using Portal.Modules.Appointments.Features.Shared;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.Appointments.Features;

public sealed class AvailabilityEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var practice = app.MapPracticeRoutes("Appointments");
        practice.MapGet("/practitioners/{id:guid}/availability", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetAvailability(id), ct)).ToHttpResult())
            .WithSummary("A practitioner's weekly hours at the group's locations (wall-clock times in each location's zone)")
            .Produces<AvailabilityResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        practice.MapPut("/practitioners/{id:guid}/availability", async (Guid id, AvailabilityBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new SetAvailability(id, body.Weekly ?? []), ct)).ToHttpResult())
            .WithSummary("Replace a practitioner's weekly hours: the practitioner themselves or a practice admin")
            .Produces<AvailabilityResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}

/// <summary>One row of weekly hours: <c>dayOfWeek</c> <c>monday</c>…<c>sunday</c>, <c>start</c>/<c>end</c> <c>"09:00"</c>, optional dates <c>YYYY-MM-DD</c>.</summary>
public sealed record WeeklyHoursBody(Guid LocationId, DayOfWeek? DayOfWeek, string? Start, string? End, DateOnly? ValidFrom, DateOnly? ValidTo);

public sealed record AvailabilityBody(IReadOnlyList<WeeklyHoursBody>? Weekly);

public sealed record AvailabilityResponse(Guid PractitionerId, IReadOnlyList<WeeklyHoursBody> Weekly);

public sealed record GetAvailability(Guid PractitionerId) : IQuery<Result<AvailabilityResponse>>;

public sealed record SetAvailability(Guid PractitionerId, IReadOnlyList<WeeklyHoursBody> Weekly) : ICommand<Result<AvailabilityResponse>>;

public sealed class SetAvailabilityValidator : AbstractValidator<SetAvailability>
{
    public SetAvailabilityValidator()
    {
        RuleFor(a => a.Weekly).Must(w => w.Count <= 100).WithMessage("At most 100 rows of weekly hours.");
        RuleForEach(a => a.Weekly).ChildRules(row =>
        {
            row.RuleFor(r => r.LocationId).NotEmpty();
            row.RuleFor(r => r.DayOfWeek).NotNull().IsInEnum();
            row.RuleFor(r => r.Start).NotEmpty().Must(AvailabilityRows.IsTime).WithMessage("Give a time as HH:mm, e.g. 09:00.");
            row.RuleFor(r => r.End).NotEmpty().Must(AvailabilityRows.IsTime).WithMessage("Give a time as HH:mm, e.g. 17:00.");
            row.RuleFor(r => r).Must(r => !AvailabilityRows.IsTime(r.Start) || !AvailabilityRows.IsTime(r.End) || AvailabilityRows.Time(r.Start!) < AvailabilityRows.Time(r.End!))
                .WithName("end").WithMessage("The hours must end after they start (on the same day).");
            row.RuleFor(r => r).Must(r => r.ValidFrom is null || r.ValidTo is null || r.ValidFrom <= r.ValidTo)
                .WithName("validTo").WithMessage("The last date must not be before the first.");
        });
    }
}

/// <summary>The wire form of weekly hours and back.</summary>
internal static class AvailabilityRows
{
    private static readonly LocalTimePattern HoursAndMinutes = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    public static bool IsTime(string? text) => text is not null && HoursAndMinutes.Parse(text).Success && Time(text).Minute % 5 == 0;

    public static LocalTime Time(string text) => HoursAndMinutes.Parse(text).Value;

    public static WeeklyHoursBody ToBody(AvailabilityRule rule) => new(
        rule.LocationId, BclConversions.ToDayOfWeek(rule.Day), HoursAndMinutes.Format(rule.Start), HoursAndMinutes.Format(rule.End),
        rule.ValidFrom?.ToDateOnly(), rule.ValidTo?.ToDateOnly());

    public static WeeklyHours ToHours(WeeklyHoursBody body) => new(
        body.DayOfWeek!.Value.ToIsoDayOfWeek(), Time(body.Start!), Time(body.End!),
        body.ValidFrom is { } from ? LocalDate.FromDateOnly(from) : null, body.ValidTo is { } to ? LocalDate.FromDateOnly(to) : null);

    public static AvailabilityResponse Response(Guid practitionerId, IEnumerable<AvailabilityRule> rules) =>
        new(practitionerId, rules.OrderBy(r => r.Day).ThenBy(r => r.Start).ThenBy(r => r.LocationId).Select(ToBody).ToList());
}

internal sealed class GetAvailabilityHandler(AppointmentsDbContext db, PracticeStaff staff, ICurrentUser currentUser)
    : IQueryHandler<GetAvailability, Result<AvailabilityResponse>>
{
    public async ValueTask<Result<AvailabilityResponse>> Handle(GetAvailability query, CancellationToken cancellationToken)
    {
        var groupId = currentUser.StaffPracticeGroupId;
        var practitioner = await staff.FindAsync(groupId, query.PractitionerId, cancellationToken);
        if (practitioner.IsFailure)
        {
            return practitioner.Error!;
        }

        var rules = await db.AvailabilityRules.AsNoTracking()
            .Where(r => r.PractitionerId == query.PractitionerId && r.PracticeGroupId == groupId).ToListAsync(cancellationToken);
        return AvailabilityRows.Response(query.PractitionerId, rules);
    }
}

internal sealed class SetAvailabilityHandler(AppointmentsDbContext db, PracticeStaff staff, ICurrentUser currentUser)
    : ICommandHandler<SetAvailability, Result<AvailabilityResponse>>
{
    public async ValueTask<Result<AvailabilityResponse>> Handle(SetAvailability command, CancellationToken cancellationToken)
    {
        var keeper = await staff.ScheduleKeeperAsync(command.PractitionerId, cancellationToken);
        if (keeper.IsFailure)
        {
            return keeper.Error!;
        }

        var groupId = currentUser.StaffPracticeGroupId;
        var locationIds = command.Weekly.Select(w => w.LocationId).Distinct().ToList();
        var known = await db.Locations.Where(l => l.PracticeGroupId == groupId && locationIds.Contains(l.Id)).CountAsync(cancellationToken);
        if (known != locationIds.Count)
        {
            return AppointmentErrors.LocationNotFound;   // another group's location is no location of ours
        }

        // Replaced as a whole: the week is what the form shows, row for row.
        var old = await db.AvailabilityRules.Where(r => r.PractitionerId == command.PractitionerId && r.PracticeGroupId == groupId).ToListAsync(cancellationToken);
        db.AvailabilityRules.RemoveRange(old);
        var rules = command.Weekly.Select(w => AvailabilityRule.Create(groupId, command.PractitionerId, w.LocationId, AvailabilityRows.ToHours(w))).ToList();
        db.AvailabilityRules.AddRange(rules);
        return AvailabilityRows.Response(command.PractitionerId, rules);
    }
}
