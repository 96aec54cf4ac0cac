using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using NodaTime;
using Portal.Modules.Appointments.Contracts;
using Portal.Modules.Appointments.Data;
using Portal.Modules.Appointments.Domain;
using Portal.Modules.Notifications.Contracts;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;
using Portal.Shared.Messaging;

namespace Portal.Modules.Appointments.Features.Shared;

/// <summary>
/// Tells others what happened to an appointment, through this module's outbox in the same save as the change: the
/// integration event (<c>appointments.booked</c>, <c>.cancelled</c>, <c>.rescheduled</c>) and the patient's email with
/// its calendar entry. A patient record without an email address gets no email; nothing fails for it.
/// </summary>
internal sealed class AppointmentNotices(AppointmentsDbContext db, IPatientDirectory patients, PracticeBookingRules bookingRules, IConfiguration configuration,
    ICurrentUser currentUser, IHttpContextAccessor http, TimeProvider clock)
{
    public async Task BookedAsync(AppointmentFacts facts, Booker by, CancellationToken cancellationToken)
    {
        var patient = await PatientOfAsync(facts, cancellationToken);
        var now = clock.GetUtcNow();
        db.Publish(new AppointmentBooked(Guid.CreateVersion7(), now, facts.Appointment.PracticeGroupId, Summary(facts, patient), ActorOf(by)));
        InAccessLog(facts.Appointment, by, PatientAccessAction.Created, now);
        Email(patient, now, AppointmentEmails.Booked(facts, by, await ChangeableUntilAsync(facts, cancellationToken), PortalUrl));
    }

    public async Task RescheduledAsync(AppointmentFacts facts, Interval previous, Booker by, CancellationToken cancellationToken)
    {
        var patient = await PatientOfAsync(facts, cancellationToken);
        var now = clock.GetUtcNow();
        var previousStart = previous.Start.InZone(facts.Location.Zone).ToDateTimeOffset();
        db.Publish(new AppointmentRescheduled(Guid.CreateVersion7(), now, facts.Appointment.PracticeGroupId, Summary(facts, patient), previousStart, ActorOf(by)));
        InAccessLog(facts.Appointment, by, PatientAccessAction.Updated, now);
        Email(patient, now, AppointmentEmails.Rescheduled(facts, previous, by, await ChangeableUntilAsync(facts, cancellationToken), PortalUrl));
    }

    public async Task CancelledAsync(AppointmentFacts facts, Booker by, CancellationToken cancellationToken)
    {
        var patient = await PatientOfAsync(facts, cancellationToken);
        var now = clock.GetUtcNow();
        db.Publish(new AppointmentCancelled(Guid.CreateVersion7(), now, facts.Appointment.PracticeGroupId, Summary(facts, patient), ActorOf(by),
            facts.Appointment.CancellationReason));
        InAccessLog(facts.Appointment, by, PatientAccessAction.Updated, now);
        Email(patient, now, AppointmentEmails.Cancelled(facts, by, PortalUrl));
    }

    /// <summary>Staff marked the patient arrived, seen or absent: a change to their appointments, in their access log.</summary>
    public void AttendanceRecorded(Appointment appointment) =>
        InAccessLog(appointment, Booker.Staff, PatientAccessAction.Updated, clock.GetUtcNow());

    /// <summary>Staff read one patient's appointments (a list of theirs, or one): a read of their record, in their access log.</summary>
    public void AppointmentsViewed(Guid patientId, Guid practiceGroupId) =>
        InAccessLog(patientId, practiceGroupId, Booker.Staff, PatientAccessAction.Viewed, clock.GetUtcNow());

    private void InAccessLog(Appointment appointment, Booker by, PatientAccessAction action, DateTimeOffset now) =>
        InAccessLog(appointment.PatientId, appointment.PracticeGroupId, by, action, now);

    /// <summary>What practice staff do to a patient's appointments is in the patient's access log; what patients do themselves is not.</summary>
    private void InAccessLog(Guid patientId, Guid practiceGroupId, Booker by, PatientAccessAction action, DateTimeOffset now)
    {
        if (by == Booker.Staff)
        {
            db.Publish(new PatientRecordAccessed(Guid.CreateVersion7(), now, patientId, practiceGroupId, currentUser.UserId,
                currentUser.Name, action, AccessLogSubject.Appointments, RemoteAddress.Of(http.HttpContext)));
        }
    }

    /// <summary>
    /// The reminder's email. Its id is made from the appointment and its calendar sequence, so two runs that both get
    /// this far write the same outbox row (the second save fails) and Notifications would queue one email anyway.
    /// </summary>
    public async Task ReminderAsync(AppointmentFacts facts, CancellationToken cancellationToken)
    {
        var patient = await PatientOfAsync(facts, cancellationToken);
        Email(patient, clock.GetUtcNow(), AppointmentEmails.Reminder(facts, PortalUrl),
            NameBasedId($"appointments.reminder:{facts.Appointment.Id:N}:{facts.Appointment.CalendarSequence}"));
    }

    /// <summary>The patients' app page that lists, moves and cancels their appointments.</summary>
    private string PortalUrl => $"{PublicBaseUrl.From(configuration)}/appointments";

    private Task<PatientSummary?> PatientOfAsync(AppointmentFacts facts, CancellationToken cancellationToken) =>
        patients.FindAsync(facts.Appointment.PracticeGroupId, facts.Appointment.PatientId, cancellationToken);

    private async Task<Instant?> ChangeableUntilAsync(AppointmentFacts facts, CancellationToken cancellationToken) =>
        facts.Appointment.PatientMayChangeUntil(await bookingRules.ForAsync(facts.Appointment.PracticeGroupId, cancellationToken));

    private void Email(PatientSummary? patient, DateTimeOffset now, EmailContent content, Guid? emailId = null)
    {
        if (string.IsNullOrWhiteSpace(patient?.Email))
        {
            return;
        }

        db.Publish(new EmailRequested(emailId ?? Guid.CreateVersion7(), now, patient.PracticeGroupId, patient.Email, content));
    }

    private static AppointmentSummary Summary(AppointmentFacts facts, PatientSummary? patient)
    {
        var (appointment, location, type, practitionerName) = facts;
        var zone = location.Zone;
        return new AppointmentSummary(
            appointment.Id,
            appointment.PatientId,
            patient is null ? "A patient" : $"{patient.GivenName} {patient.FamilyName}",
            appointment.PractitionerId,
            practitionerName,
            type.Name,
            location.Id,
            location.Name,
            appointment.Start.InZone(zone).ToDateTimeOffset(),
            appointment.End.InZone(zone).ToDateTimeOffset(),
            zone.Id);
    }

    private static AppointmentActor ActorOf(Booker by) => by == Booker.Patient ? AppointmentActor.Patient : AppointmentActor.Practice;

    /// <summary>A GUID that is always the same for the same name (SHA-256 of it, marked as version 8).</summary>
    private static Guid NameBasedId(string name)
    {
        Span<byte> bytes = stackalloc byte[16];
        SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16).CopyTo(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
