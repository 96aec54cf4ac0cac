using System.Net.Http.Json;
using Portal.Testing;
using Portal.Web.Admin.Features.Appointments;
using Xunit;

namespace Portal.Web.Tests;

/// <summary>
/// A practice of a test's own that takes bookings, set up through the API as a practice would: a location in
/// <see cref="Zone"/>, a type of <c>minutes</c> minutes, and a practitioner (Sam Lee) keeping the hours given (by default
/// Monday to Friday 09:00-17:00) there. Whatever a test books here no other test sees.
/// </summary>
internal sealed record BookablePractice(PortalApp App, TestPractice Practice, Guid PractitionerId, string PractitionerEmail, Guid LocationId, Guid TypeId, string Zone)
{
    public const string TypeName = "Standard consultation";
    public const string LocationName = "Harbourside Clinic";

    private sealed record Created(Guid Id);

    private sealed record Me(Guid UserId);

    public static async Task<BookablePractice> SetUpAsync(
        PortalApp app, string zone = "Australia/Sydney", int minutes = 30, string from = "09:00", string to = "17:00", bool weekends = false)
    {
        var practice = await app.NewPracticeAsync();
        using var admin = await practice.SignedInAdminAsync();
        var practitionerEmail = await practice.AddPractitionerAsync();
        using var practitioner = await app.SignedInClientAsync(practitionerEmail, TestPractice.Password);
        var practitionerId = (await practitioner.GetFromJsonAsync<Me>("/api/me", PortalClients.Json))!.UserId;
        var location = await CreatedAsync(await admin.PostAsJsonAsync("/api/practice/locations", new { name = LocationName, address = "1 Main St", timeZone = zone }));
        var type = await CreatedAsync(await admin.PostAsJsonAsync("/api/practice/appointment-types",
            new { name = TypeName, durationMinutes = minutes, bufferMinutes = 0, priceCents = 12000, bookableOnline = true, newPatients = true }));
        string[] days = weekends
            ? ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
            : ["monday", "tuesday", "wednesday", "thursday", "friday"];
        using var hours = await practitioner.PutAsJsonAsync($"/api/practice/practitioners/{practitionerId}/availability",
            new { weekly = days.Select(day => new { locationId = location, dayOfWeek = day, start = from, end = to }) });
        Assert.True(hours.IsSuccessStatusCode, await hours.Content.ReadAsStringAsync());
        return new BookablePractice(app, practice, practitionerId, practitionerEmail, location, type, zone);
    }

    /// <summary>The first Monday at least a week after the test's clock, at the location.</summary>
    public DateOnly NextMonday()
    {
        var today = LocalTimes.Today(App.Clock, Zone);
        var day = today.AddDays(7);
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>That wall-clock time at the location, with its offset.</summary>
    public DateTimeOffset At(DateOnly date, int hour, int minute = 0) => LocalTimes.At(date, new TimeOnly(hour, minute), Zone).Start!.Value;

    /// <summary>Books as the practice's admin through the API; answers the appointment's id.</summary>
    public async Task<Guid> BookAsync(HttpClient admin, Guid patientId, DateTimeOffset start)
    {
        using var response = await admin.PostAsJsonAsync("/api/practice/appointments",
            new { patientId, practitionerId = PractitionerId, appointmentTypeId = TypeId, locationId = LocationId, start });
        return await CreatedAsync(response);
    }

    private static async Task<Guid> CreatedAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<Created>(PortalClients.Json))!.Id;
        }
    }
}
