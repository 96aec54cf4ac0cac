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
                async (DateTimeOffset? from, DateTimeOffset? to, Guid? practitionerId, Guid? locationId, Guid? patientId, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new ListPracticeAppointments(from, to, practitionerId, locationId, patientId, Paging.From(page, pageSize)), ct)).ToHttpResult())
            .WithSummary("The group's appointments between two instants (the calendar), by start; filter by practitioner, location or patient")
            .Produces<PagedList<AppointmentResponse>>()
            .ProducesValidationProblem();
    }
}

public sealed record ListMyAppointments(Guid? PatientId, AppointmentScope Scope, Paging Paging) : IQuery<Result<PagedList<AppointmentResponse>>>;

public sealed record ListPracticeAppointments(DateTimeOffset? From, DateTimeOffset? To, Guid? PractitionerId, Guid? LocationId, Guid? PatientId, Paging Paging)
    : IQuery<Result<PagedList<AppointmentResponse>>>;

public sealed class ListPracticeAppointmentsValidator : AbstractValidator<ListPracticeAppointments>
{
    public ListPracticeAppointmentsValidator()
    {
        RuleFor(q => q.From).NotNull().WithMessage("Give from and to (ISO-8601 date-times).");
        RuleFor(q => q.To).NotNull().GreaterThan(q => q.From).WithMessage("to must come after from.");
        RuleFor(q => q).Must(q => q.From is null || q.To is null || q.To.Value - q.From.Value <= TimeSpan.FromDays(31))
            .WithName("to").WithMessage("At most 31 days at a time.");
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

internal sealed class ListPracticeAppointmentsHandler(AppointmentsDbContext db, AppointmentViews views, ICurrentUser currentUser)
    : IQueryHandler<ListPracticeAppointments, Result<PagedList<AppointmentResponse>>>
{
    public async ValueTask<Result<PagedList<AppointmentResponse>>> Handle(ListPracticeAppointments query, CancellationToken cancellationToken)
    {
        var groupId = currentUser.StaffPracticeGroupId;
        var from = Instant.FromDateTimeOffset(query.From!.Value);
        var to = Instant.FromDateTimeOffset(query.To!.Value);
        var ours = db.AppointmentsOf(groupId).AsNoTracking().Where(a => a.Start < to && a.End > from);
        if (query.PractitionerId is { } practitionerId)
        {
            ours = ours.Where(a => a.PractitionerId == practitionerId);
        }

        if (query.LocationId is { } locationId)
        {
            ours = ours.Where(a => a.LocationId == locationId);
        }

        if (query.PatientId is { } patientId)
        {
            ours = ours.Where(a => a.PatientId == patientId);
        }

        var total = await ours.CountAsync(cancellationToken);
        var page = await ours.OrderBy(a => a.Start).Skip(query.Paging.Skip).Take(query.Paging.PageSize).ToListAsync(cancellationToken);
        return new PagedList<AppointmentResponse>(await views.ForAsync(groupId, page, cancellationToken), total);
    }
}
