using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Web.Tests;

/// <summary>
/// The practice side of appointments at /admin over HTTP against the real Host (in memory, fresh database): the calendar
/// (day and week, filters, every page of a busy day), booking for a patient from their Appointments tab, and an
/// appointment's page (attendance, moving, cancelling). The demo practice's schedule is only read; a test that books or
/// changes has a practice of its own.
/// </summary>
public sealed class AdminCalendarPagesTests(PortalApp app) : IClassFixture<PortalApp>
{
    private sealed record Named(Guid Id, string Name);

    private sealed record Entry(Guid Id, Guid PatientId, Named Patient, Named Practitioner, Named AppointmentType, Named Location, DateTimeOffset Start, DateTimeOffset End, string Status);

    private sealed record CalendarPage(List<Entry> Items, int Total);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset start) => start.DateTime.ToString("h:mm", CultureInfo.InvariantCulture);

    private static async Task<List<Entry>> CalendarAsync(HttpClient staff, DateOnly from, DateOnly to, string filter = "") =>
        (await staff.GetFromJsonAsync<CalendarPage>($"/api/practice/appointments?from={Day(from)}&to={Day(to)}&pageSize=200{filter}", PortalClients.Json))!.Items;

    /// <summary>Ava's next booked demo appointment (with Sam Lee at Harbour Health Sydney), read from the API, not recomputed.</summary>
    private async Task<Entry> AvasNextAppointmentAsync(HttpClient admin)
    {
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var ahead = await CalendarAsync(admin, today, today.AddDays(31), $"&patientId={DemoPatients.AvaNguyenId}");
        return ahead.Where(e => e.Status == "booked").OrderBy(e => e.Start).First();
    }

    [Fact]
    public async Task The_menus_calendar_link_without_a_date_opens_today_in_the_practices_zone()
    {
        using var browser = new PageClient(app);
        await browser.SignInAsync(DemoData.HarbourAdminEmail, DemoData.Password, "/admin/calendar");

        Assert.Equal(HttpStatusCode.OK, browser.Status);
        Assert.Equal("Calendar", browser.Text("h1"));
        var sydneyToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Australia/Sydney")).DateTime);
        Assert.Equal($"/admin/calendar?view=day&date={Day(sydneyToday)}", browser.Page.QuerySelector(".steps a:nth-child(2)")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_day_view_lists_the_days_appointments_with_time_patient_type_practitioner_location_and_status()
    {
        using var admin = await app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        var ava = await AvasNextAppointmentAsync(admin);
        var day = DateOnly.FromDateTime(ava.Start.DateTime);
        var expected = await CalendarAsync(admin, day, day);
        using var browser = new PageClient(app);
        await browser.SignInAsync(DemoData.HarbourAdminEmail, DemoData.Password, $"/admin/calendar?view=day&date={Day(day)}");

        Assert.Equal("Calendar", browser.Text("h1"));
        Assert.Equal(day.ToString("dddd d MMMM yyyy"), browser.Text("main h2"));
        var rows = browser.Page.QuerySelectorAll("table.day-table tbody tr");
        Assert.Equal(expected.Count, rows.Length);
        var row = rows.Single(r => r.TextContent.Contains("Ava Nguyen", StringComparison.Ordinal));
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.StartsWith(Time(ava.Start), cells[0], StringComparison.Ordinal);   // the location's wall clock
        Assert.Equal(["Ava Nguyen", "Standard consultation", "Sam Lee", "Harbour Health Sydney", "Booked"], cells.Skip(1));
        Assert.Equal($"/admin/patients/{DemoPatients.AvaNguyenId}?tab=appointments", row.QuerySelector("td:nth-child(2) a")!.GetAttribute("href"));
        Assert.Equal($"/admin/appointments/{ava.Id}", row.QuerySelector("td:first-child a")!.GetAttribute("href"));
        Assert.Contains(rows, r => r.TextContent.Contains("Noah Smith", StringComparison.Ordinal));   // the demo books Noah that day too
        Assert.Equal("page", browser.Page.QuerySelector("nav[aria-label='Calendar days'] a[href^='/admin/calendar?view=day']")!.GetAttribute("aria-current"));
        Assert.Equal($"/admin/calendar?view=day&date={Day(day.AddDays(1))}", browser.Page.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.NotNull(browser.Page.QuerySelector("nav[aria-label=Main] a[href='/admin/calendar']"));
    }

    [Fact]
    public async Task The_week_view_has_a_column_per_day_with_every_appointment_of_the_week()
    {
        using var admin = await app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        var ava = await AvasNextAppointmentAsync(admin);
        var day = DateOnly.FromDateTime(ava.Start.DateTime);
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        var week = await CalendarAsync(admin, monday, monday.AddDays(6));
        using var browser = new PageClient(app);
        await browser.SignInAsync(DemoData.HarbourAdminEmail, DemoData.Password, $"/admin/calendar?view=week&date={Day(day)}");

        Assert.Equal($"Week of {monday.ToString("dddd d MMMM yyyy")}", browser.Text("main h2"));
        Assert.True(browser.Page.QuerySelectorAll(".week section.day").Length >= 5);
        Assert.Equal(week.Count, browser.Page.QuerySelectorAll(".week li.entry").Length);
        var column = browser.Page.QuerySelector($"section[aria-labelledby='day-{Day(day)}']")!;
        var entry = column.QuerySelectorAll("li.entry").Single(e => e.TextContent.Contains("Ava Nguyen", StringComparison.Ordinal));
        Assert.Contains("Standard consultation", entry.TextContent, StringComparison.Ordinal);
        Assert.Contains("Sam Lee · Harbour Health Sydney", entry.TextContent, StringComparison.Ordinal);
        Assert.Contains("Booked", entry.TextContent, StringComparison.Ordinal);
        Assert.StartsWith(Time(ava.Start), entry.QuerySelector("a.when")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal($"/admin/calendar?view=week&date={Day(day.AddDays(7))}", browser.Page.QuerySelector("a[rel=next]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_filters_show_one_practitioner_or_one_location()
    {
        using var admin = await app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        var ava = await AvasNextAppointmentAsync(admin);
        var day = Day(DateOnly.FromDateTime(ava.Start.DateTime));
        using var browser = new PageClient(app);
        await browser.SignInAsync(DemoData.HarbourAdminEmail, DemoData.Password, $"/admin/calendar?view=day&date={day}");
        var options = browser.Page.QuerySelectorAll("#practitioner option").Select(o => o.TextContent.Trim()).ToList();
        Assert.Equal(["All practitioners", "Alex Morgan", "Sam Lee"], options);
        var brisbane = browser.Page.QuerySelectorAll("#location option").Single(o => o.TextContent.Contains("Brisbane", StringComparison.Ordinal)).GetAttribute("value")!;

        await browser.OpenAsync($"/admin/calendar?view=day&date={day}&practitioner={DemoData.HarbourAdminId}");
        Assert.Equal("No appointments on this day.", browser.Text("p.empty"));
        Assert.True(browser.Page.QuerySelector($"#practitioner option[value='{DemoData.HarbourAdminId}']")!.HasAttribute("selected"));

        await browser.OpenAsync($"/admin/calendar?view=day&date={day}&practitioner={DemoData.DrLeeId}");
        Assert.Contains(browser.Page.QuerySelectorAll("table.day-table tbody tr"), r => r.TextContent.Contains("Ava Nguyen", StringComparison.Ordinal));
        Assert.All(browser.Page.QuerySelectorAll("table.day-table tbody tr td:nth-child(4)"), c => Assert.Equal("Sam Lee", c.TextContent.Trim()));
        Assert.Contains($"practitioner={DemoData.DrLeeId}", browser.Page.QuerySelector("a[rel=next]")!.GetAttribute("href"), StringComparison.Ordinal);

        await browser.OpenAsync($"/admin/calendar?view=day&date={day}&location={brisbane}");
        Assert.Equal("No appointments on this day.", browser.Text("p.empty"));
    }

    [Fact]
    public async Task Booking_from_the_calendar_finds_the_patient_and_offers_the_calendars_day()
    {
        using var browser = new PageClient(app);
        await browser.SignInAsync(DemoData.HarbourAdminEmail, DemoData.Password, "/admin/calendar?view=week&date=2027-03-03");

        await browser.OpenAsync("/admin/calendar?view=week&date=2027-03-03&book=Nguyen");
        var link = Assert.Single(browser.Page.QuerySelectorAll("ul.matches a"));
        Assert.Equal("Book for Ava Nguyen", link.TextContent.Trim());
        Assert.Equal($"/admin/patients/{DemoPatients.AvaNguyenId}?tab=appointments&date=2027-03-03", link.GetAttribute("href"));

        await browser.OpenAsync(link.GetAttribute("href")!);
        Assert.Equal("2027-03-03", browser.Page.QuerySelector("#bookDate")!.GetAttribute("value"));

        await browser.OpenAsync("/admin/calendar?view=week&date=2027-03-03&book=Nobody-by-this-name");
        Assert.Equal("No patients match.", browser.Text("p.no-matches"));
    }

    [Fact]
    public async Task A_busy_day_shows_every_appointment_past_the_apis_largest_page()
    {
        var practice = await BookablePractice.SetUpAsync(app, "Australia/Brisbane", minutes: 5, from: "00:00", to: "23:55", weekends: true);
        var patient = await practice.Practice.AddPatientAsync();
        using var admin = await practice.Practice.SignedInAdminAsync();
        var day = practice.NextMonday();
        const int count = 205;   // the API answers at most 200 a page
        for (var i = 0; i < count; i++)
        {
            await practice.BookAsync(admin, patient.Id, practice.At(day, 0).AddMinutes(5 * i));
        }

        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.Practice.AdminEmail, TestPractice.Password, $"/admin/calendar?view=day&date={Day(day)}");

        Assert.Equal(count, browser.Page.QuerySelectorAll("table.day-table tbody tr").Length);
        Assert.Contains("205 appointments", browser.Text("main h2 + p"), StringComparison.Ordinal);

        await browser.OpenAsync($"/admin/calendar?view=week&date={Day(day)}");
        Assert.Equal(count, browser.Page.QuerySelectorAll(".week li.entry").Length);
    }

    [Fact]
    public async Task Booking_from_the_patients_appointments_tab_lands_and_a_taken_or_closed_time_is_said_at_the_form()
    {
        var practice = await BookablePractice.SetUpAsync(app);
        var patient = await practice.Practice.AddPatientAsync();
        using var admin = await practice.Practice.SignedInAdminAsync();
        var monday = practice.NextMonday();
        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.Practice.AdminEmail, TestPractice.Password, $"/admin/patients/{patient.Id}?tab=appointments");
        Assert.Equal("page", browser.Page.QuerySelector("nav.tabs a[href$='tab=appointments']")!.GetAttribute("aria-current"));
        Assert.Contains("Nothing booked in the next 31 days.", browser.Html, StringComparison.Ordinal);

        var booking = new Dictionary<string, string>
        {
            ["Book.PractitionerId"] = practice.PractitionerId.ToString(),
            ["Book.AppointmentTypeId"] = practice.TypeId.ToString(),
            ["Book.LocationId"] = practice.LocationId.ToString(),
            ["Book.Date"] = Day(monday),
            ["Book.Time"] = "10:30",
        };
        await browser.SubmitAsync("book-appointment", booking);

        Assert.Matches($"^/admin/appointments/[0-9a-f-]+\\?done=booked$", browser.Path);   // redirected: a reload books nothing again
        Assert.Contains("Booked.", browser.Text("[role=status]"), StringComparison.Ordinal);
        var booked = Assert.Single(await CalendarAsync(admin, monday, monday));
        Assert.Equal(practice.At(monday, 10, 30), booked.Start);
        Assert.Equal(new TimeSpan(10, 30, 0), booked.Start.DateTime.TimeOfDay);   // 10:30 at the location, whatever the server's zone
        Assert.Equal(patient.Id, booked.PatientId);

        await browser.OpenAsync($"/admin/patients/{patient.Id}?tab=appointments");
        Assert.Contains("10:30", browser.Text("table.appointments tbody tr"), StringComparison.Ordinal);
        await browser.SubmitAsync("book-appointment", booking);

        Assert.Equal($"/admin/patients/{patient.Id}?tab=appointments", browser.Path);
        Assert.StartsWith("That time is taken: Sam Lee already has an appointment then.", browser.Text("#error-time"), StringComparison.Ordinal);
        Assert.Equal("true", browser.Page.QuerySelector("#bookTime")!.GetAttribute("aria-invalid"));
        Assert.Equal("10:30", browser.Page.QuerySelector("#bookTime")!.GetAttribute("value"));   // what was typed stays

        // Outside the practitioner's weekly hours: asked first, booked only when the box says so (the API allows staff an extra session).
        await browser.SubmitAsync("book-appointment", new Dictionary<string, string>(booking) { ["Book.Time"] = "19:00" });
        Assert.Equal($"Sam Lee does not usually see patients at Harbourside Clinic then (their hours that day: {new TimeOnly(9, 0).ToString("h:mm tt")} – {new TimeOnly(17, 0).ToString("h:mm tt")}). "
                     + "Choose another time, or tick \"Book outside their usual hours\".", browser.Text("#error-time"));
        Assert.Single(await CalendarAsync(admin, monday, monday));
        await browser.SubmitAsync("book-appointment", new Dictionary<string, string>(booking) { ["Book.Time"] = "19:00", ["Book.OutsideHours"] = "true" });
        Assert.EndsWith("?done=booked", browser.Path, StringComparison.Ordinal);
        Assert.Equal(2, (await CalendarAsync(admin, monday, monday)).Count);
        await browser.OpenAsync($"/admin/patients/{patient.Id}?tab=appointments");

        await browser.SubmitAsync("book-appointment", new Dictionary<string, string>(booking) { ["Book.Time"] = "10:32" });
        Assert.Equal("Choose a time on the five minutes, e.g. 10:30 or 10:35.", browser.Text("#error-time"));

        await browser.SubmitAsync("book-appointment", new Dictionary<string, string>(booking) { ["Book.Time"] = "", ["Book.PractitionerId"] = "" });
        Assert.Equal("Enter the time, e.g. 09:30.", browser.Text("#error-time"));
        Assert.Equal("Choose a practitioner.", browser.Text("#error-practitionerId"));
        Assert.Equal(2, (await CalendarAsync(admin, monday, monday)).Count);
    }

    [Fact]
    public async Task An_appointment_is_moved_marked_arrived_then_completed_and_another_cancelled_with_a_reason_through_its_page()
    {
        var practice = await BookablePractice.SetUpAsync(app);
        var patient = await practice.Practice.AddPatientAsync();
        using var admin = await practice.Practice.SignedInAdminAsync();
        var monday = practice.NextMonday();
        var first = await practice.BookAsync(admin, patient.Id, practice.At(monday, 9));
        var second = await practice.BookAsync(admin, patient.Id, practice.At(monday, 14));
        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.Practice.AdminEmail, TestPractice.Password, $"/admin/appointments/{first}");
        Assert.Equal("Ava Nguyen's appointment", browser.Text("h1"));
        Assert.Equal(["Mark arrived", "Mark completed", "Mark did not attend"],
            browser.Page.QuerySelectorAll("form[aria-labelledby=attendance-heading] button").Select(b => b.TextContent.Trim()));

        // Moved, to a time taken by the other appointment first.
        await browser.SubmitAsync("reschedule", new Dictionary<string, string> { ["Move.Date"] = Day(monday), ["Move.Time"] = "14:00" });
        Assert.StartsWith("That time is taken", browser.Text("#error-time"), StringComparison.Ordinal);
        await browser.SubmitAsync("reschedule", new Dictionary<string, string> { ["Move.Date"] = Day(monday.AddDays(5)), ["Move.Time"] = "11:15" });
        Assert.StartsWith("Sam Lee does not usually see patients at Harbourside Clinic then (they keep no hours there on Saturdays).", browser.Text("#error-time"), StringComparison.Ordinal);
        Assert.NotNull(browser.Page.QuerySelector("#moveOutsideHours"));
        await browser.SubmitAsync("reschedule", new Dictionary<string, string> { ["Move.Date"] = Day(monday.AddDays(1)), ["Move.Time"] = "11:15" });
        Assert.Equal($"/admin/appointments/{first}?done=rescheduled", browser.Path);
        Assert.Contains("Moved to the new time.", browser.Text("[role=status]"), StringComparison.Ordinal);
        var moved = Assert.Single(await CalendarAsync(admin, monday.AddDays(1), monday.AddDays(1)));
        Assert.Equal(practice.At(monday.AddDays(1), 11, 15), moved.Start);

        await browser.SubmitAsync("attendance", button: ("Attendance.Status", "Arrived"));
        Assert.EndsWith("?done=arrived", browser.Path, StringComparison.Ordinal);
        Assert.Equal("arrived", Assert.Single(await CalendarAsync(admin, monday.AddDays(1), monday.AddDays(1))).Status);
        Assert.Equal("Arrived", browser.Text("dl.facts .status"));
        Assert.Equal(["Mark completed"], browser.Page.QuerySelectorAll("form[aria-labelledby=attendance-heading] button").Select(b => b.TextContent.Trim()));
        Assert.Null(browser.Page.QuerySelector("form[aria-labelledby=cancel-heading]"));   // only a booked appointment is cancelled or moved

        await browser.SubmitAsync("attendance", button: ("Attendance.Status", "Completed"));
        Assert.Equal("completed", Assert.Single(await CalendarAsync(admin, monday.AddDays(1), monday.AddDays(1))).Status);
        Assert.Null(browser.Page.QuerySelector("form[aria-labelledby=attendance-heading]"));

        // Cancelled: a reason first.
        await browser.OpenAsync($"/admin/appointments/{second}");
        await browser.SubmitAsync("cancel", new Dictionary<string, string> { ["Cancel.Reason"] = "  " });
        Assert.StartsWith("Say why the appointment is cancelled", browser.Text("#error-reason"), StringComparison.Ordinal);
        Assert.Equal("booked", Assert.Single(await CalendarAsync(admin, monday, monday)).Status);
        await browser.SubmitAsync("cancel", new Dictionary<string, string> { ["Cancel.Reason"] = "Dr Lee is away that day." });
        Assert.Equal($"/admin/appointments/{second}?done=cancelled", browser.Path);
        Assert.Equal("cancelled", Assert.Single(await CalendarAsync(admin, monday, monday)).Status);
        Assert.Equal("Cancelled", browser.Text("dl.facts .status"));
        Assert.Contains("Dr Lee is away that day.", browser.Text("dl.facts"), StringComparison.Ordinal);   // the reason the patient was told
        Assert.Null(browser.Page.QuerySelector("form[aria-labelledby=cancel-heading]"));
    }

    [Fact]
    public async Task A_plain_practitioner_uses_the_calendar_and_books_for_themselves()
    {
        var practice = await BookablePractice.SetUpAsync(app);
        var patient = await practice.Practice.AddPatientAsync();
        using var admin = await practice.Practice.SignedInAdminAsync();
        var monday = practice.NextMonday();
        await practice.BookAsync(admin, patient.Id, practice.At(monday, 9, 30));
        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.PractitionerEmail, TestPractice.Password, $"/admin/calendar?view=week&date={Day(monday)}");

        var entry = Assert.Single(browser.Page.QuerySelectorAll(".week li.entry"));
        Assert.Contains("Ava Nguyen", entry.TextContent, StringComparison.Ordinal);
        Assert.Null(browser.Page.QuerySelector(".problem"));
        // Every practitioner of the practice, the admin too (GET /api/practice/practitioners is open to all of them).
        Assert.Equal(["All practitioners", "Pat Admin", "Sam Lee"], browser.Page.QuerySelectorAll("#practitioner option").Select(o => o.TextContent.Trim()));

        await browser.OpenAsync($"/admin/patients/{patient.Id}?tab=appointments");
        Assert.True(browser.Page.QuerySelector($"#bookPractitioner option[value='{practice.PractitionerId}']")!.HasAttribute("selected"));
        await browser.SubmitAsync("book-appointment", new Dictionary<string, string> { ["Book.Date"] = Day(monday), ["Book.Time"] = "15:00" });
        Assert.EndsWith("?done=booked", browser.Path, StringComparison.Ordinal);
        Assert.Equal(2, (await CalendarAsync(admin, monday, monday)).Count);
    }

    [Fact]
    public async Task Another_practices_appointment_is_not_found_not_an_error()
    {
        var practice = await BookablePractice.SetUpAsync(app);
        var patient = await practice.Practice.AddPatientAsync();
        using var admin = await practice.Practice.SignedInAdminAsync();
        var monday = practice.NextMonday();
        var theirs = await practice.BookAsync(admin, patient.Id, practice.At(monday, 9));
        var other = await app.NewPracticeAsync();
        using var browser = new PageClient(app);
        await browser.SignInAsync(other.AdminEmail, TestPractice.Password, $"/admin/appointments/{theirs}");

        Assert.Equal(HttpStatusCode.OK, browser.Status);
        Assert.Equal("Appointment not found", browser.Text("h1"));
        Assert.Null(browser.Page.QuerySelector(".problem"));
        Assert.DoesNotContain("Ava Nguyen", browser.Html, StringComparison.Ordinal);
        Assert.Null(browser.Page.QuerySelector("form[aria-labelledby=cancel-heading]"));
    }
}
