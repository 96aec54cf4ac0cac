using System.Text.Json.Serialization;
using Portal.Shared.Abstractions;

namespace Portal.Modules.Appointments.Contracts;

/// <summary>Who changed an appointment: the patient through the portal, or the practice's staff (on the wire <c>patient</c>, <c>practice</c>).</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<AppointmentActor>))]
public enum AppointmentActor
{
    Patient,
    Practice,
}

/// <summary>
/// An appointment as its events tell it, so a consumer needs nothing else: times carry the location's offset at that
/// moment, <see cref="TimeZone"/> is the location's IANA zone.
/// </summary>
public sealed record AppointmentSummary(
    Guid AppointmentId,
    Guid PatientId,
    string PatientName,
    Guid PractitionerId,
    string PractitionerName,
    string AppointmentTypeName,
    Guid LocationId,
    string LocationName,
    DateTimeOffset Start,
    DateTimeOffset End,
    string TimeZone);

/// <summary>An appointment was booked, by the patient online or by the practice for them.</summary>
[IntegrationEvent("appointments.booked")]
public sealed record AppointmentBooked(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PracticeGroupId,
    AppointmentSummary Appointment,
    AppointmentActor By) : IIntegrationEvent;

/// <summary>An appointment was cancelled; <see cref="Reason"/> as given (the practice always gives one, a patient may).</summary>
[IntegrationEvent("appointments.cancelled")]
public sealed record AppointmentCancelled(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PracticeGroupId,
    AppointmentSummary Appointment,
    AppointmentActor By,
    string? Reason) : IIntegrationEvent;

/// <summary>An appointment moved from <see cref="PreviousStart"/> to the start its facts give.</summary>
[IntegrationEvent("appointments.rescheduled")]
public sealed record AppointmentRescheduled(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PracticeGroupId,
    AppointmentSummary Appointment,
    DateTimeOffset PreviousStart,
    AppointmentActor By) : IIntegrationEvent;
