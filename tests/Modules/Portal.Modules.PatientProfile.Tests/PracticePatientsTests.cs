using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Modules.PatientProfile.Data;
using Portal.Modules.PatientProfile.Domain;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.PatientProfile.Tests;

public sealed class PracticePatientsTests : IAsyncLifetime
{
    private const string Route = "/api/practice/patients";
    private readonly PortalApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_practice_lists_its_demo_patients_sorted_by_name_none_invited_and_never_another_groups()
    {
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);

        var page = await (await drLee.GetAsync(Route)).JsonAsync();

        Assert.Equal(5, page.GetProperty("total").GetInt32());
        var names = page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("familyName").GetString()).ToList();
        Assert.Equal(["Brown", "Chen", "Nguyen", "Smith", "Wilson"], names);
        Assert.All(page.GetProperty("items").EnumerateArray(), p => Assert.Equal("notInvited", p.GetProperty("portalStatus").GetString()));
        var ava = page.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("givenName").GetString() == "Ava");
        Assert.Equal("ava@example.test", ava.GetProperty("email").GetString());
        Assert.Equal("1990-04-12", ava.GetProperty("dateOfBirth").GetString());

        using var summit = await _app.SignedInClientAsync(DemoData.SummitAdminEmail);
        var summitPage = await (await summit.GetAsync(Route)).JsonAsync();
        Assert.Equal(2, summitPage.GetProperty("total").GetInt32());
        Assert.DoesNotContain(summitPage.GetProperty("items").EnumerateArray(), p => p.GetProperty("familyName").GetString() == "Nguyen");
    }

    [Theory]
    [InlineData("ngu", "Nguyen")]
    [InlineData("AVA", "Nguyen")]
    [InlineData("noah@example", "Smith")]
    [InlineData("1958-02-28", "Wilson")]
    [InlineData("mia chen", "Chen")]
    [InlineData("03/11/1984", "Smith")]         // a date of birth as Australians write it: day, month, year
    [InlineData("3/11/1984", "Smith")]
    [InlineData("12/04/1990", "Nguyen")]        // 12 April, never 4 December
    [InlineData("smith 03/11/1984", "Smith")]
    [InlineData("0412 345 678", "Nguyen")]      // a phone number, however it is written
    [InlineData("+61412345678", "Nguyen")]
    [InlineData("(04) 1234 5678", "Nguyen")]
    [InlineData("0423-456-789", "Smith")]
    [InlineData("02 9876 5432", "Wilson")]
    public async Task Search_finds_by_name_email_date_of_birth_or_phone(string search, string familyName)
    {
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);

        var page = await (await drLee.GetAsync($"{Route}?search={Uri.EscapeDataString(search)}")).JsonAsync();

        Assert.Equal(familyName, Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("familyName").GetString());
        Assert.Equal(1, page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Search_by_phone_finds_only_the_practices_own_patients_and_only_the_whole_number()
    {
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        using var summit = await _app.SignedInClientAsync(DemoData.SummitAdminEmail);

        Assert.Equal(0, (await (await summit.GetAsync($"{Route}?search={Uri.EscapeDataString("0412 345 678")}")).JsonAsync()).GetProperty("total").GetInt32());
        Assert.Equal(0, (await (await drLee.GetAsync($"{Route}?search={Uri.EscapeDataString("0412 345 679")}")).JsonAsync()).GetProperty("total").GetInt32());
        Assert.Equal(0, (await (await drLee.GetAsync($"{Route}?search={Uri.EscapeDataString("0412 345")}")).JsonAsync()).GetProperty("total").GetInt32());
        Assert.Equal(0, (await (await drLee.GetAsync($"{Route}?search={Uri.EscapeDataString("31/02/1984")}")).JsonAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Search_treats_wildcards_literally_and_pages_with_the_total()
    {
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);

        var wildcard = await (await drLee.GetAsync($"{Route}?search=%25")).JsonAsync();
        Assert.Equal(0, wildcard.GetProperty("total").GetInt32());

        var second = await (await drLee.GetAsync($"{Route}?page=2&pageSize=2")).JsonAsync();
        Assert.Equal(5, second.GetProperty("total").GetInt32());
        Assert.Equal(["Nguyen", "Smith"], second.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("familyName").GetString()));
    }

    [Fact]
    public async Task A_practitioner_creates_a_patient_and_reads_it_back_with_the_phone_in_E164()
    {
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);

        using var created = await drLee.PostAsJsonAsync(Route, new
        {
            givenName = "Zoe",
            familyName = "Park",
            dateOfBirth = "1988-03-05",
            sex = "female",
            email = "zoe@example.test",
            mobilePhone = "0412 999 888",
            address = new { line1 = "1 George St", suburb = "Sydney", state = "NSW", postcode = "2000" },
            emergencyContact = new { name = "Jin Park", relationship = "Partner", phone = "(02) 9876 5432" },
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.JsonAsync();
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/practice/patients/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal("+61412999888", body.GetProperty("mobilePhone").GetString());
        Assert.Equal("+61298765432", body.GetProperty("emergencyContact").GetProperty("phone").GetString());
        Assert.Equal("AU", body.GetProperty("address").GetProperty("country").GetString());

        var read = await (await drLee.GetAsync($"{Route}/{id}")).JsonAsync();
        Assert.Equal("Park", read.GetProperty("familyName").GetString());
        Assert.Equal("notInvited", read.GetProperty("portalStatus").GetString());

        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PatientProfileDbContext>();
        var log = await db.AccessLog.Where(e => e.PatientId == id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync();
        Assert.Equal([PatientAccessAction.Created, PatientAccessAction.Viewed], log.Select(e => e.Action));
        Assert.All(log, e => Assert.Equal(DemoData.DrLeeId, e.ActorUserId));
    }

    [Fact]
    public async Task Another_groups_patient_is_404_and_its_read_is_not_recorded()
    {
        using var summit = await _app.SignedInClientAsync(DemoData.SummitAdminEmail);

        using var response = await summit.GetAsync($"{Route}/{DemoPatients.AvaNguyenId}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "patients.not-found");
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PatientProfileDbContext>();
        Assert.False(await db.AccessLog.AnyAsync(e => e.PatientId == DemoPatients.AvaNguyenId));
    }

    [Fact]
    public async Task Invalid_details_are_400s_naming_each_field_and_nothing_is_saved()
    {
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        var tomorrow = DateOnly.FromDateTime(_app.Clock.GetUtcNow().UtcDateTime).AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        using var response = await drLee.PostAsJsonAsync(Route, new
        {
            givenName = "",
            familyName = "Park",
            dateOfBirth = tomorrow,
            email = "not-an-email",
            mobilePhone = "12",
            address = new { line1 = "1 George St", suburb = "Sydney", state = "XYZ", postcode = "20000" },
        });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation.failed");
        foreach (var field in new[] { "givenName", "dateOfBirth", "email", "mobilePhone", "address.state", "address.postcode" })
        {
            Assert.NotEmpty(ProblemAssert.FieldErrors(problem, field));
        }

        var page = await (await drLee.GetAsync(Route)).JsonAsync();
        Assert.Equal(5, page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_address_needs_its_state_and_postcode_and_an_absurd_page_is_just_empty()
    {
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);

        using var response = await drLee.PostAsJsonAsync(Route, new
        {
            givenName = "Zoe",
            familyName = "Park",
            dateOfBirth = "1988-03-05",
            address = new { line1 = "1 George St", suburb = "Sydney" },
        });
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation.failed");
        Assert.NotEmpty(ProblemAssert.FieldErrors(problem, "address.postcode"));
        Assert.NotEmpty(ProblemAssert.FieldErrors(problem, "address.state"));

        var farAway = await (await drLee.GetAsync($"{Route}?page={int.MaxValue}&pageSize=500")).JsonAsync();
        Assert.Equal(0, farAway.GetProperty("items").GetArrayLength());
        Assert.Equal(5, farAway.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Fields_a_client_may_not_set_are_refused_not_ignored()
    {
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);

        using var response = await drLee.PostAsJsonAsync(Route, new
        {
            givenName = "Zoe",
            familyName = "Park",
            dateOfBirth = "1988-03-05",
            practiceGroupId = DemoData.SummitPhysioId,
        });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "request.invalid-json");
    }

    [Fact]
    public async Task Patients_and_anonymous_callers_cannot_use_the_practice_routes()
    {
        using var anonymous = _app.CreateClient();
        using var list = await anonymous.GetAsync(Route);
        await ProblemAssert.IsProblemAsync(list, HttpStatusCode.Unauthorized, "auth.unauthenticated");

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var identity = scope.ServiceProvider.GetRequiredService<IIdentityApi>();
            var account = await identity.CreatePatientAccountAsync(new NewPatientAccount("ava@example.test", "ava's long passphrase", "Ava", "Nguyen"), default);
            await identity.LinkPatientRecordAsync(account.Value, DemoPatients.AvaNguyenId, DemoData.HarbourHealthId, default);
        }

        using var patient = await _app.SignedInClientAsync("ava@example.test", "ava's long passphrase");
        using var asPatient = await patient.GetAsync($"{Route}/{DemoPatients.AvaNguyenId}");
        await ProblemAssert.IsProblemAsync(asPatient, HttpStatusCode.Forbidden, "auth.forbidden");
    }
}
