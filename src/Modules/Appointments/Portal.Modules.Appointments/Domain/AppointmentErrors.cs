using Portal.Shared.Abstractions;

namespace Portal.Modules.Appointments.Domain;

/// <summary>The module's errors; codes are the REST contract's.</summary>
internal static class AppointmentErrors
{
    public static readonly Error NotFound = Error.NotFound("appointments.not-found", "No such appointment.");
    public static readonly Error AppointmentTypeNotFound = Error.NotFound("appointments.type-not-found", "No such appointment type in your practice.");
    public static readonly Error TimeOffNotFound = Error.NotFound("appointments.time-off-not-found", "No such time off.");
    public static readonly Error LocationNotFound = Error.NotFound("appointments.location-not-found", "No such location in your practice.");
    public static readonly Error SlotTaken = Error.Conflict("appointments.slot-taken", "That time has just been taken. Please choose another.");
    public static readonly Error NotBooked = Error.Conflict("appointments.not-booked", "This appointment is no longer booked.");
    public static readonly Error CancellationWindow = Error.Conflict("appointments.cancellation-window",
        "It is too close to the appointment to cancel or reschedule online. Please call the practice.");
    public static readonly Error PatientCancellationDisabled = Error.Forbidden("appointments.patient-cancellation-disabled",
        "Your practice does not take cancellations or changes online. Please call the practice.");
    public static readonly Error OnlineBookingDisabled = Error.Forbidden("appointments.online-booking-disabled",
        "Your practice does not take bookings online. Please call the practice.");
    public static readonly Error NewPatientsNotAllowed = Error.Forbidden("appointments.new-patients-not-allowed",
        "This appointment type is for existing patients of the practice.");
    public static readonly Error OutsideAvailability = Error.Unprocessable("appointments.outside-availability",
        "The practitioner does not see patients at that time.");
    public static readonly Error TooSoon = Error.Unprocessable("appointments.too-soon", "That time is too soon to book online.");
    public static readonly Error TooFarAhead = Error.Unprocessable("appointments.too-far-ahead", "That time is too far ahead to book online.");
    public static readonly Error RangeTooLong = Error.Validation("appointments.range-too-long", "Search at most 31 days at a time.", "to");
    public static readonly Error InvalidTimeZone = Error.Validation("appointments.invalid-time-zone",
        "Use an IANA time zone name, such as Australia/Sydney.", "timeZone");
    public static readonly Error InvalidStatusChange = Error.Conflict("appointments.invalid-status-change",
        "An appointment's status moves from booked to arrived, completed or did not attend, and from arrived to completed.");
}
