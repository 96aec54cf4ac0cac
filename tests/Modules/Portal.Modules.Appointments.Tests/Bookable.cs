using System.Net.Http.Json;
using NodaTime;
using NodaTime.Extensions;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Appointments.Tests;

/// <summary>
/// A practice of a test's own that takes bookings, set up through the API as a practice would: a location in
/// <paramref name="Zone"/>, a 30-minute type with a 10-minute buffer, and a practitioner working Monday to Friday
/// 09:00-17:00 there.
/// </summary>
internal sealed record Bookable(PortalApp App, TestPractice Practice, Guid PractitionerId, string PractitionerEmail, Guid LocationId, Guid TypeId, string Zone)
{
    public sealed record Answer(Guid Id);

    public static async Task<Bookable> SetUpAsync(PortalApp app, string zone = "Australia/Sydney")
    {
        var practice = await app.NewPracticeAsync();
        using var admin = await practice.SignedInAdminAsync();
        var practitionerEmail = await practice.AddPractitionerAsync();
        using var practitioner = await app.SignedInClientAsync(practitionerEmail, TestPractice.Password);
        var practitionerId = (await practitioner.GetFromJsonAsync<Me>("/api/me", PortalClients.Json))!.UserId;
        var location = await CreatedAsync(await admin.PostAsJsonAsync("/api/practice/locations", new { name = "Clinic", address = "1 Main St", timeZone = zone }));
        var type = await CreatedAsync(await admin.PostAsJsonAsync("/api/practice/appointment-types",
            new { name = "Standard consultation", durationMinutes = 30, bufferMinutes = 10, priceCents = 12000, bookableOnline = true, newPatients = true }));
        var weekdays = new[] { "monday", "tuesday", "wednesday", "thursday", "friday" }
            .Select(day => new { locationId = location, dayOfWeek = day, start = "09:00", end = "17:00" });
        (await practitioner.PutAsJsonAsync($"/api/practice/practitioners/{practitionerId}/availability", new { weekly = weekdays })).EnsureSuccessStatusCode();
        return new Bookable(app, practice, practitionerId, practitionerEmail, location, type, zone);
    }

    /// <summary>A wall-clock time on the first Monday at least a week after the test's clock, in the location's zone.</summary>
    public DateTimeOffset NextMondayAt(int hour, int minute = 0)
    {
        var zone = DateTimeZoneProviders.Tzdb[Zone];
        var today = App.Clock.GetUtcNow().ToInstant().InZone(zone).Date;
        var monday = today.PlusDays(7).With(DateAdjusters.NextOrSame(IsoDayOfWeek.Monday));
        return (monday + new LocalTime(hour, minute)).InZoneStrictly(zone).ToDateTimeOffset();
    }

    public object Booking(DateTimeOffset start) => new { practitionerId = PractitionerId, appointmentTypeId = TypeId, start };

    private static async Task<Guid> CreatedAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<Answer>(PortalClients.Json))!.Id;
        }
    }
}
