using System.Net;
using System.Net.Http.Json;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Appointments.Tests;

/// <summary>Time off hides slots and lists, never cancels, the appointments it overlaps; only the practitioner and admins keep it.</summary>
public sealed class TimeOffTests(PortalApp app) : IClassFixture<PortalApp>
{
    private sealed record Slot(DateTimeOffset Start);

    private sealed record Booked(Guid Id, string Status);

    private sealed record TimeOffAnswer(Guid Id, List<Booked> Affected);

    private sealed record TimeOffEntry(Guid Id, DateTimeOffset Start, DateTimeOffset End, string? Reason, string TimeZone);

    [Fact]
    public async Task Time_off_lists_the_appointments_it_overlaps_and_hides_its_slots_until_it_is_removed()
    {
        var setup = await Bookable.SetUpAsync(app);
        using var ava = await setup.Practice.SignedInPatientAsync(await setup.Practice.AddPatientAsync());
        using var drLee = await app.SignedInClientAsync(setup.PractitionerEmail, TestPractice.Password);
        using var booked = await ava.PostAsJsonAsync("/api/portal/appointments", setup.Booking(setup.NextMondayAt(10)));
        var appointment = (await booked.Content.ReadFromJsonAsync<Booked>(PortalClients.Json))!;
        var day = DateOnly.FromDateTime(setup.NextMondayAt(10).Date).ToString("yyyy-MM-dd");
        var search = $"/api/portal/appointment-slots?practitionerId={setup.PractitionerId}&appointmentTypeId={setup.TypeId}&from={day}&to={day}";

        using var added = await drLee.PostAsJsonAsync($"/api/practice/practitioners/{setup.PractitionerId}/time-off",
            new { start = setup.NextMondayAt(9), end = setup.NextMondayAt(13), reason = "Training" });

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var timeOff = (await added.Content.ReadFromJsonAsync<TimeOffAnswer>(PortalClients.Json))!;
        var affected = Assert.Single(timeOff.Affected);
        Assert.Equal((appointment.Id, "booked"), (affected.Id, affected.Status));   // listed, still booked
        var slots = (await ava.GetFromJsonAsync<Slot[]>(search, PortalClients.Json))!;
        Assert.DoesNotContain(slots, s => s.Start < setup.NextMondayAt(13));
        await ProblemAssert.IsProblemAsync(await ava.PostAsJsonAsync("/api/portal/appointments", setup.Booking(setup.NextMondayAt(11))),
            HttpStatusCode.Conflict, "appointments.slot-taken");

        var listed = Assert.Single((await drLee.GetFromJsonAsync<List<TimeOffEntry>>($"/api/practice/practitioners/{setup.PractitionerId}/time-off", PortalClients.Json))!);
        Assert.Equal((timeOff.Id, setup.NextMondayAt(9), "Training", "Australia/Sydney"), (listed.Id, listed.Start, listed.Reason, listed.TimeZone));
        Assert.Equal(setup.NextMondayAt(9).Offset, listed.Start.Offset);   // on the location's clock

        Assert.Equal(HttpStatusCode.NoContent, (await drLee.DeleteAsync($"/api/practice/practitioners/{setup.PractitionerId}/time-off/{timeOff.Id}")).StatusCode);
        Assert.Empty((await drLee.GetFromJsonAsync<List<TimeOffEntry>>($"/api/practice/practitioners/{setup.PractitionerId}/time-off", PortalClients.Json))!);
        Assert.Contains((await ava.GetFromJsonAsync<Slot[]>(search, PortalClients.Json))!, s => s.Start == setup.NextMondayAt(11));
    }

    [Fact]
    public async Task Another_practitioner_may_not_block_someone_elses_time_an_admin_may()
    {
        var setup = await Bookable.SetUpAsync(app);
        using var colleague = await app.SignedInClientAsync(await setup.Practice.AddPractitionerAsync("Kim", "Ng"), TestPractice.Password);
        using var admin = await setup.Practice.SignedInAdminAsync();
        var body = new { start = setup.NextMondayAt(9), end = setup.NextMondayAt(10) };

        await ProblemAssert.IsProblemAsync(await colleague.PostAsJsonAsync($"/api/practice/practitioners/{setup.PractitionerId}/time-off", body),
            HttpStatusCode.Forbidden, "appointments.not-your-schedule");
        await ProblemAssert.IsProblemAsync(await colleague.PutAsJsonAsync($"/api/practice/practitioners/{setup.PractitionerId}/availability", new { weekly = Array.Empty<object>() }),
            HttpStatusCode.Forbidden, "appointments.not-your-schedule");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/practice/practitioners/{setup.PractitionerId}/time-off", body)).StatusCode);
        var other = await app.NewPracticeAsync();
        using var otherAdmin = await other.SignedInAdminAsync();
        await ProblemAssert.IsProblemAsync(await otherAdmin.PostAsJsonAsync($"/api/practice/practitioners/{setup.PractitionerId}/time-off", body),
            HttpStatusCode.NotFound, "appointments.practitioner-not-found");
        await ProblemAssert.IsProblemAsync(await otherAdmin.GetAsync($"/api/practice/practitioners/{setup.PractitionerId}/time-off"),
            HttpStatusCode.NotFound, "appointments.practitioner-not-found");
    }
}
