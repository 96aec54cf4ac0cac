using System.Net;
using System.Net.Http.Json;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Appointments.Tests;

/// <summary>Cancelling, rescheduling and attendance over HTTP on SQLite, by the patient and by the practice, and who may see what.</summary>
public sealed class ChangingAppointmentsTests(PortalApp app) : IClassFixture<PortalApp>
{
    private sealed record Booked(Guid Id, Guid PatientId, DateTimeOffset Start, DateTimeOffset End, string Status, DateTimeOffset? CancellableUntil);

    private sealed record BookedPage(List<Booked> Items, int Total);

    private static async Task<Booked> BookedFrom(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<Booked>(PortalClients.Json))!;
        }
    }

    [Fact]
    public async Task A_patient_cancels_and_the_time_is_free_again_for_someone_else()
    {
        var setup = await Bookable.SetUpAsync(app);
        using var ava = await setup.Practice.SignedInPatientAsync(await setup.Practice.AddPatientAsync());
        using var ben = await setup.Practice.SignedInPatientAsync(await setup.Practice.AddPatientAsync());
        var ten = setup.NextMondayAt(10);
        var booked = await BookedFrom(await ava.PostAsJsonAsync("/api/portal/appointments", setup.Booking(ten)));
        await ProblemAssert.IsProblemAsync(await ben.PostAsJsonAsync("/api/portal/appointments", setup.Booking(ten)), HttpStatusCode.Conflict, "appointments.slot-taken");

        var cancelled = await BookedFrom(await ava.PostAsJsonAsync($"/api/portal/appointments/{booked.Id}/cancel", new { reason = "Feeling better" }));

        Assert.Equal("cancelled", cancelled.Status);
        Assert.Null(cancelled.CancellableUntil);
        Assert.Equal(HttpStatusCode.Created, (await ben.PostAsJsonAsync("/api/portal/appointments", setup.Booking(ten))).StatusCode);
        await ProblemAssert.IsProblemAsync(await ava.PostAsJsonAsync($"/api/portal/appointments/{booked.Id}/cancel", new { }), HttpStatusCode.Conflict, "appointments.not-booked");
    }

    [Fact]
    public async Task Inside_the_notice_period_a_patient_cannot_cancel_but_the_practice_can_with_a_reason()
    {
        var setup = await Bookable.SetUpAsync(app);
        var patient = await setup.Practice.AddPatientAsync();
        var ten = setup.NextMondayAt(10);
        using (var early = await setup.Practice.SignedInAdminAsync())
        {
            await BookedFrom(await early.PostAsJsonAsync("/api/practice/appointments",
                new { patientId = patient.Id, practitionerId = setup.PractitionerId, appointmentTypeId = setup.TypeId, locationId = setup.LocationId, start = ten }));
        }

        app.Clock.SetUtcNow(ten.AddHours(-20));   // inside the 24 hours, long after the grace period
        using var ava = await setup.Practice.SignedInPatientAsync(patient);
        using var admin = await setup.Practice.SignedInAdminAsync();
        var mine = (await ava.GetFromJsonAsync<BookedPage>("/api/portal/appointments?scope=upcoming", PortalClients.Json))!;
        var appointment = Assert.Single(mine.Items);
        Assert.Equal(ten.AddHours(-24), appointment.CancellableUntil);

        await ProblemAssert.IsProblemAsync(await ava.PostAsJsonAsync($"/api/portal/appointments/{appointment.Id}/cancel", new { }),
            HttpStatusCode.Conflict, "appointments.cancellation-window");
        await ProblemAssert.IsProblemAsync(await ava.PostAsJsonAsync($"/api/portal/appointments/{appointment.Id}/reschedule", new { start = ten.AddDays(1) }),
            HttpStatusCode.Conflict, "appointments.cancellation-window");
        await ProblemAssert.IsProblemAsync(await admin.PostAsJsonAsync($"/api/practice/appointments/{appointment.Id}/cancel", new { }),
            HttpStatusCode.BadRequest, "validation.failed");
        Assert.Equal("cancelled", (await BookedFrom(await admin.PostAsJsonAsync($"/api/practice/appointments/{appointment.Id}/cancel",
            new { reason = "Dr Lee is unwell" }))).Status);
    }

    [Fact]
    public async Task Rescheduling_onto_a_taken_time_keeps_the_old_one_and_onto_a_free_time_releases_it()
    {
        var setup = await Bookable.SetUpAsync(app);
        using var ava = await setup.Practice.SignedInPatientAsync(await setup.Practice.AddPatientAsync());
        using var ben = await setup.Practice.SignedInPatientAsync(await setup.Practice.AddPatientAsync());
        var ten = setup.NextMondayAt(10);
        var eleven = setup.NextMondayAt(11);
        var avas = await BookedFrom(await ava.PostAsJsonAsync("/api/portal/appointments", setup.Booking(ten)));
        await BookedFrom(await ben.PostAsJsonAsync("/api/portal/appointments", setup.Booking(eleven)));

        await ProblemAssert.IsProblemAsync(await ava.PostAsJsonAsync($"/api/portal/appointments/{avas.Id}/reschedule", new { start = eleven }),
            HttpStatusCode.Conflict, "appointments.slot-taken");
        await ProblemAssert.IsProblemAsync(await ben.PostAsJsonAsync("/api/portal/appointments", setup.Booking(ten)),
            HttpStatusCode.Conflict, "appointments.slot-taken");   // Ava still holds ten

        var moved = await BookedFrom(await ava.PostAsJsonAsync($"/api/portal/appointments/{avas.Id}/reschedule", new { start = ten.AddMinutes(15) }));
        Assert.Equal(ten.AddMinutes(15), moved.Start);   // overlapping its own old time is fine
        var later = await BookedFrom(await ava.PostAsJsonAsync($"/api/portal/appointments/{avas.Id}/reschedule", new { start = setup.NextMondayAt(14) }));
        Assert.Equal(setup.NextMondayAt(14), later.Start);
        Assert.Equal(HttpStatusCode.Created, (await ben.PostAsJsonAsync("/api/portal/appointments", setup.Booking(ten))).StatusCode);
    }

    [Fact]
    public async Task A_reschedule_racing_a_booking_for_the_same_time_lets_exactly_one_have_it()
    {
        var setup = await Bookable.SetUpAsync(app);
        using var ava = await setup.Practice.SignedInPatientAsync(await setup.Practice.AddPatientAsync());
        using var ben = await setup.Practice.SignedInPatientAsync(await setup.Practice.AddPatientAsync());
        var avas = await BookedFrom(await ava.PostAsJsonAsync("/api/portal/appointments", setup.Booking(setup.NextMondayAt(9))));
        var target = setup.NextMondayAt(15);

        var answers = await Task.WhenAll(
            Task.Run(() => ava.PostAsJsonAsync($"/api/portal/appointments/{avas.Id}/reschedule", new { start = target })),
            Task.Run(() => ben.PostAsJsonAsync("/api/portal/appointments", setup.Booking(target))));

        Assert.Single(answers, a => a.IsSuccessStatusCode);
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Patients_see_only_their_own_and_another_groups_appointment_is_not_found()
    {
        var setup = await Bookable.SetUpAsync(app);
        var other = await Bookable.SetUpAsync(app);
        using var ava = await setup.Practice.SignedInPatientAsync(await setup.Practice.AddPatientAsync());
        using var ben = await setup.Practice.SignedInPatientAsync(await setup.Practice.AddPatientAsync());
        using var otherAdmin = await other.Practice.SignedInAdminAsync();
        using var admin = await setup.Practice.SignedInAdminAsync();
        var avas = await BookedFrom(await ava.PostAsJsonAsync("/api/portal/appointments", setup.Booking(setup.NextMondayAt(10))));

        Assert.Empty((await ben.GetFromJsonAsync<BookedPage>("/api/portal/appointments", PortalClients.Json))!.Items);
        await ProblemAssert.IsProblemAsync(await ben.PostAsJsonAsync($"/api/portal/appointments/{avas.Id}/cancel", new { }), HttpStatusCode.NotFound, "appointments.not-found");
        await ProblemAssert.IsProblemAsync(await otherAdmin.PostAsJsonAsync($"/api/practice/appointments/{avas.Id}/cancel", new { reason = "x" }),
            HttpStatusCode.NotFound, "appointments.not-found");
        var week = $"from={Uri.EscapeDataString(setup.NextMondayAt(0).ToString("O"))}&to={Uri.EscapeDataString(setup.NextMondayAt(0).AddDays(7).ToString("O"))}";
        Assert.Equal(0, (await otherAdmin.GetFromJsonAsync<BookedPage>($"/api/practice/appointments?{week}", PortalClients.Json))!.Total);
        var calendar = (await admin.GetFromJsonAsync<BookedPage>($"/api/practice/appointments?{week}&practitionerId={setup.PractitionerId}", PortalClients.Json))!;
        Assert.Equal(avas.Id, Assert.Single(calendar.Items).Id);
    }

    [Fact]
    public async Task Attendance_is_marked_by_the_practice_and_moves_forward_only()
    {
        var setup = await Bookable.SetUpAsync(app);
        using var ava = await setup.Practice.SignedInPatientAsync(await setup.Practice.AddPatientAsync());
        using var admin = await setup.Practice.SignedInAdminAsync();
        var avas = await BookedFrom(await ava.PostAsJsonAsync("/api/portal/appointments", setup.Booking(setup.NextMondayAt(10))));

        Assert.Equal("arrived", (await BookedFrom(await admin.PostAsJsonAsync($"/api/practice/appointments/{avas.Id}/status", new { status = "arrived" }))).Status);
        Assert.Equal("completed", (await BookedFrom(await admin.PostAsJsonAsync($"/api/practice/appointments/{avas.Id}/status", new { status = "completed" }))).Status);
        await ProblemAssert.IsProblemAsync(await admin.PostAsJsonAsync($"/api/practice/appointments/{avas.Id}/status", new { status = "didNotAttend" }),
            HttpStatusCode.Conflict, "appointments.invalid-status-change");
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"/api/practice/appointments/{avas.Id}/status", new { status = "cancelled" })).StatusCode);
    }
}
