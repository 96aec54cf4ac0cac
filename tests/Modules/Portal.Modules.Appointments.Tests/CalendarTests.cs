using System.Net;
using System.Net.Http.Json;
using NodaTime;
using NodaTime.Extensions;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Appointments.Tests;

/// <summary>
/// The practice's calendar by local dates (each location's own days), with patients' names, and the practitioners a
/// patient may book.
/// </summary>
public sealed class CalendarTests(PortalApp app) : IClassFixture<PortalApp>
{
    private sealed record Named(Guid Id, string Name);

    private sealed record Entry(Guid Id, Named Patient, Named Practitioner, DateTimeOffset Start);

    private sealed record CalendarPage(List<Entry> Items, int Total);

    private sealed record Answer(Guid Id);

    private sealed record BookablePractitioner(Guid Id, string Name, List<Guid> LocationIds);

    [Fact]
    public async Task A_local_date_is_a_day_in_each_locations_own_zone_and_each_entry_names_its_patient()
    {
        var setup = await Bookable.SetUpAsync(app);
        using var admin = await setup.Practice.SignedInAdminAsync();
        using var practitioner = await app.SignedInClientAsync(setup.PractitionerEmail, TestPractice.Password);
        var perth = await IdOf(await admin.PostAsJsonAsync("/api/practice/locations", new { name = "Perth", address = "3 Hay St", timeZone = "Australia/Perth" }));
        var hours = new[]
        {
            new { locationId = setup.LocationId, dayOfWeek = "monday", start = "09:00", end = "17:00" },
            new { locationId = perth, dayOfWeek = "tuesday", start = "09:00", end = "17:00" },
        };
        (await practitioner.PutAsJsonAsync($"/api/practice/practitioners/{setup.PractitionerId}/availability", new { weekly = hours })).EnsureSuccessStatusCode();
        var zoe = await setup.Practice.AddPatientAsync(new
        {
            givenName = "Zoe", familyName = "Park", dateOfBirth = "1988-02-03", sex = "female", email = $"zoe.{Guid.NewGuid():N}@example.test",
        });
        var monday = setup.NextMondayAt(9);   // 09:00 in Sydney: still Sunday in UTC
        var mondayDate = LocalDate.FromDateTime(monday.DateTime);
        var tuesdayInPerth = (mondayDate.PlusDays(1) + new LocalTime(16, 0)).InZoneStrictly(DateTimeZoneProviders.Tzdb["Australia/Perth"]).ToDateTimeOffset();
        var sydneyVisit = await IdOf(await admin.PostAsJsonAsync("/api/practice/appointments",
            new { patientId = zoe.Id, practitionerId = setup.PractitionerId, appointmentTypeId = setup.TypeId, locationId = setup.LocationId, start = monday }));
        var perthVisit = await IdOf(await admin.PostAsJsonAsync("/api/practice/appointments",
            new { patientId = zoe.Id, practitionerId = setup.PractitionerId, appointmentTypeId = setup.TypeId, locationId = perth, start = tuesdayInPerth }));

        async Task<CalendarPage> Days(LocalDate from, LocalDate to, string filter = "") =>
            (await admin.GetFromJsonAsync<CalendarPage>($"/api/practice/appointments?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}{filter}", PortalClients.Json))!;

        var mondayOnly = Assert.Single((await Days(mondayDate, mondayDate)).Items);
        Assert.Equal(sydneyVisit, mondayOnly.Id);
        Assert.Equal("Zoe Park", mondayOnly.Patient.Name);
        Assert.Empty((await Days(mondayDate.PlusDays(-1), mondayDate.PlusDays(-1))).Items);
        Assert.Equal(perthVisit, Assert.Single((await Days(mondayDate.PlusDays(1), mondayDate.PlusDays(1))).Items).Id);
        Assert.Equal([sydneyVisit, perthVisit], (await Days(mondayDate, mondayDate.PlusDays(1))).Items.Select(e => e.Id));
        Assert.Equal(perthVisit, Assert.Single((await Days(mondayDate, mondayDate.PlusDays(1), $"&locationId={perth}")).Items).Id);
    }

    private sealed record AccessEntry(string ActorName, string Action, string Subject);

    private sealed record AccessLog(List<AccessEntry> Items);

    [Fact]
    public async Task Reading_one_patients_appointments_is_in_their_access_log_and_another_groups_patient_is_not_found()
    {
        var setup = await Bookable.SetUpAsync(app);
        var other = await Bookable.SetUpAsync(app);
        using var admin = await setup.Practice.SignedInAdminAsync();
        var ava = await setup.Practice.AddPatientAsync();
        var stranger = await other.Practice.AddPatientAsync();
        var range = $"from={setup.NextMondayAt(0):yyyy-MM-dd}&to={setup.NextMondayAt(0).AddDays(7):yyyy-MM-dd}";

        (await admin.GetAsync($"/api/practice/appointments?{range}&patientId={ava.Id}")).EnsureSuccessStatusCode();
        await ProblemAssert.IsProblemAsync(await admin.GetAsync($"/api/practice/appointments?{range}&patientId={stranger.Id}"), HttpStatusCode.NotFound,
            "patients.not-found");
        (await admin.GetAsync($"/api/practice/appointments?{range}")).EnsureSuccessStatusCode();   // the whole calendar: no one's record
        await app.RunMessagingAsync();

        using var patient = await setup.Practice.SignedInPatientAsync(ava);
        var log = (await patient.GetFromJsonAsync<AccessLog>("/api/portal/access-log", PortalClients.Json))!;
        Assert.Single(log.Items, e => e is { Action: "viewed", Subject: "appointments" });
    }

    [Fact]
    public async Task What_staff_do_to_a_patients_appointments_is_in_their_access_log_and_what_the_patient_does_is_not()
    {
        var setup = await Bookable.SetUpAsync(app);
        using var admin = await setup.Practice.SignedInAdminAsync();
        var ava = await setup.Practice.AddPatientAsync();
        using var patient = await setup.Practice.SignedInPatientAsync(ava);
        await app.RunMessagingAsync();
        var before = (await patient.GetFromJsonAsync<AccessLog>("/api/portal/access-log", PortalClients.Json))!.Items.Count;

        var own = await IdOf(await patient.PostAsJsonAsync("/api/portal/appointments", setup.Booking(setup.NextMondayAt(10))));
        (await patient.PostAsJsonAsync($"/api/portal/appointments/{own}/cancel", new { })).EnsureSuccessStatusCode();
        var booked = await IdOf(await admin.PostAsJsonAsync("/api/practice/appointments",
            new { patientId = ava.Id, practitionerId = setup.PractitionerId, appointmentTypeId = setup.TypeId, locationId = setup.LocationId, start = setup.NextMondayAt(11) }));
        (await admin.PostAsJsonAsync($"/api/practice/appointments/{booked}/reschedule", new { start = setup.NextMondayAt(12) })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/practice/appointments/{booked}/status", new { status = "arrived" })).EnsureSuccessStatusCode();
        await app.RunMessagingAsync();

        var log = (await patient.GetFromJsonAsync<AccessLog>("/api/portal/access-log", PortalClients.Json))!.Items;
        Assert.Equal(
            [("updated", "appointments"), ("updated", "appointments"), ("created", "appointments")],
            log.Take(log.Count - before).Select(e => (e.Action, e.Subject)));
    }

    [Theory]
    [InlineData("from=2027-03-01T09:00:00&to=2027-03-02")]   // no offset: it would mean the server's zone
    [InlineData("from=2027-03-01&to=2027-04-02")]            // more than 31 days
    [InlineData("from=2027-03-02&to=2027-03-01")]
    [InlineData("from=yesterday&to=2027-03-01")]
    [InlineData("to=2027-03-01")]
    public async Task A_range_the_calendar_cannot_read_is_a_validation_error(string range)
    {
        var setup = await Bookable.SetUpAsync(app);
        using var admin = await setup.Practice.SignedInAdminAsync();

        await ProblemAssert.IsProblemAsync(await admin.GetAsync($"/api/practice/appointments?{range}"), HttpStatusCode.BadRequest, "validation.failed");
    }

    [Fact]
    public async Task Patients_see_the_practitioners_with_hours_of_their_own_practice_only()
    {
        var setup = await Bookable.SetUpAsync(app);
        var other = await Bookable.SetUpAsync(app);
        await setup.Practice.AddPractitionerAsync("Kim", "Hours");   // no hours: not bookable
        using var patient = await setup.Practice.SignedInPatientAsync(await setup.Practice.AddPatientAsync());

        var bookable = Assert.Single((await patient.GetFromJsonAsync<List<BookablePractitioner>>("/api/portal/practitioners", PortalClients.Json))!);

        Assert.Equal(setup.PractitionerId, bookable.Id);
        Assert.Equal([setup.LocationId], bookable.LocationIds);
        Assert.NotEqual(other.PractitionerId, bookable.Id);
        using var practitioner = await app.SignedInClientAsync(setup.PractitionerEmail, TestPractice.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await practitioner.GetAsync("/api/portal/practitioners")).StatusCode);
    }

    private sealed record OneAppointment(Guid Id, Named Patient, string Status, string? CancellationReason);

    [Fact]
    public async Task Staff_read_one_appointment_with_its_patient_and_cancellation_reason_and_every_practitioner_of_their_group()
    {
        var setup = await Bookable.SetUpAsync(app);
        var other = await Bookable.SetUpAsync(app);
        var kimEmail = await setup.Practice.AddPractitionerAsync("Kim", "Hours");   // no hours yet
        using var kim = await app.SignedInClientAsync(kimEmail, TestPractice.Password);   // a plain practitioner
        using var admin = await setup.Practice.SignedInAdminAsync();
        using var otherAdmin = await other.Practice.SignedInAdminAsync();
        var zoe = await setup.Practice.AddPatientAsync();
        var booked = await IdOf(await admin.PostAsJsonAsync("/api/practice/appointments",
            new { patientId = zoe.Id, practitionerId = setup.PractitionerId, appointmentTypeId = setup.TypeId, locationId = setup.LocationId, start = setup.NextMondayAt(10) }));
        (await admin.PostAsJsonAsync($"/api/practice/appointments/{booked}/cancel", new { reason = "Dr away at a conference" })).EnsureSuccessStatusCode();

        var read = (await kim.GetFromJsonAsync<OneAppointment>($"/api/practice/appointments/{booked}", PortalClients.Json))!;

        Assert.Equal(("Ava Nguyen", "cancelled", "Dr away at a conference"), (read.Patient.Name, read.Status, read.CancellationReason));
        await ProblemAssert.IsProblemAsync(await otherAdmin.GetAsync($"/api/practice/appointments/{booked}"), HttpStatusCode.NotFound, "appointments.not-found");
        var practitioners = (await kim.GetFromJsonAsync<List<BookablePractitioner>>("/api/practice/practitioners", PortalClients.Json))!;
        Assert.Equal([setup.LocationId], practitioners.Single(p => p.Id == setup.PractitionerId).LocationIds);
        Assert.Empty(practitioners.Single(p => p.Name == "Kim Hours").LocationIds);
        Assert.DoesNotContain(practitioners, p => p.Id == other.PractitionerId);
    }

    private static async Task<Guid> IdOf(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<Answer>(PortalClients.Json))!.Id;
        }
    }
}
