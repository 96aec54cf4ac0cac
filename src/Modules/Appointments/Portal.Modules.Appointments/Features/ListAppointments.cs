using System.Linq.Expressions;
using Carter;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Extensions;
using NodaTime.Text;
using Portal.Modules.Appointments.Contracts;
using Portal.Modules.Appointments.Data;
using Portal.Modules.Appointments.Domain;
using Portal.Modules.Appointments.Features.Shared;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.Appointments.Features;

public sealed class ListAppointmentsEndpoint : ICarterModule
{
    private static readonly Error UnknownScope = Error.Validation("appointments.unknown-scope", "Use scope=upcoming or scope=past.", "scope");

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapPatientRoutes("Appointments").MapGet("/appointments", async (Guid? patientId, string? scope, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                CamelCaseNames.Parse<AppointmentScope>(scope ?? "upcoming") is { } known
                    ? (await sender.Send(new ListMyAppointments(patientId, known, Paging.From(page, pageSize)), ct)).ToHttpResult()
                    : UnknownScope.ToProblem())
            .WithSummary("Your appointments: upcoming (soonest first) or past (latest first), each saying until when you may still cancel or move it online")
            .Produces<PagedList<AppointmentResponse>>()
            .ProducesValidationProblem();
        app.MapPracticeRoutes("Appointments").MapGet("/appointments",
                async (string? from, string? to, Guid? practitionerId, Guid? locationId, Guid? patientId, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new ListPracticeAppointments(CalendarBound.Parse(from), CalendarBound.Parse(to), practitionerId, locationId, patientId,
                        Paging.From(page, pageSize)), ct)).ToHttpResult())
            .WithSummary("The group's appointments from one local date to another (inclusive, each location's own days) or between two instants, by start, " +
                "with each patient's name; filter by practitioner, location or patient")
            .Produces<PagedList<AppointmentResponse>>()
            .ProducesValidationProblem();
    }
}

public sealed record ListMyAppointments(Guid? PatientId, AppointmentScope Scope, Paging Paging) : IQuery<Result<PagedList<AppointmentResponse>>>;

/// <summary>
/// One end of a calendar range: a local date (<c>2027-03-01</c>, a day in each location's own zone) or an instant with its
/// offset (<c>2027-03-01T09:00:00+11:00</c>). A date-time without an offset is refused: it would mean the server's zone.
/// </summary>
public sealed record CalendarBound(LocalDate? Date, Instant? Instant)
{
    public static readonly CalendarBound Invalid = new(null, null);

    public bool IsValid => Date is not null || Instant is not null;

    public static CalendarBound? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (LocalDatePattern.Iso.Parse(text.Trim()) is { Success: true } date)
        {
            return new CalendarBound(date.Value, null);
        }

        return OffsetDateTimePattern.ExtendedIso.Parse(text.Trim()) is { Success: true } instant
            ? new CalendarBound(null, instant.Value.ToInstant())
            : Invalid;
    }

    /// <summary>Where the range starts at a location: the start of its date there, or the instant itself.</summary>
    public Instant StartIn(DateTimeZone zone) => Instant ?? Date!.Value.AtStartOfDayInZone(zone).ToInstant();

    /// <summary>Where the range ends at a location: the end of its (inclusive) date there, or the instant itself.</summary>
    public Instant EndIn(DateTimeZone zone) => Instant ?? Date!.Value.PlusDays(1).AtStartOfDayInZone(zone).ToInstant();

    /// <summary>The date or instant as a day number, to bound the range's length whatever the zones.</summary>
    public double Days => Instant is { } i ? i.ToUnixTimeSeconds() / 86400.0 : Date!.Value.ToDateOnly().DayNumber - UnixEpochDayNumber;

    private static readonly int UnixEpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;
}

public sealed record ListPracticeAppointments(CalendarBound? From, CalendarBound? To, Guid? PractitionerId, Guid? LocationId, Guid? PatientId, Paging Paging)
    : IQuery<Result<PagedList<AppointmentResponse>>>;

public sealed class ListPracticeAppointmentsValidator : AbstractValidator<ListPracticeAppointments>
{
    public ListPracticeAppointmentsValidator()
    {
        const string BothEnds = "Give from and to as local dates (2027-03-01) or date-times with their offset (2027-03-01T09:00:00+11:00).";
        RuleFor(q => q.From).Cascade(CascadeMode.Stop).NotNull().Must(b => b!.IsValid).WithMessage(BothEnds);
        RuleFor(q => q.To).Cascade(CascadeMode.Stop).NotNull().Must(b => b!.IsValid).WithMessage(BothEnds);
        When(q => q.From is { IsValid: true } && q.To is { IsValid: true }, () =>
        {
            RuleFor(q => q).Must(q => q.To!.Days >= q.From!.Days).WithName("to").WithMessage("to must not come before from.");
            RuleFor(q => q).Must(q => q.To!.Days - q.From!.Days <= 31).WithName("to").WithMessage("At most 31 days at a time.");
        });
    }
}

internal sealed class ListMyAppointmentsHandler(AppointmentsDbContext db, IPortalPatients portalPatients, AppointmentViews views, TimeProvider clock)
    : IQueryHandler<ListMyAppointments, Result<PagedList<AppointmentResponse>>>
{
    public async ValueTask<Result<PagedList<AppointmentResponse>>> Handle(ListMyAppointments query, CancellationToken cancellationToken)
    {
        var selected = await portalPatients.SelectAsync(query.PatientId, cancellationToken);
        if (selected.IsFailure)
        {
            return selected.Error!;
        }

        var patientId = selected.Value.PatientId;
        var now = clock.GetUtcNow().ToInstant();
        var mine = db.Appointments.AsNoTracking().Where(a => a.PatientId == patientId);
        mine = query.Scope == AppointmentScope.Upcoming
            ? mine.Where(a => a.End > now).OrderBy(a => a.Start)
            : mine.Where(a => a.End <= now).OrderByDescending(a => a.Start);
        var total = await mine.CountAsync(cancellationToken);
        var page = await mine.Skip(query.Paging.Skip).Take(query.Paging.PageSize).ToListAsync(cancellationToken);
        return new PagedList<AppointmentResponse>(await views.ForAsync(selected.Value.PracticeGroupId, page, cancellationToken), total);
    }
}

internal sealed class ListPracticeAppointmentsHandler(
    AppointmentsDbContext db, AppointmentViews views, AppointmentNotices notices, IPatientDirectory patients, ICurrentUser currentUser)
    : IQueryHandler<ListPracticeAppointments, Result<PagedList<AppointmentResponse>>>
{
    public async ValueTask<Result<PagedList<AppointmentResponse>>> Handle(ListPracticeAppointments query, CancellationToken cancellationToken)
    {
        var groupId = currentUser.StaffPracticeGroupId;
        if (query.PatientId is { } patientOfTheQuery)
        {
            // One patient's appointments are part of their record: another group's patient is not found, and the read
            // is in the patient's access log (the calendar of the whole practice is not one patient's record).
            if (await patients.FindAsync(groupId, patientOfTheQuery, cancellationToken) is null)
            {
                return PatientRecordErrors.NotFound;
            }

            notices.AppointmentsViewed(patientOfTheQuery, groupId);
            await db.SaveChangesAsync(cancellationToken);
        }

        var locations = await db.Locations.AsNoTracking()
            .Where(l => l.PracticeGroupId == groupId && (query.LocationId == null || l.Id == query.LocationId))
            .ToListAsync(cancellationToken);
        var ours = db.AppointmentsOf(groupId).AsNoTracking().Where(InRange(locations, query.From!, query.To!));
        if (query.PractitionerId is { } practitionerId)
        {
            ours = ours.Where(a => a.PractitionerId == practitionerId);
        }

        if (query.PatientId is { } patientId)
        {
            ours = ours.Where(a => a.PatientId == patientId);
        }

        var total = await ours.CountAsync(cancellationToken);
        var page = await ours.OrderBy(a => a.Start).ThenBy(a => a.Id).Skip(query.Paging.Skip).Take(query.Paging.PageSize).ToListAsync(cancellationToken);
        return new PagedList<AppointmentResponse>(
            await views.WithPatientNamesAsync(groupId, await views.ForAsync(groupId, page, cancellationToken), cancellationToken), total);
    }

    /// <summary>
    /// Appointments overlapping the range, each location's range in its own zone (a local date is a different instant in
    /// Perth than in Sydney): one condition per location, joined with "or", so the database filters and pages.
    /// </summary>
    private static Expression<Func<Appointment, bool>> InRange(IReadOnlyList<Location> locations, CalendarBound from, CalendarBound to)
    {
        var appointment = Expression.Parameter(typeof(Appointment), "a");
        Expression any = Expression.Constant(false);
        foreach (var location in locations)
        {
            var start = from.StartIn(location.Zone);
            var end = to.EndIn(location.Zone);
            Expression<Func<Appointment, bool>> here = a => a.LocationId == location.Id && a.Start < end && a.End > start;
            any = Expression.OrElse(any, Expression.Invoke(here, appointment));
        }

        return Expression.Lambda<Func<Appointment, bool>>(any, appointment);
    }
}
