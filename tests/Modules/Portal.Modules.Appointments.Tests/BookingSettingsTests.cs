using System.Net;
using System.Net.Http.Json;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Appointments.Tests;

/// <summary>The practice's booking rules: defaults, saved with the ETag read, kept in a history, and in force on the next request.</summary>
public sealed class BookingSettingsTests(PortalApp app) : IClassFixture<PortalApp>
{
    private sealed record Rules(bool OnlineBooking, int MinimumLeadHours, int MaxDaysAhead, bool PatientCancellation, int CancellationNoticeHours, int GracePeriodMinutes);

    private sealed record Change(Rules Before, Rules After, string ChangedBy);

    private sealed record History(List<Change> Items, int Total);

    private sealed record Booked(Guid Id);

    private static object Body(bool onlineBooking = true, bool patientCancellation = true, int notice = 24) =>
        new { onlineBooking, minimumLeadHours = 2, maxDaysAhead = 90, patientCancellation, cancellationNoticeHours = notice, gracePeriodMinutes = 10 };

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, object body, string? etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/practice/settings/booking") { Content = JsonContent.Create(body) };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_practice_starts_with_the_defaults_and_an_admin_changes_them_with_the_etag_read()
    {
        var practice = await app.NewPracticeAsync();
        using var admin = await practice.SignedInAdminAsync();

        using var read = await admin.GetAsync("/api/practice/settings/booking");
        Assert.Equal(new Rules(true, 2, 90, true, 24, 10), await read.Content.ReadFromJsonAsync<Rules>(PortalClients.Json));
        var etag = read.Headers.ETag!.Tag;

        using var saved = await PutAsync(admin, Body(notice: 48), etag);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.NotEqual(etag, saved.Headers.ETag!.Tag);
        await ProblemAssert.IsProblemAsync(await PutAsync(admin, Body(notice: 12), etag), HttpStatusCode.PreconditionFailed, "settings.stale");

        var history = (await admin.GetFromJsonAsync<History>("/api/practice/settings/booking/history", PortalClients.Json))!;
        var change = Assert.Single(history.Items);
        Assert.Equal((24, 48), (change.Before.CancellationNoticeHours, change.After.CancellationNoticeHours));
        Assert.Equal("Pat Admin", change.ChangedBy);
    }

    [Fact]
    public async Task A_plain_practitioner_reads_the_rules_but_may_not_change_them()
    {
        var practice = await app.NewPracticeAsync();
        using var practitioner = await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password);

        Assert.Equal(HttpStatusCode.OK, (await practitioner.GetAsync("/api/practice/settings/booking")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PutAsync(practitioner, Body(), null)).StatusCode);
    }

    [Fact]
    public async Task Turning_online_booking_and_cancelling_off_applies_on_the_next_request()
    {
        var setup = await Bookable.SetUpAsync(app);
        using var admin = await setup.Practice.SignedInAdminAsync();
        using var ava = await setup.Practice.SignedInPatientAsync(await setup.Practice.AddPatientAsync());
        using var first = await ava.PostAsJsonAsync("/api/portal/appointments", setup.Booking(setup.NextMondayAt(10)));
        var booked = (await first.Content.ReadFromJsonAsync<Booked>(PortalClients.Json))!;

        (await PutAsync(admin, Body(onlineBooking: false, patientCancellation: false), null)).EnsureSuccessStatusCode();

        await ProblemAssert.IsProblemAsync(await ava.PostAsJsonAsync("/api/portal/appointments", setup.Booking(setup.NextMondayAt(11))),
            HttpStatusCode.Forbidden, "appointments.online-booking-disabled");
        await ProblemAssert.IsProblemAsync(await ava.PostAsJsonAsync($"/api/portal/appointments/{booked.Id}/cancel", new { }),
            HttpStatusCode.Forbidden, "appointments.patient-cancellation-disabled");
        var day = DateOnly.FromDateTime(setup.NextMondayAt(10).Date).ToString("yyyy-MM-dd");
        Assert.Empty((await ava.GetFromJsonAsync<object[]>(
            $"/api/portal/appointment-slots?practitionerId={setup.PractitionerId}&appointmentTypeId={setup.TypeId}&from={day}&to={day}", PortalClients.Json))!);
    }

    [Fact]
    public async Task A_rule_out_of_range_or_missing_is_refused_and_nothing_changes()
    {
        var practice = await app.NewPracticeAsync();
        using var admin = await practice.SignedInAdminAsync();

        var problem = await ProblemAssert.IsProblemAsync(await PutAsync(admin, new { onlineBooking = true, minimumLeadHours = -1, maxDaysAhead = 90 }, null),
            HttpStatusCode.BadRequest, "validation.failed");

        Assert.NotEmpty(ProblemAssert.FieldErrors(problem, "minimumLeadHours"));
        Assert.NotEmpty(ProblemAssert.FieldErrors(problem, "patientCancellation"));
        Assert.Equal(0, (await admin.GetFromJsonAsync<History>("/api/practice/settings/booking/history", PortalClients.Json))!.Total);
    }
}
