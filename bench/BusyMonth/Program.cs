// Slot search for a month of a busy practitioner, end to end: the real Host in this process (PortalApp, as the tests
// run it: SQLite, every middleware, the patient's bearer token), on a table of tens of thousands of appointments.
//
//   dotnet run -c Release --project bench/BusyMonth [searches, default 200]
//
// The practitioner works Monday to Friday 08:00-18:00 in Sydney and is booked in 10-minute appointments a year back and
// three months ahead, every seventh left free (about 50 a day); 40 colleagues are as busy over the measured month, and
// one in ten of all appointments is cancelled. Prints the month's and one day's search: median, 95th percentile and
// allocations per search.
using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Extensions;
using Portal.Modules.Appointments.Contracts;
using Portal.Modules.Appointments.Data;
using Portal.Modules.Appointments.Domain;
using Portal.Testing;

var searches = args.Length > 0 ? int.Parse(args[0]) : 200;
// A test project gets the Host's content root from its build; a console program says where it is.
var repository = new DirectoryInfo(AppContext.BaseDirectory);
while (!File.Exists(Path.Combine(repository.FullName, "Portal.sln")))
{
    repository = repository.Parent ?? throw new InvalidOperationException("Run it from inside the repository.");
}

Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_PORTAL_HOST", Path.Combine(repository.FullName, "src", "Host", "Portal.Host"));
using var app = new PortalApp();
var practice = await app.NewPracticeAsync();
using var admin = await practice.SignedInAdminAsync();
var practitionerEmail = await practice.AddPractitionerAsync();
using var practitioner = await app.SignedInClientAsync(practitionerEmail, TestPractice.Password);
var practitionerId = (await practitioner.GetFromJsonAsync<Me>("/api/me", PortalClients.Json))!.UserId;
var locationId = await IdOf(await admin.PostAsJsonAsync("/api/practice/locations", new { name = "Clinic", address = "1 Main St", timeZone = "Australia/Sydney" }));
var typeId = await IdOf(await admin.PostAsJsonAsync("/api/practice/appointment-types",
    new { name = "Short consultation", durationMinutes = 10, bufferMinutes = 0, priceCents = 6000, bookableOnline = true, newPatients = true }));
var weekdays = new[] { "monday", "tuesday", "wednesday", "thursday", "friday" }
    .Select(day => new { locationId, dayOfWeek = day, start = "08:00", end = "18:00" });
(await practitioner.PutAsJsonAsync($"/api/practice/practitioners/{practitionerId}/availability", new { weekly = weekdays })).EnsureSuccessStatusCode();
using var patient = await practice.SignedInPatientAsync(await practice.AddPatientAsync());

var zone = DateTimeZoneProviders.Tzdb["Australia/Sydney"];
var today = app.Clock.GetUtcNow().ToInstant().InZone(zone).Date;
var monthStart = today.PlusDays(7);
var monthEnd = monthStart.PlusDays(30);
var seeding = Stopwatch.StartNew();
var (total, inMonth) = await SeedAsync(app, practice.Id, practitionerId, locationId, typeId, zone, today.PlusDays(-365), today.PlusDays(90), monthStart, monthEnd);
Console.WriteLine($"Seeded {total:N0} appointments in {seeding.Elapsed.TotalSeconds:N0} s; the practitioner has {inMonth:N0} in the searched month.");

var month = $"/api/portal/appointment-slots?practitionerId={practitionerId}&appointmentTypeId={typeId}&from={monthStart:yyyy-MM-dd}&to={monthEnd:yyyy-MM-dd}";
var day = $"/api/portal/appointment-slots?practitionerId={practitionerId}&appointmentTypeId={typeId}&from={monthStart:yyyy-MM-dd}&to={monthStart:yyyy-MM-dd}";
await MeasureAsync("31 days", month);
await MeasureAsync("1 day", day);
await MeasureAsync("yardstick: the practice's locations (one small read, same path)", "/api/portal/locations");

async Task MeasureAsync(string label, string url)
{
    var slots = 0;
    for (var i = 0; i < 20; i++)
    {
        slots = (await patient.GetFromJsonAsync<List<object>>(url, PortalClients.Json))!.Count;
    }

    var times = new double[searches];
    var allocated = GC.GetTotalAllocatedBytes(precise: true);
    for (var i = 0; i < searches; i++)
    {
        var watch = Stopwatch.StartNew();
        using var response = await patient.GetAsync(url);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
        times[i] = watch.Elapsed.TotalMilliseconds;
    }

    allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
    Array.Sort(times);
    Console.WriteLine($"{label}: {slots:N0} items; median {times[searches / 2]:N1} ms, p95 {times[(int)(searches * 0.95)]:N1} ms, " +
        $"{allocated / searches / 1024.0:N0} KB allocated per search ({searches} searches, one at a time)");
}

static async Task<(int Total, int InMonth)> SeedAsync(PortalApp app, Guid groupId, Guid practitionerId, Guid locationId, Guid typeId, DateTimeZone zone,
    LocalDate first, LocalDate last, LocalDate monthStart, LocalDate monthEnd)
{
    var random = new Random(16);
    var length = Duration.FromMinutes(10);
    var colleagues = Enumerable.Range(0, 40).Select(_ => Guid.NewGuid()).ToList();
    var total = 0;
    var inMonth = 0;
    var batch = new List<Appointment>();

    async Task FlushAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppointmentsDbContext>();
        db.Appointments.AddRange(batch);
        db.OccupiedTimeUnits.AddRange(batch.Where(a => a.Status == AppointmentStatus.Booked).SelectMany(OccupiedTimeUnit.For));
        await db.SaveChangesAsync();
        total += batch.Count;
        batch.Clear();
    }

    for (var date = first; date <= last; date = date.PlusDays(1))
    {
        if (date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
        {
            continue;
        }

        var inSearchedMonth = date >= monthStart && date <= monthEnd;
        var who = inSearchedMonth ? colleagues.Prepend(practitionerId) : [practitionerId];
        foreach (var person in who)
        {
            for (var slot = 0; slot < 60; slot++)
            {
                if (slot % 7 == 6)
                {
                    continue;
                }

                var start = (date + new LocalTime(8, 0)).InZoneLeniently(zone).ToInstant() + Duration.FromMinutes(10 * slot);
                var appointment = Appointment.Book(groupId, Guid.NewGuid(), person, locationId, typeId, start, length, Duration.Zero, person, start - Duration.FromDays(14));
                if (random.Next(10) == 0)
                {
                    appointment.Cancel(person, "Seeded", start - Duration.FromDays(1));
                }

                batch.Add(appointment);
                if (person == practitionerId && inSearchedMonth)
                {
                    inMonth++;
                }
            }
        }

        if (batch.Count >= 5000)
        {
            await FlushAsync();
        }
    }

    await FlushAsync();
    return (total, inMonth);
}

static async Task<Guid> IdOf(HttpResponseMessage response)
{
    using (response)
    {
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Answer>(PortalClients.Json))!.Id;
    }
}

internal sealed record Answer(Guid Id);
