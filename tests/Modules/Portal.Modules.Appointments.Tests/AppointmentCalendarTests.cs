using System.Net;
using System.Net.Http.Json;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Appointments.Tests;

/// <summary><c>GET /api/portal/appointments/{id}/calendar.ics</c>: the patient's own appointment only, the same entry the email attached.</summary>
public sealed class AppointmentCalendarTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task A_patient_downloads_their_appointment_as_the_calendar_entry_the_email_carried()
    {
        var setup = await Bookable.SetUpAsync(app);
        var patient = await setup.Practice.AddPatientAsync();
        using var ava = await setup.Practice.SignedInPatientAsync(patient);
        var ten = setup.NextMondayAt(10);
        var booked = await Mailbox.AppointmentFrom(await ava.PostAsJsonAsync("/api/portal/appointments", setup.Booking(ten)));
        var emailed = Assert.Single(await app.DeliveredToAsync(patient.Email)).Ics;

        using var response = await ava.GetAsync($"/api/portal/appointments/{booked.Id}/calendar.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(emailed.Text, text);   // one builder: the same calendar, byte for byte
        var entry = Assert.Single(Ical.Net.Calendar.Load(text)!.Events);
        Assert.Equal("Australia/Sydney", entry.DtStart!.TzId);
        Assert.Equal(ten.UtcDateTime, entry.DtStart.AsUtc);
    }

    [Fact]
    public async Task Another_patients_appointment_and_another_groups_are_not_found()
    {
        var setup = await Bookable.SetUpAsync(app);
        var other = await Bookable.SetUpAsync(app);
        using var ava = await setup.Practice.SignedInPatientAsync(await setup.Practice.AddPatientAsync());
        using var ben = await setup.Practice.SignedInPatientAsync(await setup.Practice.AddPatientAsync());
        using var chloe = await other.Practice.SignedInPatientAsync(await other.Practice.AddPatientAsync());
        using var admin = await setup.Practice.SignedInAdminAsync();
        var avas = await Mailbox.AppointmentFrom(await ava.PostAsJsonAsync("/api/portal/appointments", setup.Booking(setup.NextMondayAt(10))));

        await ProblemAssert.IsProblemAsync(await ben.GetAsync($"/api/portal/appointments/{avas.Id}/calendar.ics"), HttpStatusCode.NotFound, "appointments.not-found");
        await ProblemAssert.IsProblemAsync(await chloe.GetAsync($"/api/portal/appointments/{avas.Id}/calendar.ics"), HttpStatusCode.NotFound, "appointments.not-found");
        await ProblemAssert.IsProblemAsync(await ava.GetAsync($"/api/portal/appointments/{Guid.CreateVersion7()}/calendar.ics"), HttpStatusCode.NotFound, "appointments.not-found");
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync($"/api/portal/appointments/{avas.Id}/calendar.ics")).StatusCode);   // a patient route
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/portal/appointments/{avas.Id}/calendar.ics")).StatusCode);
    }

    [Fact]
    public async Task A_cancelled_appointments_calendar_entry_is_its_cancellation()
    {
        var setup = await Bookable.SetUpAsync(app);
        using var ava = await setup.Practice.SignedInPatientAsync(await setup.Practice.AddPatientAsync());
        var booked = await Mailbox.AppointmentFrom(await ava.PostAsJsonAsync("/api/portal/appointments", setup.Booking(setup.NextMondayAt(15))));
        await Mailbox.AppointmentFrom(await ava.PostAsJsonAsync($"/api/portal/appointments/{booked.Id}/cancel", new { }));

        var calendar = Ical.Net.Calendar.Load(await ava.GetStringAsync($"/api/portal/appointments/{booked.Id}/calendar.ics"))!;

        Assert.Equal("CANCEL", calendar.Method);
        Assert.Equal("CANCELLED", Assert.Single(calendar.Events).Status);
        Assert.Equal(1, calendar.Events.Single().Sequence);
    }
}
