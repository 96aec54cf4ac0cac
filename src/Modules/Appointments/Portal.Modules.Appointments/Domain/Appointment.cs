using Portal.Modules.Appointments.Contracts;
using NodaTime;
using Portal.Shared.Abstractions;

namespace Portal.Modules.Appointments.Domain;

/// <summary>
/// A patient's appointment with a practitioner at a location. It owns its rules: when the patient may still cancel or
/// move it, and how its status moves. The time it holds (start to the end of its buffer) is also written as occupied
/// <see cref="TimeUnits"/>, which is what keeps two bookings from sharing a minute.
/// </summary>
internal sealed class Appointment
{
    private Appointment()
    {
    }

    public Guid Id { get; private set; }
    public Guid PracticeGroupId { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid PractitionerId { get; private set; }
    public Guid LocationId { get; private set; }
    public Guid AppointmentTypeId { get; private set; }
    public Instant Start { get; private set; }
    public Instant End { get; private set; }

    /// <summary>Kept free after the appointment (from its type when booked, so a later change of type leaves it be).</summary>
    public Duration BufferAfter { get; private set; }

    public AppointmentStatus Status { get; private set; }
    public Instant BookedAt { get; private set; }
    public Guid BookedBy { get; private set; }
    public Instant? CancelledAt { get; private set; }
    public Guid? CancelledBy { get; private set; }
    public string? CancellationReason { get; private set; }
    public Instant? RescheduledAt { get; private set; }
    public Instant? ReminderSentAt { get; private set; }

    /// <summary>
    /// The SEQUENCE of its calendar entry (iCalendar): 0 when booked, one more at each move or cancellation, so a
    /// patient's calendar replaces the entry it holds with the newer one.
    /// </summary>
    public int CalendarSequence { get; private set; }

    /// <summary>The time the appointment keeps to itself: from its start to the end of its buffer.</summary>
    public Interval Occupies => new(Start, End + BufferAfter);

    public static Appointment Book(
        Guid practiceGroupId, Guid patientId, Guid practitionerId, Guid locationId, Guid appointmentTypeId,
        Instant start, Duration length, Duration bufferAfter, Guid bookedBy, Instant now) =>
        new()
        {
            Id = Guid.CreateVersion7(),
            PracticeGroupId = practiceGroupId,
            PatientId = patientId,
            PractitionerId = practitionerId,
            LocationId = locationId,
            AppointmentTypeId = appointmentTypeId,
            Start = start,
            End = start + length,
            BufferAfter = bufferAfter,
            Status = AppointmentStatus.Booked,
            BookedAt = now,
            BookedBy = bookedBy,
        };

    /// <summary>
    /// Until when the patient may cancel or move it online: up to the practice's notice before it starts, and always in
    /// the grace period just after booking (never after it starts). Null when the practice takes no changes online or
    /// the appointment is no longer booked.
    /// </summary>
    public Instant? PatientMayChangeUntil(BookingRules rules)
    {
        if (!rules.PatientCancellation || Status != AppointmentStatus.Booked)
        {
            return null;
        }

        var untilNotice = Start - rules.CancellationNotice;
        var untilGraceEnds = BookedAt + rules.GracePeriod;
        return Instant.Min(Start, Instant.Max(untilNotice, untilGraceEnds));
    }

    /// <summary>Whether the patient may cancel or move it now, and if not, why.</summary>
    public Result PatientMayChange(BookingRules rules, Instant now)
    {
        if (Status != AppointmentStatus.Booked)
        {
            return AppointmentErrors.NotBooked;
        }

        if (!rules.PatientCancellation)
        {
            return AppointmentErrors.PatientCancellationDisabled;
        }

        return now <= PatientMayChangeUntil(rules) ? Result.Success() : AppointmentErrors.CancellationWindow;
    }

    public Result Cancel(Guid by, string? reason, Instant now)
    {
        if (Status != AppointmentStatus.Booked)
        {
            return AppointmentErrors.NotBooked;
        }

        Status = AppointmentStatus.Cancelled;
        CancelledAt = now;
        CancelledBy = by;
        CancellationReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        CalendarSequence++;
        return Result.Success();
    }

    /// <summary>Moves it to a new start, keeping its length and buffer; the caller swaps its occupied units in the same save.</summary>
    public Result MoveTo(Instant start, Instant now)
    {
        if (Status != AppointmentStatus.Booked)
        {
            return AppointmentErrors.NotBooked;
        }

        var length = End - Start;
        Start = start;
        End = start + length;
        RescheduledAt = now;
        ReminderSentAt = null;   // a reminder for the old time says nothing about the new one
        CalendarSequence++;
        return Result.Success();
    }

    /// <summary>Booked → arrived, completed or did not attend; arrived → completed.</summary>
    public Result SetAttendance(AppointmentStatus status)
    {
        var allowed = (Status, status) switch
        {
            (AppointmentStatus.Booked, AppointmentStatus.Arrived or AppointmentStatus.Completed or AppointmentStatus.DidNotAttend) => true,
            (AppointmentStatus.Arrived, AppointmentStatus.Completed) => true,
            _ => false,
        };
        if (!allowed)
        {
            return AppointmentErrors.InvalidStatusChange;
        }

        Status = status;
        return Result.Success();
    }

    /// <summary>Whether its reminder is due: still booked, not yet reminded, and starting within <paramref name="lead"/>.</summary>
    public bool ReminderDue(Duration lead, Instant now) =>
        Status == AppointmentStatus.Booked && ReminderSentAt is null && Start > now && Start - now <= lead;

    public void Reminded(Instant now) => ReminderSentAt = now;
}
