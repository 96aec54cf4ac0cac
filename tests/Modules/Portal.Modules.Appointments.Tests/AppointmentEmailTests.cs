using System.Net.Http.Json;
using NodaTime;
using NodaTime.Extensions;
using Portal.Modules.Notifications.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Appointments.Tests;

/// <summary>
/// The patient's emails about their appointment, through the outbox, the relay and the development mailbox: on the
/// location's clock in words, with the calendar entry (.ics) read back by Ical.Net.
/// </summary>
public sealed class AppointmentEmailTests(PortalApp app) : IClassFixture<PortalApp>
{
    private const string Sydney = "Australia/Sydney";

    [Fact]
    public async Task Booking_online_emails_a_confirmation_with_a_calendar_entry_in_the_locations_zone()
    {
        var setup = await Bookable.SetUpAsync(app);
        var patient = await setup.Practice.AddPatientAsync();
        using var ava = await setup.Practice.SignedInPatientAsync(patient);
        var ten = setup.NextMondayAt(10);

        var booked = await Mailbox.AppointmentFrom(await ava.PostAsJsonAsync("/api/portal/appointments", setup.Booking(ten)));

        var email = Assert.Single(await app.DeliveredToAsync(patient.Email));
        var abbreviation = DateTimeZoneProviders.Tzdb[Sydney].GetZoneInterval(ten.ToInstant()).Name;   // AEDT or AEST, as that Monday has it
        Assert.StartsWith("Appointment confirmed: ", email.Subject, StringComparison.Ordinal);
        Assert.Contains($"When: {ten.InWords("dddd d MMMM yyyy")}, 10:00 {abbreviation}.", email.Body, StringComparison.Ordinal);
        Assert.Contains("What: Standard consultation with Sam Lee (30 minutes).", email.Body, StringComparison.Ordinal);
        Assert.Contains("Where: Clinic, 1 Main St.", email.Body, StringComparison.Ordinal);
        Assert.Contains("Thank you for booking", email.Body, StringComparison.Ordinal);
        var until = (ten.ToInstant() - Duration.FromHours(24)).InZone(DateTimeZoneProviders.Tzdb[Sydney]).ToDateTimeOffset();   // the practice's 24 hours' notice
        Assert.Contains($"You can cancel or change it online until {until.InWords("dddd d MMMM yyyy, HH:mm")}", email.Body, StringComparison.Ordinal);

        var ics = email.Ics;
        Assert.Equal("appointment.ics", ics.FileName);
        Assert.StartsWith("text/calendar", ics.ContentType, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Australia/Sydney:", ics.Text, StringComparison.Ordinal);
        var calendar = ics.Calendar;
        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Equal(Sydney, Assert.Single(calendar.TimeZones).TzId);   // a VTIMEZONE for the TZID, not a floating time
        var entry = ics.Event;
        Assert.Equal(Sydney, entry.DtStart!.TzId);
        Assert.Equal(ten.DateTime, entry.DtStart.Value);                // 10:00 on the location's wall clock
        Assert.Equal(ten.UtcDateTime, entry.DtStart.AsUtc);              // and the right instant
        Assert.Equal(ten.AddMinutes(30).UtcDateTime, entry.DtEnd!.AsUtc);
        Assert.Equal(Sydney, entry.DtEnd.TzId);
        Assert.Equal($"{booked.Id:D}@appointments.portal", entry.Uid);
        Assert.Equal(0, entry.Sequence);
        Assert.Equal("CONFIRMED", entry.Status);
        Assert.Equal("Standard consultation with Sam Lee", entry.Summary);
        Assert.Equal("Clinic, 1 Main St", entry.Location);
    }

    [Fact]
    public async Task A_booking_by_the_practice_is_emailed_too_and_says_so()
    {
        var setup = await Bookable.SetUpAsync(app, "Australia/Brisbane");
        var patient = await setup.Practice.AddPatientAsync();
        using var admin = await setup.Practice.SignedInAdminAsync();
        var ten = setup.NextMondayAt(10);

        await setup.BookAsStaffAsync(admin, patient.Id, ten);

        var email = Assert.Single(await app.DeliveredToAsync(patient.Email));
        Assert.Contains("Your practice booked an appointment for you.", email.Body, StringComparison.Ordinal);
        Assert.Contains($"When: {ten.InWords("dddd d MMMM yyyy")}, 10:00 AEST.", email.Body, StringComparison.Ordinal);   // Brisbane keeps no daylight saving
        var entry = email.Ics.Event;
        Assert.Equal("Australia/Brisbane", entry.DtStart!.TzId);
        Assert.Equal(ten.UtcDateTime, entry.DtStart.AsUtc);
    }

    [Fact]
    public async Task A_patient_who_cancels_is_emailed_a_cancellation_of_the_same_calendar_entry()
    {
        var setup = await Bookable.SetUpAsync(app);
        var patient = await setup.Practice.AddPatientAsync();
        using var ava = await setup.Practice.SignedInPatientAsync(patient);
        var booked = await Mailbox.AppointmentFrom(await ava.PostAsJsonAsync("/api/portal/appointments", setup.Booking(setup.NextMondayAt(11))));
        var confirmation = Assert.Single(await app.DeliveredToAsync(patient.Email)).Ics.Event;

        await Mailbox.AppointmentFrom(await ava.PostAsJsonAsync($"/api/portal/appointments/{booked.Id}/cancel", new { reason = "Feeling better" }));

        var emails = await app.DeliveredToAsync(patient.Email);
        Assert.Equal(2, emails.Count);
        var cancellation = emails[0];
        Assert.StartsWith("Appointment cancelled: ", cancellation.Subject, StringComparison.Ordinal);
        Assert.Contains("You cancelled your appointment.", cancellation.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("reason", cancellation.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("CANCEL", cancellation.Ics.Calendar.Method);
        Assert.Contains("method=CANCEL", cancellation.Ics.ContentType, StringComparison.Ordinal);
        var entry = cancellation.Ics.Event;
        Assert.Equal(confirmation.Uid, entry.Uid);
        Assert.True(entry.Sequence > confirmation.Sequence);
        Assert.Equal("CANCELLED", entry.Status);
    }

    [Fact]
    public async Task The_practice_cancelling_says_so_and_gives_its_reason()
    {
        var setup = await Bookable.SetUpAsync(app);
        var patient = await setup.Practice.AddPatientAsync();
        using var admin = await setup.Practice.SignedInAdminAsync();
        var booked = await setup.BookAsStaffAsync(admin, patient.Id, setup.NextMondayAt(9));

        await Mailbox.AppointmentFrom(await admin.PostAsJsonAsync($"/api/practice/appointments/{booked.Id}/cancel", new { reason = "Dr Lee is unwell" }));

        var cancellation = (await app.DeliveredToAsync(patient.Email))[0];
        Assert.StartsWith("Appointment cancelled: ", cancellation.Subject, StringComparison.Ordinal);
        Assert.Contains("Your practice cancelled your appointment.", cancellation.Body, StringComparison.Ordinal);
        Assert.Contains("The practice's reason: Dr Lee is unwell", cancellation.Body, StringComparison.Ordinal);
        Assert.Equal("CANCELLED", cancellation.Ics.Event.Status);
    }

    [Fact]
    public async Task Rescheduling_emails_the_old_and_new_times_and_a_newer_sequence_of_the_same_entry()
    {
        var setup = await Bookable.SetUpAsync(app);
        var patient = await setup.Practice.AddPatientAsync();
        using var ava = await setup.Practice.SignedInPatientAsync(patient);
        using var admin = await setup.Practice.SignedInAdminAsync();
        var ten = setup.NextMondayAt(10);
        var two = setup.NextMondayAt(14);
        var four = setup.NextMondayAt(16);
        var booked = await Mailbox.AppointmentFrom(await ava.PostAsJsonAsync("/api/portal/appointments", setup.Booking(ten)));
        var first = Assert.Single(await app.DeliveredToAsync(patient.Email)).Ics.Event;

        await Mailbox.AppointmentFrom(await ava.PostAsJsonAsync($"/api/portal/appointments/{booked.Id}/reschedule", new { start = two }));
        var byPatient = (await app.DeliveredToAsync(patient.Email))[0];
        await Mailbox.AppointmentFrom(await admin.PostAsJsonAsync($"/api/practice/appointments/{booked.Id}/reschedule", new { start = four }));
        var byPractice = (await app.DeliveredToAsync(patient.Email))[0];

        Assert.StartsWith("Appointment moved: ", byPatient.Subject, StringComparison.Ordinal);
        Assert.Contains("You moved your appointment", byPatient.Body, StringComparison.Ordinal);
        Assert.Contains($"Was: {ten.InWords("dddd d MMMM yyyy")}, 10:00 ", byPatient.Body, StringComparison.Ordinal);
        Assert.Contains($"Now: {two.InWords("dddd d MMMM yyyy")}, 14:00 ", byPatient.Body, StringComparison.Ordinal);
        Assert.Contains("Your practice moved your appointment", byPractice.Body, StringComparison.Ordinal);
        Assert.Contains($"Was: {two.InWords("dddd d MMMM yyyy")}, 14:00 ", byPractice.Body, StringComparison.Ordinal);
        Assert.Contains($"Now: {four.InWords("dddd d MMMM yyyy")}, 16:00 ", byPractice.Body, StringComparison.Ordinal);

        var second = byPatient.Ics.Event;
        var third = byPractice.Ics.Event;
        Assert.Equal(first.Uid, second.Uid);
        Assert.Equal(first.Uid, third.Uid);
        Assert.True(second.Sequence > first.Sequence);
        Assert.True(third.Sequence > second.Sequence);
        Assert.Equal(two.UtcDateTime, second.DtStart!.AsUtc);
        Assert.Equal(new DateTime(four.Year, four.Month, four.Day, 16, 0, 0), third.DtStart!.Value);
        Assert.Equal("Australia/Sydney", third.DtStart.TzId);
    }

    [Fact]
    public async Task A_patient_without_an_email_address_is_booked_and_sent_nothing()
    {
        var setup = await Bookable.SetUpAsync(app);
        var patient = await setup.Practice.AddPatientAsync(new { givenName = "Noah", familyName = "Smith", dateOfBirth = "1985-02-03", sex = "male" });
        using var admin = await setup.Practice.SignedInAdminAsync();
        var before = (await app.PublishedAsync<EmailRequested>("appointments")).Count;

        var booked = await setup.BookAsStaffAsync(admin, patient.Id, setup.NextMondayAt(12));
        await Mailbox.AppointmentFrom(await admin.PostAsJsonAsync($"/api/practice/appointments/{booked.Id}/cancel", new { reason = "Double booked" }));

        Assert.Equal(before, (await app.PublishedAsync<EmailRequested>("appointments")).Count);
        await app.RunMessagingAsync();   // and the events it did publish relay without fault
        Assert.Empty(app.ServerErrors());
    }
}
