using System.Net.Http.Json;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Appointments.Tests;

/// <summary>
/// The server's own zone changes nothing: CI runs this project once more under another <c>TZ</c> (.ci/run), and these
/// answers are written as the location's wall clock, so they must hold in both runs. Early-morning and late-evening hours
/// in Sydney fall on the previous day in UTC, where a server that thinks in its own dates loses them.
/// </summary>
public sealed class ServerZoneTests(PortalApp app) : IClassFixture<PortalApp>
{
    private sealed record Slot(DateTimeOffset Start, DateTimeOffset End, string TimeZone);

    /// <summary>Guards the second CI run: when it asks for another zone, .NET really runs in it (else the run proves nothing).</summary>
    [Fact]
    public void A_process_started_with_TZ_runs_in_that_zone()
    {
        if (Environment.GetEnvironmentVariable("TZ") is not { Length: > 0 } asked)
        {
            return;   // the machine's own zone: nothing was asked
        }

        Assert.True(TimeZoneInfo.Local.HasSameRules(TimeZoneInfo.FindSystemTimeZoneById(asked)), $"TZ={asked} but .NET runs in {TimeZoneInfo.Local.Id}");
    }

    [Fact]
    public async Task Early_and_late_hours_are_found_on_the_locations_own_day_whatever_the_servers_zone()
    {
        var setup = await Bookable.SetUpAsync(app);
        using var practitioner = await app.SignedInClientAsync(setup.PractitionerEmail, TestPractice.Password);
        var hours = new[]
        {
            new { locationId = setup.LocationId, dayOfWeek = "monday", start = "07:00", end = "08:00" },   // 20:00-21:00 UTC on Sunday
            new { locationId = setup.LocationId, dayOfWeek = "monday", start = "22:00", end = "23:00" },   // 11:00-12:00 UTC on Monday
        };
        (await practitioner.PutAsJsonAsync($"/api/practice/practitioners/{setup.PractitionerId}/availability", new { weekly = hours })).EnsureSuccessStatusCode();
        using var patient = await setup.Practice.SignedInPatientAsync(await setup.Practice.AddPatientAsync());
        var monday = setup.NextMondayAt(0);
        var day = monday.ToString("yyyy-MM-dd");

        var slots = (await patient.GetFromJsonAsync<List<Slot>>(
            $"/api/portal/appointment-slots?practitionerId={setup.PractitionerId}&appointmentTypeId={setup.TypeId}&from={day}&to={day}", PortalClients.Json))!;

        // 30 minutes on a 15-minute step, each ending by the end of the hours (the buffer after the last may run past them).
        Assert.Equal(["07:00", "07:15", "07:30", "22:00", "22:15", "22:30"], slots.Select(s => s.Start.ToString("HH:mm")));
        Assert.All(slots, s =>
        {
            Assert.Equal(day, s.Start.ToString("yyyy-MM-dd"));
            Assert.Equal(TimeZoneInfo.FindSystemTimeZoneById("Australia/Sydney").GetUtcOffset(s.Start.UtcDateTime), s.Start.Offset);
            Assert.Equal("Australia/Sydney", s.TimeZone);
        });
    }
}
