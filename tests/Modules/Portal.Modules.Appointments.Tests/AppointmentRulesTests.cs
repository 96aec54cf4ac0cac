using Portal.Modules.Appointments.Contracts;
using NodaTime;
using Portal.Modules.Appointments.Domain;
using Xunit;

namespace Portal.Modules.Appointments.Tests;

/// <summary>The rules an appointment owns: the patient's cancel/reschedule window with its grace period, its status, its reminder.</summary>
public sealed class AppointmentRulesTests
{
    private static readonly Instant Monday10 = Instant.FromUtc(2026, 3, 1, 23, 0);   // Mon 2 Mar 10:00 in Sydney
    private static readonly Guid Patient = Guid.NewGuid();

    private static Appointment BookedAt(Instant bookedAt, Instant? start = null) =>
        Appointment.Book(Guid.NewGuid(), Patient, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(),
            start ?? Monday10, Duration.FromMinutes(30), Duration.FromMinutes(10), Patient, bookedAt);

    [Fact]
    public void A_patient_may_change_it_until_the_notice_period_begins()
    {
        var appointment = BookedAt(Monday10 - Duration.FromDays(7));
        var rules = BookingRules.Defaults;   // 24 h notice, 10 min grace

        Assert.Equal(Monday10 - Duration.FromHours(24), appointment.PatientMayChangeUntil(rules));
        Assert.True(appointment.PatientMayChange(rules, Monday10 - Duration.FromHours(24)).IsSuccess);
        Assert.Equal("appointments.cancellation-window",
            appointment.PatientMayChange(rules, Monday10 - Duration.FromHours(24) + Duration.FromSeconds(1)).Error!.Code);
    }

    [Fact]
    public void Inside_the_notice_period_the_grace_period_after_booking_still_allows_it_but_never_past_the_start()
    {
        var bookedAt = Monday10 - Duration.FromHours(3);
        var appointment = BookedAt(bookedAt);

        Assert.Equal(bookedAt + Duration.FromMinutes(10), appointment.PatientMayChangeUntil(BookingRules.Defaults));
        Assert.True(appointment.PatientMayChange(BookingRules.Defaults, bookedAt + Duration.FromMinutes(9)).IsSuccess);
        Assert.False(appointment.PatientMayChange(BookingRules.Defaults, bookedAt + Duration.FromMinutes(11)).IsSuccess);

        var bookedJustBefore = BookedAt(Monday10 - Duration.FromMinutes(5));   // staff booked it 5 minutes before
        Assert.Equal(Monday10, bookedJustBefore.PatientMayChangeUntil(BookingRules.Defaults));
    }

    [Fact]
    public void No_online_changes_when_the_practice_takes_none_or_the_appointment_is_not_booked()
    {
        var appointment = BookedAt(Monday10 - Duration.FromDays(7));
        var noChanges = BookingRules.Defaults with { PatientCancellation = false };

        Assert.Null(appointment.PatientMayChangeUntil(noChanges));
        Assert.Equal("appointments.patient-cancellation-disabled", appointment.PatientMayChange(noChanges, Monday10 - Duration.FromDays(6)).Error!.Code);

        Assert.True(appointment.Cancel(Patient, " running late ", Monday10 - Duration.FromDays(6)).IsSuccess);
        Assert.Equal("running late", appointment.CancellationReason);
        Assert.Null(appointment.PatientMayChangeUntil(BookingRules.Defaults));
        Assert.Equal("appointments.not-booked", appointment.PatientMayChange(BookingRules.Defaults, Monday10 - Duration.FromDays(6)).Error!.Code);
        Assert.Equal("appointments.not-booked", appointment.Cancel(Patient, null, Monday10 - Duration.FromDays(6)).Error!.Code);
        Assert.Equal("appointments.not-booked", appointment.MoveTo(Monday10 + Duration.FromDays(1), Monday10 - Duration.FromDays(6)).Error!.Code);
    }

    [Fact]
    public void Moving_keeps_its_length_and_buffer_and_forgets_a_reminder_sent_for_the_old_time()
    {
        var appointment = BookedAt(Monday10 - Duration.FromDays(7));
        appointment.Reminded(Monday10 - Duration.FromHours(23));
        var later = Monday10 + Duration.FromDays(2);

        Assert.True(appointment.MoveTo(later, Monday10 - Duration.FromHours(22)).IsSuccess);

        Assert.Equal(new Interval(later, later + Duration.FromMinutes(40)), appointment.Occupies);
        Assert.Null(appointment.ReminderSentAt);
        Assert.True(appointment.ReminderDue(Duration.FromHours(24), later - Duration.FromHours(23)));
    }

    [Fact]
    public void A_reminder_is_due_once_inside_its_lead_and_never_for_a_cancelled_or_past_appointment()
    {
        var appointment = BookedAt(Monday10 - Duration.FromDays(7));
        var lead = Duration.FromHours(24);

        Assert.False(appointment.ReminderDue(lead, Monday10 - Duration.FromHours(25)));
        Assert.True(appointment.ReminderDue(lead, Monday10 - Duration.FromHours(23)));
        appointment.Reminded(Monday10 - Duration.FromHours(23));
        Assert.False(appointment.ReminderDue(lead, Monday10 - Duration.FromHours(22)));

        var cancelled = BookedAt(Monday10 - Duration.FromDays(7));
        cancelled.Cancel(Patient, null, Monday10 - Duration.FromDays(2));
        Assert.False(cancelled.ReminderDue(lead, Monday10 - Duration.FromHours(23)));
        Assert.False(BookedAt(Monday10 - Duration.FromDays(7)).ReminderDue(lead, Monday10 + Duration.FromMinutes(1)));
    }

    [Theory]
    [InlineData(AppointmentStatus.Booked, AppointmentStatus.Arrived, true)]
    [InlineData(AppointmentStatus.Booked, AppointmentStatus.Completed, true)]
    [InlineData(AppointmentStatus.Booked, AppointmentStatus.DidNotAttend, true)]
    [InlineData(AppointmentStatus.Arrived, AppointmentStatus.Completed, true)]
    [InlineData(AppointmentStatus.Arrived, AppointmentStatus.DidNotAttend, false)]
    [InlineData(AppointmentStatus.Completed, AppointmentStatus.Arrived, false)]
    [InlineData(AppointmentStatus.Cancelled, AppointmentStatus.Arrived, false)]
    [InlineData(AppointmentStatus.Booked, AppointmentStatus.Cancelled, false)]   // cancelling has its own rule, with a reason
    public void Attendance_moves_forward_only(AppointmentStatus from, AppointmentStatus to, bool allowed)
    {
        var appointment = BookedAt(Monday10 - Duration.FromDays(7));
        if (from == AppointmentStatus.Cancelled)
        {
            appointment.Cancel(Patient, null, Monday10 - Duration.FromDays(1));
        }
        else if (from != AppointmentStatus.Booked)
        {
            appointment.SetAttendance(from);
        }

        var result = appointment.SetAttendance(to);

        Assert.Equal(allowed, result.IsSuccess);
        Assert.Equal(allowed ? to : from, appointment.Status);
    }

    [Fact]
    public void The_booking_horizon_ends_at_midnight_after_the_last_bookable_day_in_the_locations_zone()
    {
        var sydney = DateTimeZoneProviders.Tzdb["Australia/Sydney"];
        var now = Instant.FromUtc(2026, 3, 1, 23, 0);   // Mon 2 Mar 10:00 in Sydney

        var before = BookingRules.Defaults.PatientStartsBefore(now, sydney);

        Assert.Equal(new LocalDateTime(2026, 6, 1, 0, 0), before.InZone(sydney).LocalDateTime);   // 2 Mar + 90 days = 31 May, bookable all day
        Assert.Equal(now + Duration.FromHours(2), BookingRules.Defaults.EarliestPatientStart(now));
    }
}
