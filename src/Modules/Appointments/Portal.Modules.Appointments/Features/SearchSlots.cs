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
using Portal.Modules.PatientProfile.Contracts;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.Appointments.Features;

public sealed class SearchSlotsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPatientRoutes("Appointments").MapGet("/appointment-slots",
                async (Guid? patientId, Guid practitionerId, Guid appointmentTypeId, DateOnly from, DateOnly to, Guid? locationId, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new SearchSlots(patientId, practitionerId, appointmentTypeId, from, to, locationId), ct)).ToHttpResult())
            .WithSummary("Free times to book a practitioner for an appointment type between two local dates (inclusive, at most 31 days), in each location's zone")
            .Produces<IReadOnlyList<SlotResponse>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}

public sealed record SlotResponse(DateTimeOffset Start, DateTimeOffset End, Guid LocationId, string TimeZone);

public sealed record SearchSlots(Guid? PatientId, Guid PractitionerId, Guid AppointmentTypeId, DateOnly From, DateOnly To, Guid? LocationId)
    : IQuery<Result<IReadOnlyList<SlotResponse>>>;

public sealed class SearchSlotsValidator : AbstractValidator<SearchSlots>
{
    public const int MaxDays = 31;

    public SearchSlotsValidator()
    {
        RuleFor(s => s.To).GreaterThanOrEqualTo(s => s.From).WithMessage("The last date must not be before the first.");
    }
}

internal sealed class SearchSlotsHandler(AppointmentsDbContext db, IPortalPatients portalPatients, PracticeStaff staff, PracticeBookingRules bookingRules, TimeProvider clock)
    : IQueryHandler<SearchSlots, Result<IReadOnlyList<SlotResponse>>>
{
    public async ValueTask<Result<IReadOnlyList<SlotResponse>>> Handle(SearchSlots query, CancellationToken cancellationToken)
    {
        if (query.To.DayNumber - query.From.DayNumber + 1 > SearchSlotsValidator.MaxDays)
        {
            return AppointmentErrors.RangeTooLong;
        }

        var selected = await portalPatients.SelectAsync(query.PatientId, cancellationToken);
        if (selected.IsFailure)
        {
            return selected.Error!;
        }

        var groupId = selected.Value.PracticeGroupId;
        var rules = await bookingRules.ForAsync(groupId, cancellationToken);
        var type = await db.AppointmentTypes.AsNoTracking()
            .SingleOrDefaultAsync(t => t.Id == query.AppointmentTypeId && t.PracticeGroupId == groupId && t.BookableOnline, cancellationToken);
        if (type is null)
        {
            return AppointmentErrors.AppointmentTypeNotFound;
        }

        var practitioner = await staff.FindAsync(groupId, query.PractitionerId, cancellationToken);
        if (practitioner.IsFailure)
        {
            return practitioner.Error!;
        }

        if (!rules.OnlineBooking)
        {
            return Result<IReadOnlyList<SlotResponse>>.Success([]);
        }

        var hoursAtLocations = await HoursAtLocation.OfAsync(db, groupId, query.PractitionerId, query.LocationId, cancellationToken);

        // What is busy over the dates in any zone (a day either side covers every offset), read once.
        var dates = new DateInterval(LocalDate.FromDateOnly(query.From), LocalDate.FromDateOnly(query.To));
        var busyFrom = dates.Start.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() - Duration.FromDays(2);
        var busyTo = dates.End.PlusDays(2).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
        var appointments = await db.Appointments.AsNoTracking()
            .Where(a => a.PractitionerId == query.PractitionerId && a.Status != AppointmentStatus.Cancelled && a.Start >= busyFrom && a.Start < busyTo)
            .Select(a => new { a.Start, a.End, a.BufferAfter })
            .ToListAsync(cancellationToken);
        var timeOff = await db.TimeOff.AsNoTracking()
            .Where(t => t.PractitionerId == query.PractitionerId && t.Start < busyTo && t.End > busyFrom)
            .Select(t => new { t.Start, t.End })
            .ToListAsync(cancellationToken);
        var busy = appointments.Select(a => new Interval(a.Start, a.End + a.BufferAfter)).Concat(timeOff.Select(t => new Interval(t.Start, t.End))).ToList();

        var now = clock.GetUtcNow().ToInstant();
        var slots = new List<SlotResponse>();
        foreach (var hours in hoursAtLocations)
        {
            var (location, zone) = (hours.Location, hours.Location.Zone);
            slots.AddRange(hours.Search(busy).FreeSlots(dates, type.Length, type.BufferAfter, rules.EarliestPatientStart(now), rules.PatientStartsBefore(now, zone))
                .Select(s => new SlotResponse(s.Start.InZone(zone).ToDateTimeOffset(), s.End.InZone(zone).ToDateTimeOffset(), location.Id, location.TimeZoneId)));
        }

        return slots.OrderBy(s => s.Start).ToList();
    }
}
