using System.Net;
using System.Net.Http.Json;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Appointments.Tests;

/// <summary>A practice's locations and their time zones, over HTTP on SQLite: who may change them, who sees them.</summary>
public sealed class LocationsTests(PortalApp app) : IClassFixture<PortalApp>
{
    private sealed record LocationAnswer(Guid Id, string Name, string Address, string TimeZone);

    [Fact]
    public async Task A_practice_admin_adds_a_location_with_its_zone_and_the_practice_and_its_patients_see_it()
    {
        var practice = await app.NewPracticeAsync();
        using var admin = await practice.SignedInAdminAsync();

        using var created = await admin.PostAsJsonAsync("/api/practice/locations",
            new { name = "Harbour Health Brisbane", address = "1 Eagle St, Brisbane QLD 4000", timeZone = "Australia/Brisbane" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = (await created.Content.ReadFromJsonAsync<LocationAnswer>(PortalClients.Json))!;
        Assert.Equal($"/api/practice/locations/{location.Id}", created.Headers.Location!.OriginalString);
        Assert.Equal("Australia/Brisbane", location.TimeZone);

        using var practitioner = await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password);
        Assert.Equal([location], (await practitioner.GetFromJsonAsync<LocationAnswer[]>("/api/practice/locations", PortalClients.Json))!);
        var patient = await practice.AddPatientAsync();
        using var ava = await practice.SignedInPatientAsync(patient);
        Assert.Equal([location], (await ava.GetFromJsonAsync<LocationAnswer[]>("/api/portal/locations", PortalClients.Json))!);
    }

    [Theory]
    [InlineData("Melbourne +10")]
    [InlineData("AUS Eastern Standard Time")]   // a Windows name, not an IANA one
    [InlineData("Australia/Atlantis")]
    public async Task A_zone_that_is_not_an_IANA_zone_is_refused_and_nothing_is_saved(string zone)
    {
        var practice = await app.NewPracticeAsync();
        using var admin = await practice.SignedInAdminAsync();

        var problem = await ProblemAssert.IsProblemAsync(
            await admin.PostAsJsonAsync("/api/practice/locations", new { name = "Somewhere", address = "1 Main St", timeZone = zone }),
            HttpStatusCode.BadRequest, "appointments.invalid-time-zone");

        Assert.NotEmpty(ProblemAssert.FieldErrors(problem, "timeZone"));
        Assert.Empty((await admin.GetFromJsonAsync<LocationAnswer[]>("/api/practice/locations", PortalClients.Json))!);
    }

    [Fact]
    public async Task Only_a_practice_admin_changes_locations_and_only_its_own_groups()
    {
        var practice = await app.NewPracticeAsync();
        var other = await app.NewPracticeAsync();
        using var admin = await practice.SignedInAdminAsync();
        using var otherAdmin = await other.SignedInAdminAsync();
        using var created = await admin.PostAsJsonAsync("/api/practice/locations", new { name = "Sydney", address = "1 George St", timeZone = "Australia/Sydney" });
        var location = (await created.Content.ReadFromJsonAsync<LocationAnswer>(PortalClients.Json))!;
        using var practitioner = await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password);

        Assert.Equal(HttpStatusCode.Forbidden, (await practitioner.PostAsJsonAsync("/api/practice/locations",
            new { name = "Mine", address = "2 George St", timeZone = "Australia/Sydney" })).StatusCode);
        await ProblemAssert.IsProblemAsync(await otherAdmin.PutAsJsonAsync($"/api/practice/locations/{location.Id}",
            new { name = "Taken over", address = "1 George St", timeZone = "Australia/Perth" }), HttpStatusCode.NotFound, "appointments.location-not-found");
        Assert.Empty((await otherAdmin.GetFromJsonAsync<LocationAnswer[]>("/api/practice/locations", PortalClients.Json))!);

        using var renamed = await admin.PutAsJsonAsync($"/api/practice/locations/{location.Id}",
            new { name = "Sydney CBD", address = "1 George St", timeZone = "Australia/Sydney" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("Sydney CBD", (await admin.GetFromJsonAsync<LocationAnswer[]>("/api/practice/locations", PortalClients.Json))![0].Name);
    }
}
