using System.Net;
using System.Net.Http.Json;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Appointments.Tests;

/// <summary>Booking over HTTP on SQLite: the slot search and a booking agree, and the database refuses a second booking of any minute.</summary>
public sealed class BookingTests(PortalApp app) : IClassFixture<PortalApp>
{
    private sealed record Slot(DateTimeOffset Start, DateTimeOffset End, Guid LocationId, string TimeZone);

    private sealed record Booked(Guid Id, DateTimeOffset Start, DateTimeOffset End, string Status, DateTimeOffset? CancellableUntil);

    private static async Task<string?> CodeOfAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).TryGetProperty("code", out var code) ? code.GetString() : null;

    [Fact]
    public async Task A_patient_books_a_free_slot_and_it_leaves_the_search_with_its_buffer()
    {
        var setup = await Bookable.SetUpAsync(app);
        var patient = await setup.Practice.AddPatientAsync();
        using var ava = await setup.Practice.SignedInPatientAsync(patient);
        var monday = setup.NextMondayAt(10);
        var day = DateOnly.FromDateTime(monday.Date).ToString("yyyy-MM-dd");
        var search = $"/api/portal/appointment-slots?practitionerId={setup.PractitionerId}&appointmentTypeId={setup.TypeId}&from={day}&to={day}";
        var before = (await ava.GetFromJsonAsync<Slot[]>(search, PortalClients.Json))!;
        Assert.Equal(31, before.Length);   // 09:00 to 16:30
        Assert.Contains(before, s => s.Start == monday);
        Assert.All(before, s => Assert.Equal("Australia/Sydney", s.TimeZone));

        using var booked = await ava.PostAsJsonAsync("/api/portal/appointments", setup.Booking(monday));

        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var appointment = (await booked.Content.ReadFromJsonAsync<Booked>(PortalClients.Json))!;
        Assert.Equal(monday, appointment.Start);
        Assert.Equal(monday.Offset, appointment.Start.Offset);   // the location's offset on that day
        Assert.Equal("booked", appointment.Status);
        Assert.Equal(monday.AddHours(-24), appointment.CancellableUntil);
        var after = (await ava.GetFromJsonAsync<Slot[]>(search, PortalClients.Json))!;
        // 09:45 would run into it; 10:00 and 10:15 overlap it; 10:30 overlaps its buffer to 10:40. 09:30 ends its own
        // buffer at 10:10: gone too.
        Assert.DoesNotContain(after, s => s.Start >= monday.AddMinutes(-30) && s.Start < monday.AddMinutes(40));
        Assert.Contains(after, s => s.Start == monday.AddMinutes(45));
        Assert.Contains(after, s => s.Start == monday.AddMinutes(-45));
    }

    [Fact]
    public async Task Twenty_bookings_of_one_slot_at_once_give_one_appointment_and_nineteen_slot_taken()
    {
        var setup = await Bookable.SetUpAsync(app);
        using var admin = await setup.Practice.SignedInAdminAsync();
        var patients = new List<TestPatient>();
        for (var i = 0; i < 20; i++)
        {
            patients.Add(await setup.Practice.AddPatientAsync());
        }

        var start = setup.NextMondayAt(11);
        using var go = new ManualResetEventSlim();
        var attempts = patients.Select(p => Task.Run(async () =>
        {
            go.Wait();
            using var response = await admin.PostAsJsonAsync("/api/practice/appointments",
                new { patientId = p.Id, practitionerId = setup.PractitionerId, appointmentTypeId = setup.TypeId, locationId = setup.LocationId, start });
            return (response.StatusCode, Code: response.IsSuccessStatusCode ? null : await CodeOfAsync(response));
        })).ToList();
        go.Set();
        var answers = await Task.WhenAll(attempts);

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.Equal(19, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict && a.Code == "appointments.slot-taken"));
    }

    [Fact]
    public async Task Overlapping_bookings_of_different_lengths_at_once_give_exactly_one()
    {
        var setup = await Bookable.SetUpAsync(app);
        using var admin = await setup.Practice.SignedInAdminAsync();
        using var longType = await admin.PostAsJsonAsync("/api/practice/appointment-types",
            new { name = "Long consultation", durationMinutes = 60, bufferMinutes = 0, priceCents = 22000, bookableOnline = true, newPatients = true });
        var longTypeId = (await longType.Content.ReadFromJsonAsync<Bookable.Answer>(PortalClients.Json))!.Id;
        var first = await setup.Practice.AddPatientAsync();
        var second = await setup.Practice.AddPatientAsync();
        var nine = setup.NextMondayAt(9);

        // 09:00-10:00 and 09:30-10:00(+10): they share 09:30-10:00.
        var answers = await Task.WhenAll(
            Task.Run(() => admin.PostAsJsonAsync("/api/practice/appointments",
                new { patientId = first.Id, practitionerId = setup.PractitionerId, appointmentTypeId = longTypeId, locationId = setup.LocationId, start = nine })),
            Task.Run(() => admin.PostAsJsonAsync("/api/practice/appointments",
                new { patientId = second.Id, practitionerId = setup.PractitionerId, appointmentTypeId = setup.TypeId, locationId = setup.LocationId, start = nine.AddMinutes(30) })));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_patient_books_only_inside_the_hours_on_a_five_minute_boundary_and_within_the_horizon()
    {
        var setup = await Bookable.SetUpAsync(app);
        using var ava = await setup.Practice.SignedInPatientAsync(await setup.Practice.AddPatientAsync());

        await ProblemAssert.IsProblemAsync(await ava.PostAsJsonAsync("/api/portal/appointments", setup.Booking(setup.NextMondayAt(7))),
            HttpStatusCode.UnprocessableEntity, "appointments.outside-availability");
        await ProblemAssert.IsProblemAsync(await ava.PostAsJsonAsync("/api/portal/appointments", setup.Booking(setup.NextMondayAt(16, 45))),
            HttpStatusCode.UnprocessableEntity, "appointments.outside-availability");   // would end at 17:15
        await ProblemAssert.IsProblemAsync(await ava.PostAsJsonAsync("/api/portal/appointments", setup.Booking(setup.NextMondayAt(10, 2))),
            HttpStatusCode.UnprocessableEntity, "appointments.outside-availability");   // not on a five-minute boundary
        await ProblemAssert.IsProblemAsync(await ava.PostAsJsonAsync("/api/portal/appointments", setup.Booking(setup.NextMondayAt(10).AddDays(91))),
            HttpStatusCode.UnprocessableEntity, "appointments.too-far-ahead");
    }

    [Fact]
    public async Task Inside_the_lead_time_a_patient_is_too_soon_and_the_practice_may_still_book()
    {
        var setup = await Bookable.SetUpAsync(app);
        var patient = await setup.Practice.AddPatientAsync();
        var noon = setup.NextMondayAt(12);
        app.Clock.SetUtcNow(noon.AddHours(-1));   // this class's clock only moves forward; later tests work from the new now
        using var ava = await setup.Practice.SignedInPatientAsync(patient);
        using var admin = await setup.Practice.SignedInAdminAsync();

        await ProblemAssert.IsProblemAsync(await ava.PostAsJsonAsync("/api/portal/appointments", setup.Booking(noon)),
            HttpStatusCode.UnprocessableEntity, "appointments.too-soon");
        using var staffBooked = await admin.PostAsJsonAsync("/api/practice/appointments",
            new { patientId = patient.Id, practitionerId = setup.PractitionerId, appointmentTypeId = setup.TypeId, locationId = setup.LocationId, start = noon });
        Assert.Equal(HttpStatusCode.Created, staffBooked.StatusCode);
    }

    [Fact]
    public async Task Another_groups_practitioner_type_or_patient_is_not_found()
    {
        var setup = await Bookable.SetUpAsync(app);
        var other = await Bookable.SetUpAsync(app);
        var patient = await setup.Practice.AddPatientAsync();
        var theirPatient = await other.Practice.AddPatientAsync();
        using var ava = await setup.Practice.SignedInPatientAsync(patient);
        using var admin = await setup.Practice.SignedInAdminAsync();
        var monday = setup.NextMondayAt(10);

        await ProblemAssert.IsProblemAsync(await ava.PostAsJsonAsync("/api/portal/appointments",
            new { practitionerId = other.PractitionerId, appointmentTypeId = setup.TypeId, start = monday }), HttpStatusCode.NotFound, "appointments.practitioner-not-found");
        await ProblemAssert.IsProblemAsync(await ava.PostAsJsonAsync("/api/portal/appointments",
            new { practitionerId = setup.PractitionerId, appointmentTypeId = other.TypeId, start = monday }), HttpStatusCode.NotFound, "appointments.type-not-found");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync("/api/practice/appointments",
            new { patientId = theirPatient.Id, practitionerId = setup.PractitionerId, appointmentTypeId = setup.TypeId, locationId = setup.LocationId, start = monday })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ava.GetAsync(
            $"/api/portal/appointment-slots?practitionerId={other.PractitionerId}&appointmentTypeId={other.TypeId}&from=2027-01-04&to=2027-01-05")).StatusCode);
    }

    [Fact]
    public async Task A_search_longer_than_31_days_is_refused()
    {
        var setup = await Bookable.SetUpAsync(app);
        using var ava = await setup.Practice.SignedInPatientAsync(await setup.Practice.AddPatientAsync());

        await ProblemAssert.IsProblemAsync(await ava.GetAsync(
                $"/api/portal/appointment-slots?practitionerId={setup.PractitionerId}&appointmentTypeId={setup.TypeId}&from=2027-01-01&to=2027-02-01"),
            HttpStatusCode.BadRequest, "appointments.range-too-long");
    }
}
