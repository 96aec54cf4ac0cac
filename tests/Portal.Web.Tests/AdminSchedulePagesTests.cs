using System.Globalization;
using System.Net.Http.Json;
using Portal.Testing;
using Xunit;

namespace Portal.Web.Tests;

/// <summary>
/// A practitioner's hours and time off at /admin/schedule ("My hours"), and the booking rules on /admin/settings, over
/// HTTP against the real Host: forms posted as a browser without script posts them, and what the API then has read back
/// from the API. Every test has a practice of its own (the demo practice's hours and rules are never changed).
/// </summary>
public sealed class AdminSchedulePagesTests(PortalApp app) : IClassFixture<PortalApp>
{
    private sealed record Row(Guid LocationId, string DayOfWeek, string Start, string End, DateOnly? ValidFrom, DateOnly? ValidTo);

    private sealed record Hours(Guid PractitionerId, List<Row> Weekly);

    private sealed record Me(Guid UserId);

    private sealed record Rules(bool OnlineBooking, int MinimumLeadHours, int MaxDaysAhead, bool PatientCancellation, int CancellationNoticeHours, int GracePeriodMinutes);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<List<Row>> HoursAsync(HttpClient staff, Guid practitionerId) =>
        (await staff.GetFromJsonAsync<Hours>($"/api/practice/practitioners/{practitionerId}/availability", PortalClients.Json))!.Weekly;

    private static async Task<Rules> RulesAsync(HttpClient staff) =>
        (await staff.GetFromJsonAsync<Rules>("/api/practice/settings/booking", PortalClients.Json))!;

    [Fact]
    public async Task A_practitioner_saves_their_hours_through_the_form_and_the_api_then_has_them()
    {
        var practice = await BookablePractice.SetUpAsync(app);
        using var admin = await practice.Practice.SignedInAdminAsync();
        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.PractitionerEmail, TestPractice.Password, "/admin/schedule");

        Assert.Equal("My hours", browser.Text("h1"));
        Assert.NotNull(browser.Page.QuerySelector("nav[aria-label=Main] a[href='/admin/schedule']"));
        Assert.Null(browser.Page.QuerySelector("#practitioner"));   // a plain practitioner chooses no one else
        Assert.Equal(5, browser.Page.QuerySelectorAll("table.hours tbody tr").Length);
        Assert.Equal("09:00", browser.Page.QuerySelector("#row-0-start")!.GetAttribute("value"));
        Assert.Equal("Monday", browser.Page.QuerySelector("#row-0-day option[selected]")!.GetAttribute("value"));

        // Monday from 08:30, Friday removed.
        await browser.SubmitAsync("hours", new Dictionary<string, string> { ["Hours.Rows[0].Start"] = "08:30", ["Hours.Rows[4].Remove"] = "true" });

        Assert.Equal("/admin/schedule?done=hours-saved", browser.Path);   // redirected: a reload saves nothing again
        Assert.Contains("Saved.", browser.Text("[role=status]"), StringComparison.Ordinal);
        var saved = await HoursAsync(admin, practice.PractitionerId);
        Assert.Equal(["monday", "tuesday", "wednesday", "thursday"], saved.Select(r => r.DayOfWeek));
        Assert.Equal("08:30", saved[0].Start);
        Assert.All(saved.Skip(1), r => Assert.Equal("09:00", r.Start));
        Assert.Equal(4, browser.Page.QuerySelectorAll("table.hours tbody tr").Length);

        // "Add a row" shows one more row and saves nothing; the row filled in is saved with the rest.
        await browser.SubmitAsync("hours", button: ("Hours.Action", "add"));
        Assert.Equal(5, browser.Page.QuerySelectorAll("table.hours tbody tr").Length);
        Assert.Equal(4, (await HoursAsync(admin, practice.PractitionerId)).Count);
        await browser.SubmitAsync("hours", new Dictionary<string, string>
        {
            ["Hours.Rows[4].Day"] = "Saturday",
            ["Hours.Rows[4].Start"] = "10:00",
            ["Hours.Rows[4].End"] = "12:30",
            ["Hours.Rows[4].ValidTo"] = "2030-12-31",
        }, ("Hours.Action", "save"));

        Assert.Equal("/admin/schedule?done=hours-saved", browser.Path);
        var saturday = Assert.Single(await HoursAsync(admin, practice.PractitionerId), r => r.DayOfWeek == "saturday");
        Assert.Equal((practice.LocationId, "10:00", "12:30", (DateOnly?)new DateOnly(2030, 12, 31)), (saturday.LocationId, saturday.Start, saturday.End, saturday.ValidTo));
    }

    [Fact]
    public async Task A_time_off_the_five_minutes_or_an_end_before_the_start_is_said_at_the_field_and_nothing_changes()
    {
        var practice = await BookablePractice.SetUpAsync(app);
        using var admin = await practice.Practice.SignedInAdminAsync();
        var before = await HoursAsync(admin, practice.PractitionerId);
        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.PractitionerEmail, TestPractice.Password, "/admin/schedule");

        await browser.SubmitAsync("hours", new Dictionary<string, string> { ["Hours.Rows[0].Start"] = "09:03", ["Hours.Rows[1].End"] = "08:00" });

        Assert.Equal("/admin/schedule", browser.Path);
        Assert.Contains("five minutes", browser.Text("#error-weekly-0--start"), StringComparison.Ordinal);
        Assert.Equal("true", browser.Page.QuerySelector("#row-0-start")!.GetAttribute("aria-invalid"));
        Assert.Equal("09:03", browser.Page.QuerySelector("#row-0-start")!.GetAttribute("value"));   // what was typed stays
        Assert.Equal("The hours must end after they start (on the same day).", browser.Text("#error-weekly-1--end"));
        Assert.Equal("error-weekly-1--end", browser.Page.QuerySelector("#row-1-end")!.GetAttribute("aria-describedby"));
        Assert.Null(browser.Page.QuerySelector("[role=status]"));
        Assert.Equivalent(before, await HoursAsync(admin, practice.PractitionerId));
    }

    [Fact]
    public async Task A_practice_admin_edits_another_practitioners_hours()
    {
        var practice = await BookablePractice.SetUpAsync(app);
        using var admin = await practice.Practice.SignedInAdminAsync();
        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.Practice.AdminEmail, TestPractice.Password, "/admin/schedule");
        Assert.Equal("My hours", browser.Text("h1"));
        Assert.NotNull(browser.Page.QuerySelector($"#practitioner option[value='{practice.PractitionerId}']"));

        await browser.OpenAsync($"/admin/schedule?practitioner={practice.PractitionerId}");
        Assert.Equal("Sam Lee's hours", browser.Text("h1"));
        Assert.Equal(5, browser.Page.QuerySelectorAll("table.hours tbody tr").Length);
        await browser.SubmitAsync("hours", new Dictionary<string, string> { ["Hours.Rows[0].End"] = "12:00" });

        Assert.Equal($"/admin/schedule?practitioner={practice.PractitionerId}&done=hours-saved", browser.Path);
        Assert.Equal("Sam Lee's hours", browser.Text("h1"));
        var monday = (await HoursAsync(admin, practice.PractitionerId))[0];
        Assert.Equal(("monday", "09:00", "12:00"), (monday.DayOfWeek, monday.Start, monday.End));
    }

    [Fact]
    public async Task A_plain_practitioner_cannot_open_another_practitioners_hours()
    {
        var practice = await BookablePractice.SetUpAsync(app);
        using var admin = await practice.Practice.SignedInAdminAsync();
        var adminId = (await admin.GetFromJsonAsync<Me>("/api/me", PortalClients.Json))!.UserId;
        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.PractitionerEmail, TestPractice.Password, $"/admin/schedule?practitioner={adminId}");

        Assert.Equal("My hours", browser.Text("h1"));
        Assert.Contains("These are your own.", browser.Text(".not-yours"), StringComparison.Ordinal);
        Assert.Equal(5, browser.Page.QuerySelectorAll("table.hours tbody tr").Length);   // Sam's own week, not the admin's (none)
        Assert.All(browser.Page.QuerySelectorAll("main form[method=post]"), f => Assert.Equal("/admin/schedule", f.GetAttribute("action")));

        await browser.SubmitAsync("hours", new Dictionary<string, string> { ["Hours.Rows[0].End"] = "16:00" });
        Assert.Empty(await HoursAsync(admin, adminId));   // the admin's hours untouched
        Assert.Equal("16:00", (await HoursAsync(admin, practice.PractitionerId))[0].End);
    }

    [Fact]
    public async Task Time_off_added_lists_the_appointments_still_booked_in_it_and_can_be_removed()
    {
        var practice = await BookablePractice.SetUpAsync(app, "Australia/Perth");
        var patient = await practice.Practice.AddPatientAsync();
        using var admin = await practice.Practice.SignedInAdminAsync();
        var monday = practice.NextMonday();
        var booked = await practice.BookAsync(admin, patient.Id, practice.At(monday, 10, 30));
        var later = await practice.BookAsync(admin, patient.Id, practice.At(monday, 14));
        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.PractitionerEmail, TestPractice.Password, "/admin/schedule");
        Assert.Contains("Perth time", browser.Text("form[aria-labelledby=time-off-heading]"), StringComparison.Ordinal);

        await browser.SubmitAsync("time-off", new Dictionary<string, string>
        {
            ["Off.StartDate"] = Day(monday), ["Off.StartTime"] = "09:00", ["Off.EndDate"] = Day(monday), ["Off.EndTime"] = "12:00", ["Off.Reason"] = "Conference",
        });

        Assert.Equal("Time off added", browser.Text("#added-heading"));
        Assert.Contains("Conference", browser.Text(".added [role=status]"), StringComparison.Ordinal);
        Assert.Contains("These appointments are still booked in that time", browser.Text(".added"), StringComparison.Ordinal);
        var link = Assert.Single(browser.Page.QuerySelectorAll(".affected a"));
        Assert.Equal($"/admin/appointments/{booked}", link.GetAttribute("href"));
        Assert.NotEqual(later, booked);   // the afternoon's appointment is outside the time off: not listed

        // Listed among the coming time off, on the location's clock, and removed from there (after a reload too).
        Assert.Contains("Conference", browser.Text(".coming-off"), StringComparison.Ordinal);
        Assert.Contains("Perth time", browser.Text(".coming-off"), StringComparison.Ordinal);
        await browser.OpenAsync("/admin/schedule");
        var remove = browser.Page.QuerySelector(".coming-off button[name='Remove.TimeOffId']")!.GetAttribute("value")!;
        await browser.SubmitAsync("remove-time-off", button: ("Remove.TimeOffId", remove));
        Assert.Equal("/admin/schedule?done=time-off-removed", browser.Path);
        Assert.Contains("The time off was removed", browser.Text("[role=status]"), StringComparison.Ordinal);
        Assert.Null(browser.Page.QuerySelector(".coming-off"));

        // A time off that ends before it starts is said at the field.
        await browser.SubmitAsync("time-off", new Dictionary<string, string>
        {
            ["Off.StartDate"] = Day(monday), ["Off.StartTime"] = "12:00", ["Off.EndDate"] = Day(monday), ["Off.EndTime"] = "09:00",
        });
        Assert.Equal("The time off must end after it starts.", browser.Text("#error-endDate"));
        Assert.Null(browser.Page.QuerySelector("#added-heading"));
    }

    [Fact]
    public async Task The_admin_saves_the_booking_rules_and_a_stale_form_saves_nothing()
    {
        var practice = await app.NewPracticeAsync();
        using var admin = await practice.SignedInAdminAsync();
        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.AdminEmail, TestPractice.Password, "/admin/settings");
        Assert.Equal("Online booking", browser.Text("#booking-heading"));
        Assert.Equal("Patients can book online", browser.Text("label[for=onlineBooking]"));
        Assert.Equal("90", browser.Page.QuerySelector("#maxDaysAhead")!.GetAttribute("value"));   // the defaults

        await browser.SubmitAsync("booking-rules", new Dictionary<string, string>
        {
            ["Rules.MinimumLeadHours"] = "4", ["Rules.MaxDaysAhead"] = "60", ["Rules.PatientCancellation"] = "false",
        });

        Assert.Contains("Saved.", browser.Text("form[aria-labelledby=booking-heading] [role=status]"), StringComparison.Ordinal);
        Assert.Equal(new Rules(true, 4, 60, false, 24, 10), await RulesAsync(admin));
        Assert.Equal("60", browser.Page.QuerySelector("#maxDaysAhead")!.GetAttribute("value"));
        Assert.False(browser.Page.QuerySelector("#patientCancellation")!.HasAttribute("checked"));

        // Out of range: said at the field, nothing saved.
        await browser.SubmitAsync("booking-rules", new Dictionary<string, string> { ["Rules.MaxDaysAhead"] = "800" });
        Assert.Contains("1 to 730", browser.Text("#error-maxDaysAhead"), StringComparison.Ordinal);
        Assert.Equal(60, (await RulesAsync(admin)).MaxDaysAhead);

        // Someone else saves after this form was opened: the form's save is refused and their rules are shown.
        await browser.OpenAsync("/admin/settings");
        using (var read = await admin.GetAsync("/api/practice/settings/booking"))
        {
            using var put = new HttpRequestMessage(HttpMethod.Put, "/api/practice/settings/booking")
            {
                Content = JsonContent.Create(new Rules(true, 4, 30, false, 24, 10), options: PortalClients.Json),
            };
            put.Headers.IfMatch.Add(read.Headers.ETag!);
            using var changed = await admin.SendAsync(put);
            Assert.True(changed.IsSuccessStatusCode, await changed.Content.ReadAsStringAsync());
        }

        await browser.SubmitAsync("booking-rules", new Dictionary<string, string> { ["Rules.MaxDaysAhead"] = "45" });
        Assert.StartsWith("Someone changed these meanwhile; here they are now", browser.Text("form[aria-labelledby=booking-heading] .stale"), StringComparison.Ordinal);
        Assert.Equal(30, (await RulesAsync(admin)).MaxDaysAhead);
        Assert.Equal("30", browser.Page.QuerySelector("#maxDaysAhead")!.GetAttribute("value"));

        // Their version, sent again, saves.
        await browser.SubmitAsync("booking-rules", new Dictionary<string, string> { ["Rules.MaxDaysAhead"] = "45" });
        Assert.Equal(45, (await RulesAsync(admin)).MaxDaysAhead);
    }

    [Fact]
    public async Task A_plain_practitioner_sees_the_booking_rules_read_only()
    {
        var practice = await BookablePractice.SetUpAsync(app);
        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.PractitionerEmail, TestPractice.Password, "/admin/settings");

        var form = browser.Page.QuerySelector("form[aria-labelledby=booking-heading]")!;
        Assert.True(form.QuerySelector("fieldset")!.HasAttribute("disabled"));
        Assert.Null(form.QuerySelector("button[type=submit]"));
        Assert.Contains("Only practice admins can change them.", form.QuerySelector(".warning")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2", form.QuerySelector("#minimumLeadHours")!.GetAttribute("value"));
    }
}
