using Carter;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Extensions;
using Portal.Modules.Appointments.Data;
using Portal.Modules.Appointments.Domain;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.Appointments.Features;

public sealed class BookingSettingsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapPracticeRoutes("Appointments").MapGet("/settings/booking", async (HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var result = await sender.Send(new GetBookingSettings(), ct);
                http.Response.Headers.ETag = result.Value.ETag;
                return result.ToHttpResult();
            })
            .WithSummary("The practice's rules for patients booking, cancelling and rescheduling online, with the ETag to send when changing them")
            .Produces<BookingSettingsResponse>();
        app.MapPracticeAdminRoutes("Appointments").MapPut("/settings/booking", async (BookingSettingsBody body, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var result = await sender.Send(new UpdateBookingSettings(body, http.Request.Headers.IfMatch.ToString()), ct);
                if (result.IsSuccess)
                {
                    http.Response.Headers.ETag = result.Value.ETag;
                }

                return result.ToHttpResult();
            })
            .WithSummary("Change the practice's booking rules (practice admins); send If-Match with the ETag you read")
            .Produces<BookingSettingsResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        app.MapPracticeRoutes("Appointments").MapGet("/settings/booking/history", async (int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetBookingSettingsHistory(Paging.From(page, pageSize)), ct)).ToHttpResult())
            .WithSummary("Who changed the booking rules, when, and each rule before and after; newest first")
            .Produces<PagedList<BookingSettingsChangeResponse>>();
    }
}

/// <summary>Every rule is required: a forgotten field must not silently change a rule.</summary>
public sealed record BookingSettingsBody(
    bool? OnlineBooking, int? MinimumLeadHours, int? MaxDaysAhead, bool? PatientCancellation, int? CancellationNoticeHours, int? GracePeriodMinutes);

public sealed record BookingSettingsValues(
    bool OnlineBooking, int MinimumLeadHours, int MaxDaysAhead, bool PatientCancellation, int CancellationNoticeHours, int GracePeriodMinutes)
{
    internal static BookingSettingsValues From(BookingRules rules) => new(
        rules.OnlineBooking, (int)rules.MinimumLead.TotalHours, rules.MaxDaysAhead, rules.PatientCancellation,
        (int)rules.CancellationNotice.TotalHours, (int)rules.GracePeriod.TotalMinutes);
}

public sealed record BookingSettingsResponse(
    bool OnlineBooking, int MinimumLeadHours, int MaxDaysAhead, bool PatientCancellation, int CancellationNoticeHours, int GracePeriodMinutes,
    DateTimeOffset? UpdatedAt, string? UpdatedBy)
{
    public string ETag { get; init; } = "";

    internal static BookingSettingsResponse From(BookingSettings settings)
    {
        var v = BookingSettingsValues.From(settings.Rules);
        return new BookingSettingsResponse(v.OnlineBooking, v.MinimumLeadHours, v.MaxDaysAhead, v.PatientCancellation, v.CancellationNoticeHours,
            v.GracePeriodMinutes, settings.UpdatedAt?.ToDateTimeOffset(), settings.UpdatedByName)
        {
            ETag = ETagOf(settings.Version),
        };
    }

    internal static string ETagOf(int version) => $"\"booking-{version}\"";
}

public sealed record BookingSettingsChangeResponse(Guid Id, DateTimeOffset ChangedAt, string ChangedBy, BookingSettingsValues Before, BookingSettingsValues After);

public sealed record GetBookingSettings : IQuery<Result<BookingSettingsResponse>>;

public sealed record UpdateBookingSettings(BookingSettingsBody Body, string? IfMatch) : ICommand<Result<BookingSettingsResponse>>;

public sealed record GetBookingSettingsHistory(Paging Paging) : IQuery<Result<PagedList<BookingSettingsChangeResponse>>>;

public sealed class UpdateBookingSettingsValidator : AbstractValidator<UpdateBookingSettings>
{
    public UpdateBookingSettingsValidator()
    {
        RuleFor(u => u.Body.OnlineBooking).NotNull().OverridePropertyName("onlineBooking");
        RuleFor(u => u.Body.MinimumLeadHours).NotNull().InclusiveBetween(0, 24 * 14).OverridePropertyName("minimumLeadHours");
        RuleFor(u => u.Body.MaxDaysAhead).NotNull().InclusiveBetween(1, 730).OverridePropertyName("maxDaysAhead");
        RuleFor(u => u.Body.PatientCancellation).NotNull().OverridePropertyName("patientCancellation");
        RuleFor(u => u.Body.CancellationNoticeHours).NotNull().InclusiveBetween(0, 24 * 14).OverridePropertyName("cancellationNoticeHours");
        RuleFor(u => u.Body.GracePeriodMinutes).NotNull().InclusiveBetween(0, 24 * 60).OverridePropertyName("gracePeriodMinutes");
        RuleFor(u => u.IfMatch).MaximumLength(100);
    }
}

internal sealed class GetBookingSettingsHandler(AppointmentsDbContext db, ICurrentUser currentUser)
    : IQueryHandler<GetBookingSettings, Result<BookingSettingsResponse>>
{
    public async ValueTask<Result<BookingSettingsResponse>> Handle(GetBookingSettings query, CancellationToken cancellationToken)
    {
        var groupId = currentUser.StaffPracticeGroupId;
        var settings = await db.BookingSettings.AsNoTracking().SingleOrDefaultAsync(s => s.PracticeGroupId == groupId, cancellationToken)
            ?? BookingSettings.DefaultsFor(groupId);
        return BookingSettingsResponse.From(settings);
    }
}

internal sealed class UpdateBookingSettingsHandler(AppointmentsDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<UpdateBookingSettings, Result<BookingSettingsResponse>>
{
    private static readonly Error Stale = Error.PreconditionFailed("settings.stale",
        "The booking rules were changed since you read them. Load them again and make your change.");

    public async ValueTask<Result<BookingSettingsResponse>> Handle(UpdateBookingSettings command, CancellationToken cancellationToken)
    {
        var groupId = currentUser.StaffPracticeGroupId;
        var settings = await db.BookingSettings.SingleOrDefaultAsync(s => s.PracticeGroupId == groupId, cancellationToken);
        var isNew = settings is null;
        settings ??= BookingSettings.DefaultsFor(groupId);
        if (!IfMatch.Accepts(command.IfMatch, BookingSettingsResponse.ETagOf(settings.Version)))
        {
            return Stale;
        }

        var body = command.Body;
        var rules = new BookingRules(body.OnlineBooking!.Value, Duration.FromHours(body.MinimumLeadHours!.Value), body.MaxDaysAhead!.Value,
            body.PatientCancellation!.Value, Duration.FromHours(body.CancellationNoticeHours!.Value), Duration.FromMinutes(body.GracePeriodMinutes!.Value));
        var change = settings.Change(rules, currentUser.UserId, currentUser.Name, clock.GetUtcNow().ToInstant());
        if (change is null)
        {
            return BookingSettingsResponse.From(settings);
        }

        if (isNew)
        {
            db.BookingSettings.Add(settings);
        }

        db.BookingSettingsChanges.Add(change);
        try
        {
            // Saved here rather than by the unit of work: a concurrent change must become a 412, not a 500.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale;
        }
        catch (DbUpdateException) when (isNew)
        {
            if (!await db.BookingSettings.AsNoTracking().AnyAsync(s => s.PracticeGroupId == groupId, cancellationToken))
            {
                throw;
            }

            return Stale;   // another first change inserted the row at the same moment
        }

        return BookingSettingsResponse.From(settings);
    }
}

internal sealed class GetBookingSettingsHistoryHandler(AppointmentsDbContext db, ICurrentUser currentUser)
    : IQueryHandler<GetBookingSettingsHistory, Result<PagedList<BookingSettingsChangeResponse>>>
{
    public async ValueTask<Result<PagedList<BookingSettingsChangeResponse>>> Handle(GetBookingSettingsHistory query, CancellationToken cancellationToken)
    {
        var groupId = currentUser.StaffPracticeGroupId;
        var changes = db.BookingSettingsChanges.AsNoTracking().Where(c => c.PracticeGroupId == groupId);
        var total = await changes.CountAsync(cancellationToken);
        var page = await changes.OrderByDescending(c => c.ChangedAt).Skip(query.Paging.Skip).Take(query.Paging.PageSize).ToListAsync(cancellationToken);
        return new PagedList<BookingSettingsChangeResponse>(page.Select(c => new BookingSettingsChangeResponse(
            c.Id, c.ChangedAt.ToDateTimeOffset(), c.ChangedByName, BookingSettingsValues.From(c.Before), BookingSettingsValues.From(c.After))).ToList(), total);
    }
}
