using System.Net.Http.Json;
using Portal.Testing;
using Portal.Web.Patient.Features.Appointments;
using Xunit;

namespace Portal.Web.Tests;

/// <summary>
/// The patients' appointment pages over HTTP against the real Host, as a browser without script uses them: booking step
/// by step through links and the confirm form, the list, cancelling and moving, the next appointment on the home page.
/// Each test has a practice of its own (a Sydney location, a practitioner working Monday to Friday 09:00-17:00, a
/// 30-minute type at $120.00) and checks what happened through the API.
/// </summary>
public sealed class AppointmentPagesTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task Booking_skips_the_steps_with_one_choice_walks_day_and_time_and_the_confirm_form_books()
    {
        var practice = await BookablePractice.SetUpAsync(app);
        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.Patient.Email, TestPractice.Password, "/appointments/book");

        // One practitioner: no "who" step; two kinds of appointment: the kind step, with length and price.
        Assert.Equal("What kind of appointment?", browser.Text("main h2"));
        var kinds = browser.Page.QuerySelectorAll(".choices a");
        Assert.Equal(2, kinds.Length);
        Assert.Contains("30 minutes · $120.00", kinds[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("1 hour · $220.00", kinds[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Sam Lee", browser.Text(".chosen"), StringComparison.Ordinal);

        await browser.OpenAsync(Href(kinds[1]));
        Assert.Equal("Which day?", browser.Text("main h2"));
        var days = browser.Page.QuerySelectorAll(".choices a");
        Assert.NotEmpty(days);
        Assert.Contains("free times", days[0].TextContent, StringComparison.Ordinal);

        await browser.OpenAsync(Href(days[0]));
        Assert.StartsWith("What time on ", browser.Text("main h2"), StringComparison.Ordinal);
        Assert.Contains("At Clinic", browser.Text("h3.where"), StringComparison.Ordinal);
        var slots = await practice.SlotsAsync(practice.StandardId);
        var first = slots.First();
        var times = browser.Page.QuerySelectorAll(".choices a");
        Assert.Equal(When.Time(first.Start), times[0].TextContent.Trim());   // the location's clock, as the API gives it

        await browser.OpenAsync(Href(times[0]));
        Assert.Equal("Check and confirm", browser.Text("main h2"));
        var facts = browser.Text(".facts");
        Assert.Contains(When.LongDayAndTime(first.Start), facts, StringComparison.Ordinal);
        Assert.Contains("$120.00", facts, StringComparison.Ordinal);
        Assert.Contains("1 Main St", facts, StringComparison.Ordinal);

        await browser.SubmitAsync("book");

        Assert.Equal("Your appointment is booked", browser.Text("h1"));
        Assert.Contains("You can cancel or change this online until", browser.Text(".rule"), StringComparison.Ordinal);
        var booked = Assert.Single((await practice.MineAsync()).Items);
        Assert.Equal(first.Start, booked.Start);
        Assert.Equal("booked", booked.Status);
        Assert.Equal(practice.StandardId, booked.AppointmentType.Id);
    }

    [Fact]
    public async Task A_time_taken_meanwhile_is_said_and_the_days_free_times_are_shown_again()
    {
        var practice = await BookablePractice.SetUpAsync(app);
        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.Patient.Email, TestPractice.Password);
        var first = (await practice.SlotsAsync(practice.StandardId)).First();
        await browser.OpenAsync(practice.ConfirmPath(first));
        Assert.Equal("Check and confirm", browser.Text("main h2"));

        var other = await practice.Practice.AddPatientAsync();
        using (var someoneElse = await practice.Practice.SignedInPatientAsync(other))
        {
            (await someoneElse.PostAsJsonAsync("/api/portal/appointments",
                new { practitionerId = practice.PractitionerId, appointmentTypeId = practice.StandardId, start = first.Start })).EnsureSuccessStatusCode();
        }

        await browser.SubmitAsync("book");

        Assert.Contains("someone else has just taken that time", browser.Text(".problem"), StringComparison.Ordinal);
        Assert.StartsWith("What time on ", browser.Text("main h2"), StringComparison.Ordinal);
        Assert.DoesNotContain(browser.Page.QuerySelectorAll(".choices a"), a => a.TextContent.Trim() == When.Time(first.Start));
        Assert.Empty((await practice.MineAsync()).Items);

        // A link to a time no longer free says so before anything is sent.
        await browser.OpenAsync(practice.ConfirmPath(first));
        Assert.Contains("is no longer free", browser.Text(".problem"), StringComparison.Ordinal);
        Assert.Null(browser.Page.QuerySelector("form input[name=_handler][value=book]"));
    }

    [Fact]
    public async Task My_appointments_says_the_rule_and_cancelling_asks_then_cancels()
    {
        var practice = await BookablePractice.SetUpAsync(app);
        var appointment = await practice.BookAsync((await practice.SlotsAsync(practice.StandardId)).First().Start);
        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.Patient.Email, TestPractice.Password, "/appointments");

        var card = browser.Text($"#appointment-{appointment.Id}");
        Assert.Contains(When.LongDayAndTime(appointment.Start), card, StringComparison.Ordinal);
        Assert.Contains("Booked", card, StringComparison.Ordinal);
        Assert.Contains($"You can cancel or change this online until {When.DayAndTime(appointment.CancellableUntil!.Value)}", card, StringComparison.Ordinal);
        Assert.Contains("No past appointments yet.", browser.Text("main"), StringComparison.Ordinal);

        await browser.OpenAsync("/" + browser.Page.QuerySelector($"#appointment-{appointment.Id} a[href$='/cancel']")!.GetAttribute("href"));
        Assert.Equal("Cancel this appointment?", browser.Text("main h2"));
        await browser.SubmitAsync("cancel", new Dictionary<string, string> { ["Input.Reason"] = "Feeling better" });

        Assert.Equal("Your appointment is cancelled", browser.Text("h1"));
        Assert.Equal("cancelled", Assert.Single((await practice.MineAsync()).Items).Status);
        await browser.OpenAsync("/appointments");
        Assert.Contains("Cancelled", browser.Text($"#appointment-{appointment.Id} .status"), StringComparison.Ordinal);
        Assert.Null(browser.Page.QuerySelector($"#appointment-{appointment.Id} .actions"));
    }

    [Fact]
    public async Task Moving_an_appointment_reuses_the_day_and_time_steps_and_moves_it()
    {
        var practice = await BookablePractice.SetUpAsync(app);
        var slots = await practice.SlotsAsync(practice.StandardId);
        var appointment = await practice.BookAsync(slots.First().Start);
        var later = slots.Last();
        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.Patient.Email, TestPractice.Password, $"/appointments/{appointment.Id}/reschedule");

        Assert.Contains(When.LongDayAndTime(appointment.Start), browser.Text(".now .facts"), StringComparison.Ordinal);
        Assert.Equal("Which new day?", browser.Text("#day-heading"));
        var day = browser.Page.QuerySelectorAll(".choices a").Last(a => a.TextContent.Contains(When.Day(later.Start), StringComparison.Ordinal));
        await browser.OpenAsync(Href(day));
        var time = browser.Page.QuerySelectorAll(".choices a").Single(a => a.TextContent.Trim() == When.Time(later.Start));
        await browser.OpenAsync(Href(time));
        Assert.Equal("Move it to this time?", browser.Text("#confirm-heading"));

        await browser.SubmitAsync("reschedule");

        Assert.Equal("Your appointment is moved", browser.Text("h1"));
        var moved = Assert.Single((await practice.MineAsync()).Items);
        Assert.Equal((appointment.Id, later.Start, "booked"), (moved.Id, moved.Start, moved.Status));
    }

    [Fact]
    public async Task Home_shows_the_next_appointment_or_a_link_to_book_one()
    {
        var practice = await BookablePractice.SetUpAsync(app);
        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.Patient.Email, TestPractice.Password);
        Assert.Contains("You have no appointments coming up.", browser.Text("section[aria-labelledby=appointment-heading]"), StringComparison.Ordinal);
        Assert.NotNull(browser.Page.QuerySelector("section[aria-labelledby=appointment-heading] a[href='appointments/book']"));

        var slots = await practice.SlotsAsync(practice.StandardId);
        await practice.BookAsync(slots.Last().Start);
        var next = await practice.BookAsync(slots.First().Start);
        await browser.OpenAsync("/");

        var card = browser.Text("section[aria-labelledby=appointment-heading]");
        Assert.Contains(When.LongDayAndTime(next.Start), card, StringComparison.Ordinal);
        Assert.Contains("Standard consultation with Sam Lee", card, StringComparison.Ordinal);
        Assert.Contains("Clinic, 1 Main St", card, StringComparison.Ordinal);
        Assert.NotNull(browser.Page.QuerySelector($"section[aria-labelledby=appointment-heading] a[href='appointments#appointment-{next.Id}']"));
    }

    [Fact]
    public async Task A_patient_cannot_open_another_patients_appointment_to_cancel_or_move_it()
    {
        var practice = await BookablePractice.SetUpAsync(app);
        var theirs = await practice.BookAsync((await practice.SlotsAsync(practice.StandardId)).First().Start);
        var other = await practice.Practice.AddPatientAsync();
        await app.LinkPatientRecordAsync(other.Email, TestPractice.Password, other.Id, practice.Practice.Id);
        using var browser = new PageClient(app);
        await browser.SignInAsync(other.Email, TestPractice.Password, $"/appointments/{theirs.Id}/cancel");

        Assert.Contains("was not found", browser.Text(".problem"), StringComparison.Ordinal);
        Assert.Null(browser.Page.QuerySelector("form input[name=_handler][value=cancel]"));
        Assert.DoesNotContain(When.LongDayAndTime(theirs.Start), browser.Text("main"), StringComparison.Ordinal);
        await browser.OpenAsync($"/appointments/{theirs.Id}/reschedule");
        Assert.Contains("was not found", browser.Text(".problem"), StringComparison.Ordinal);
        Assert.Null(browser.Page.QuerySelector(".choices"));

        Assert.Equal("booked", Assert.Single((await practice.MineAsync()).Items).Status);
    }

    [Fact]
    public async Task When_online_changes_are_not_taken_the_list_and_the_cancel_page_say_to_call()
    {
        var practice = await BookablePractice.SetUpAsync(app);
        var appointment = await practice.BookAsync((await practice.SlotsAsync(practice.StandardId)).First().Start);
        await practice.PutBookingSettingsAsync(patientCancellation: false);
        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.Patient.Email, TestPractice.Password, "/appointments");

        Assert.Contains("To change this appointment, call the practice.", browser.Text($"#appointment-{appointment.Id}"), StringComparison.Ordinal);
        Assert.Null(browser.Page.QuerySelector($"#appointment-{appointment.Id} .actions"));
        await browser.OpenAsync($"/appointments/{appointment.Id}/cancel");
        Assert.Contains("To change this appointment, call the practice.", browser.Text(".warning"), StringComparison.Ordinal);
        Assert.Null(browser.Page.QuerySelector("form input[name=_handler][value=cancel]"));
    }

    [Fact]
    public async Task A_rule_that_changed_while_the_page_was_open_is_said_when_the_form_is_sent_and_nothing_changes()
    {
        var practice = await BookablePractice.SetUpAsync(app);
        var slots = await practice.SlotsAsync(practice.StandardId);
        var appointment = await practice.BookAsync(slots.First().Start);
        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.Patient.Email, TestPractice.Password, $"/appointments/{appointment.Id}/cancel");
        using var moving = new PageClient(app);
        await moving.SignInAsync(practice.Patient.Email, TestPractice.Password,
            $"/appointments/{appointment.Id}/reschedule?date={slots.Last().Start:yyyy-MM-dd}&start={Uri.EscapeDataString(When.Iso(slots.Last().Start))}");
        Assert.Equal("Move it to this time?", moving.Text("#confirm-heading"));

        await practice.PutBookingSettingsAsync(patientCancellation: false);
        await browser.SubmitAsync("cancel");
        await moving.SubmitAsync("reschedule");

        Assert.Contains("does not take cancellations or changes online. Please call the practice.", browser.Text(".problem"), StringComparison.Ordinal);
        Assert.Null(browser.Page.QuerySelector("form input[name=_handler][value=cancel]"));
        Assert.Contains("does not take cancellations or changes online. Please call the practice.", moving.Text(".problem"), StringComparison.Ordinal);
        var unchanged = Assert.Single((await practice.MineAsync()).Items);
        Assert.Equal((appointment.Start, "booked"), (unchanged.Start, unchanged.Status));
    }

    [Fact]
    public async Task Later_dates_page_through_the_free_days_and_a_stretch_without_any_says_so()
    {
        var practice = await BookablePractice.SetUpAsync(app);
        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.Patient.Email, TestPractice.Password, $"/appointments/book?type={practice.StandardId}");
        Assert.Null(browser.Page.QuerySelector("a[rel=prev]"));   // nothing earlier than today

        await browser.OpenAsync(Href(browser.Page.QuerySelector("a[rel=next]")!));

        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var firstLater = DateOnly.Parse(System.Text.RegularExpressions.Regex.Match(browser.Page.QuerySelector(".choices a")!.GetAttribute("href")!, @"date=([0-9-]+)").Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(firstLater >= today.AddDays(AppointmentsClient.SearchDays - 1), $"{firstLater} is not after the first two weeks");
        Assert.NotNull(browser.Page.QuerySelector("a[rel=prev]"));

        // Past the practice's 90 days ahead: no free times, said plainly after a few searches.
        await browser.OpenAsync($"/appointments/book?type={practice.StandardId}&from={today.AddDays(120):yyyy-MM-dd}");
        Assert.Contains("No free times from", browser.Text("#day-heading + p"), StringComparison.Ordinal);
        Assert.Empty(browser.Page.QuerySelectorAll(".choices a"));
    }

    [Fact]
    public async Task Times_are_the_locations_own_clock_whatever_the_servers_zone()
    {
        var practice = await BookablePractice.SetUpAsync(app, "Australia/Perth");
        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.Patient.Email, TestPractice.Password, $"/appointments/book?type={practice.StandardId}");

        // The second day with free times is a whole working day: it starts at 9:00 in Perth (01:00 UTC).
        await browser.OpenAsync(Href(browser.Page.QuerySelectorAll(".choices a")[1]));
        var times = browser.Page.QuerySelectorAll(".choices a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal("9:00 am", times[0]);
        Assert.EndsWith("pm", times[^1], StringComparison.Ordinal);
        await browser.OpenAsync(Href(browser.Page.QuerySelectorAll(".choices a")[0]));
        Assert.Contains("+08:00", Uri.UnescapeDataString(browser.Path), StringComparison.Ordinal);   // the start travels with Perth's offset
        Assert.Contains("at 9:00 am", browser.Text(".facts"), StringComparison.Ordinal);
    }

    [Fact]
    public void Times_prices_and_lengths_are_written_as_a_patient_reads_them_in_the_locations_own_time()
    {
        var sydney = new DateTimeOffset(2027, 3, 1, 10, 30, 0, TimeSpan.FromHours(11));
        var perth = new DateTimeOffset(2027, 3, 1, 7, 30, 0, TimeSpan.FromHours(8));   // the same instant

        Assert.Equal("10:30 am", When.Time(sydney));
        Assert.Equal("7:30 am", When.Time(perth));
        Assert.Equal("12:05 pm", When.Time(new DateTimeOffset(2027, 3, 1, 12, 5, 0, TimeSpan.FromHours(11))));
        Assert.Equal("Mon 1 Mar, 10:30 am", When.DayAndTime(sydney));
        Assert.Equal("Monday 1 March 2027 at 10:30 am", When.LongDayAndTime(sydney));
        Assert.Equal("Sun 28 Feb", When.Day(new DateTimeOffset(2027, 2, 28, 23, 30, 0, TimeSpan.FromHours(11))));
        Assert.Equal(sydney, When.ParseStart(When.Iso(sydney)));
        Assert.Equal(TimeSpan.FromHours(11), When.ParseStart(When.Iso(sydney))!.Value.Offset);
        Assert.Null(When.ParseStart("2027-03-01T10:30:00"));   // without its offset a time would mean the server's zone
        Assert.Equal("$120.00", When.Price(12000));
        Assert.Equal("$1,234.50", When.Price(123450));
        Assert.Equal("30 minutes", When.Length(30));
        Assert.Equal("1 hour", When.Length(60));
        Assert.Equal("1 hour 30 minutes", When.Length(90));
    }

    private static string Href(AngleSharp.Dom.IElement link) => "/" + link.GetAttribute("href")!.TrimStart('/');

    /// <summary>
    /// A practice of the test's own that takes bookings, set up through the API as a practice would, and a patient of
    /// it with a portal account.
    /// </summary>
    private sealed record BookablePractice(PortalApp App, TestPractice Practice, TestPatient Patient, Guid PractitionerId, Guid StandardId, Guid LongId)
    {
        public static async Task<BookablePractice> SetUpAsync(PortalApp app, string zone = "Australia/Sydney")
        {
            var practice = await app.NewPracticeAsync();
            using var admin = await practice.SignedInAdminAsync();
            var practitionerEmail = await practice.AddPractitionerAsync();
            using var practitioner = await app.SignedInClientAsync(practitionerEmail, TestPractice.Password);
            var practitionerId = (await practitioner.GetFromJsonAsync<Me>("/api/me", PortalClients.Json))!.UserId;
            var location = await CreatedAsync(await admin.PostAsJsonAsync("/api/practice/locations",
                new { name = "Clinic", address = "1 Main St", timeZone = zone }));
            var standard = await CreatedAsync(await admin.PostAsJsonAsync("/api/practice/appointment-types",
                new { name = "Standard consultation", durationMinutes = 30, bufferMinutes = 10, priceCents = 12000, bookableOnline = true, newPatients = true }));
            var longer = await CreatedAsync(await admin.PostAsJsonAsync("/api/practice/appointment-types",
                new { name = "Long consultation", durationMinutes = 60, bufferMinutes = 0, priceCents = 22000, bookableOnline = true, newPatients = true }));
            var weekdays = new[] { "monday", "tuesday", "wednesday", "thursday", "friday" }
                .Select(day => new { locationId = location, dayOfWeek = day, start = "09:00", end = "17:00" });
            (await practitioner.PutAsJsonAsync($"/api/practice/practitioners/{practitionerId}/availability", new { weekly = weekdays })).EnsureSuccessStatusCode();
            var patient = await practice.AddPatientAsync();
            await app.LinkPatientRecordAsync(patient.Email, TestPractice.Password, patient.Id, practice.Id);
            return new BookablePractice(app, practice, patient, practitionerId, standard, longer);
        }

        /// <summary>The free times of the next two weeks, as the API gives them to the patient.</summary>
        public async Task<List<Slot>> SlotsAsync(Guid typeId)
        {
            using var patient = await App.SignedInClientAsync(Patient.Email, TestPractice.Password);
            var today = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);
            var slots = await patient.GetFromJsonAsync<List<Slot>>(
                $"/api/portal/appointment-slots?practitionerId={PractitionerId}&appointmentTypeId={typeId}&from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(12):yyyy-MM-dd}",
                PortalClients.Json);
            Assert.NotEmpty(slots!);
            return slots!;
        }

        public async Task<Booked> BookAsync(DateTimeOffset start)
        {
            using var patient = await App.SignedInClientAsync(Patient.Email, TestPractice.Password);
            using var response = await patient.PostAsJsonAsync("/api/portal/appointments", new { practitionerId = PractitionerId, appointmentTypeId = StandardId, start });
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<Booked>(PortalClients.Json))!;
        }

        public async Task<Page<Booked>> MineAsync()
        {
            using var patient = await App.SignedInClientAsync(Patient.Email, TestPractice.Password);
            return (await patient.GetFromJsonAsync<Page<Booked>>("/api/portal/appointments?scope=upcoming", PortalClients.Json))!;
        }

        public async Task PutBookingSettingsAsync(bool patientCancellation)
        {
            using var admin = await Practice.SignedInAdminAsync();
            using var current = await admin.GetAsync("/api/practice/settings/booking");
            current.EnsureSuccessStatusCode();
            using var request = new HttpRequestMessage(HttpMethod.Put, "/api/practice/settings/booking")
            {
                Content = JsonContent.Create(new
                {
                    onlineBooking = true, minimumLeadHours = 2, maxDaysAhead = 90, patientCancellation, cancellationNoticeHours = 24, gracePeriodMinutes = 10,
                }),
            };
            request.Headers.TryAddWithoutValidation("If-Match", current.Headers.ETag!.Tag);
            using var saved = await admin.SendAsync(request);
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        }

        /// <summary>The booking's confirm step for <paramref name="slot"/>, as the time step links to it.</summary>
        public string ConfirmPath(Slot slot) =>
            $"/appointments/book?practitioner={PractitionerId}&type={StandardId}&date={slot.Start:yyyy-MM-dd}&start={Uri.EscapeDataString(When.Iso(slot.Start))}&location={slot.LocationId}";

        private static async Task<Guid> CreatedAsync(HttpResponseMessage response)
        {
            using (response)
            {
                Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
                return (await response.Content.ReadFromJsonAsync<Created>(PortalClients.Json))!.Id;
            }
        }
    }

    private sealed record Slot(DateTimeOffset Start, DateTimeOffset End, Guid LocationId);

    private sealed record Booked(Guid Id, DateTimeOffset Start, string Status, DateTimeOffset? CancellableUntil, Ref AppointmentType);

    private sealed record Ref(Guid Id, string Name);
}
