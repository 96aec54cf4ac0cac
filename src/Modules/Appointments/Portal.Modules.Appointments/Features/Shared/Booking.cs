using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Extensions;
using Portal.Modules.Appointments.Contracts;
using Portal.Modules.Appointments.Data;
using Portal.Modules.Appointments.Domain;
using Portal.Shared.Abstractions;
using Portal.Shared.Persistence;

namespace Portal.Modules.Appointments.Features.Shared;

/// <summary>Who is booking: the patient online (the practice's online rules apply) or practice staff for a patient.</summary>
internal enum Booker
{
    Patient,
    Staff,
}

/// <summary>What a booking asks for, once the caller's practice and patient are known.</summary>
internal sealed record BookingRequest(Guid PracticeGroupId, Guid PatientId, Guid PractitionerId, Guid AppointmentTypeId, Guid? LocationId, Instant Start, Booker By);

/// <summary>
/// Books (or moves) an appointment: the checks a person can act on first (type, practitioner, location, hours, the
/// practice's online rules, a time already busy), then the insert of the appointment with its occupied time units,
/// which the database refuses if any unit is taken meanwhile (docs/decisions/0016).
/// </summary>
internal sealed class Booking(AppointmentsDbContext db, PracticeStaff staff, AppointmentNotices notices, ICurrentUser currentUser, TimeProvider clock)
{
    public sealed record Booked(Appointment Appointment, string PractitionerName, AppointmentType Type, Location Location);

    public async Task<Result<Booked>> BookAsync(BookingRequest request, BookingRules rules, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToInstant();
        var checkedRequest = await CheckAsync(request, rules, now, moving: null, cancellationToken);
        if (checkedRequest.IsFailure)
        {
            return checkedRequest.Error!;
        }

        var (type, location, practitionerName) = checkedRequest.Value;
        var appointment = Appointment.Book(request.PracticeGroupId, request.PatientId, request.PractitionerId, location.Id, type.Id,
            request.Start, type.Length, type.BufferAfter, currentUser.UserId, now);
        db.Appointments.Add(appointment);
        db.OccupiedTimeUnits.AddRange(OccupiedTimeUnit.For(appointment));
        await notices.BookedAsync(new AppointmentFacts(appointment, location, type, practitionerName), request.By, cancellationToken);
        var saved = await SaveAsync(cancellationToken);
        return saved.IsSuccess ? new Booked(appointment, practitionerName, type, location) : saved.Error!;
    }

    /// <summary>
    /// Moves a booked appointment: its old units are deleted and the new ones inserted in one save, so the old time is
    /// released only if the new one is taken.
    /// </summary>
    public async Task<Result<Booked>> MoveAsync(Appointment appointment, Instant start, Booker by, BookingRules rules, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToInstant();
        var request = new BookingRequest(appointment.PracticeGroupId, appointment.PatientId, appointment.PractitionerId, appointment.AppointmentTypeId,
            appointment.LocationId, start, by);
        var checkedRequest = await CheckAsync(request, rules, now, moving: appointment, cancellationToken);
        if (checkedRequest.IsFailure)
        {
            return checkedRequest.Error!;
        }

        var (type, location, practitionerName) = checkedRequest.Value;
        var oldUnits = await db.OccupiedTimeUnits.Where(u => u.AppointmentId == appointment.Id).ToListAsync(cancellationToken);
        var previous = new Interval(appointment.Start, appointment.End);
        var moved = appointment.MoveTo(start, now);
        if (moved.IsFailure)
        {
            return moved.Error!;
        }

        // Units both times share (a move by a quarter of an hour) stay; the others are released and taken in one save.
        var newUnits = OccupiedTimeUnit.For(appointment).ToList();
        var kept = newUnits.Select(u => u.Unit).Intersect(oldUnits.Select(u => u.Unit)).ToHashSet();
        db.OccupiedTimeUnits.RemoveRange(oldUnits.Where(u => !kept.Contains(u.Unit)));
        db.OccupiedTimeUnits.AddRange(newUnits.Where(u => !kept.Contains(u.Unit)));
        await notices.RescheduledAsync(new AppointmentFacts(appointment, location, type, practitionerName), previous, by, cancellationToken);
        var saved = await SaveAsync(cancellationToken);
        return saved.IsSuccess ? new Booked(appointment, practitionerName, type, location) : saved.Error!;
    }

    private async Task<Result<(AppointmentType Type, Location Location, string PractitionerName)>> CheckAsync(
        BookingRequest request, BookingRules rules, Instant now, Appointment? moving, CancellationToken cancellationToken)
    {
        var type = await db.AppointmentTypes.AsNoTracking()
            .SingleOrDefaultAsync(t => t.Id == request.AppointmentTypeId && t.PracticeGroupId == request.PracticeGroupId, cancellationToken);
        if (type is null || (request.By == Booker.Patient && !type.BookableOnline))
        {
            return AppointmentErrors.AppointmentTypeNotFound;
        }

        var practitioner = await staff.FindAsync(request.PracticeGroupId, request.PractitionerId, cancellationToken);
        if (practitioner.IsFailure)
        {
            return practitioner.Error!;
        }

        if (request.By == Booker.Patient && moving is null)
        {
            if (!rules.OnlineBooking)
            {
                return AppointmentErrors.OnlineBookingDisabled;
            }

            if (!type.NewPatients && !await SeenBeforeAsync(request, cancellationToken))
            {
                return AppointmentErrors.NewPatientsNotAllowed;
            }
        }

        var hours = await HoursAtLocation.OfAsync(db, request.PracticeGroupId, request.PractitionerId, request.LocationId, cancellationToken);
        var wanted = new Interval(request.Start, request.Start + type.Length);
        // The location whose hours hold the whole appointment (the one asked for, or the only one that fits).
        var location = hours.FirstOrDefault(h => h.Search([]).WithinHours(wanted))?.Location;
        if (request.LocationId is { } asked && location is null && request.By == Booker.Staff)
        {
            // Staff may book outside the weekly hours (an extra session), at a location of the group.
            location = await db.Locations.AsNoTracking().SingleOrDefaultAsync(l => l.Id == asked && l.PracticeGroupId == request.PracticeGroupId, cancellationToken);
        }

        if (location is null || !TimeUnits.IsBoundary(request.Start))
        {
            return AppointmentErrors.OutsideAvailability;
        }

        if (request.By == Booker.Patient)
        {
            if (request.Start < rules.EarliestPatientStart(now))
            {
                return AppointmentErrors.TooSoon;
            }

            if (request.Start >= rules.PatientStartsBefore(now, location.Zone))
            {
                return AppointmentErrors.TooFarAhead;
            }
        }

        var occupies = new Interval(request.Start, request.Start + type.Length + (moving?.BufferAfter ?? type.BufferAfter));
        if (!await IsFreeAsync(request.PractitionerId, occupies, moving?.Id, cancellationToken))
        {
            return AppointmentErrors.SlotTaken;
        }

        return (type, location, practitioner.Value.Name);
    }

    /// <summary>Time off, and other booked appointments with their buffers (the units would refuse those too; this says so before trying).</summary>
    private async Task<bool> IsFreeAsync(Guid practitionerId, Interval occupies, Guid? except, CancellationToken cancellationToken)
    {
        var timeOff = await db.TimeOff.AsNoTracking()
            .AnyAsync(t => t.PractitionerId == practitionerId && t.Start < occupies.End && t.End > occupies.Start, cancellationToken);
        if (timeOff)
        {
            return false;
        }

        var from = occupies.Start - Duration.FromDays(1);   // an appointment that started earlier and runs into it
        var nearby = await db.Appointments.AsNoTracking()
            .Where(a => a.PractitionerId == practitionerId && a.Status != AppointmentStatus.Cancelled && a.Start >= from && a.Start < occupies.End && a.Id != except)
            .ToListAsync(cancellationToken);
        return !nearby.Any(a => a.Occupies.Start < occupies.End && a.Occupies.End > occupies.Start);
    }

    /// <summary>A patient the practice has seen: one of their appointments with this group was attended.</summary>
    private Task<bool> SeenBeforeAsync(BookingRequest request, CancellationToken cancellationToken) =>
        db.Appointments.AnyAsync(a => a.PatientId == request.PatientId && a.PracticeGroupId == request.PracticeGroupId
            && (a.Status == AppointmentStatus.Completed || a.Status == AppointmentStatus.Arrived), cancellationToken);

    private async Task<Result> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success();
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            db.ChangeTracker.Clear();
            return AppointmentErrors.SlotTaken;
        }
    }
}
