using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Modules.PatientProfile.Data;
using Portal.Modules.PatientProfile.Domain;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.PatientProfile.Tests;

public sealed class PracticePatientsTests(PortalApp app) : IClassFixture<PortalApp>
{
    private const string Route = "/api/practice/patients";

    [Fact]
    public async Task The_practice_lists_its_demo_patients_sorted_by_name_none_invited_and_never_another_groups()
    {
        var (practice, _) = await PracticeWithDemoPatientsAsync();
        var anotherGroup = await app.NewPracticeAsync();
        await anotherGroup.AddPatientAsync(new { givenName = "Jack", familyName = "Taylor", dateOfBirth = "1979-05-17", sex = "male", email = "jack@example.test" });
        await anotherGroup.AddPatientAsync(new { givenName = "Chloe", familyName = "Martin", dateOfBirth = "1995-12-01", sex = "female", email = "chloe@example.test" });
        using var drLee = await SignedInPractitionerAsync(practice);

        var page = await PageAsync(drLee, Route);

        Assert.Equal(5, page.Total);
        var names = page.Items.Select(p => p.FamilyName).ToList();
        Assert.Equal(["Brown", "Chen", "Nguyen", "Smith", "Wilson"], names);
        Assert.All(page.Items, p => Assert.Equal("notInvited", p.PortalStatus));
        var ava = page.Items.Single(p => p.GivenName == "Ava");
        Assert.Equal("ava@example.test", ava.Email);
        Assert.Equal("1990-04-12", ava.DateOfBirth);

        using var summit = await anotherGroup.SignedInAdminAsync();
        var summitPage = await PageAsync(summit, Route);
        Assert.Equal(2, summitPage.Total);
        Assert.DoesNotContain(summitPage.Items, p => p.FamilyName == "Nguyen");
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
        var (practice, _) = await PracticeWithDemoPatientsAsync();
        using var drLee = await SignedInPractitionerAsync(practice);

        var page = await PageAsync(drLee, $"{Route}?search={Uri.EscapeDataString(search)}");

        Assert.Equal(familyName, Assert.Single(page.Items).FamilyName);
        Assert.Equal(1, page.Total);
    }

    [Fact]
    public async Task Search_by_phone_finds_only_the_practices_own_patients_and_only_the_whole_number()
    {
        var (practice, _) = await PracticeWithDemoPatientsAsync();
        var anotherGroup = await app.NewPracticeAsync();
        await anotherGroup.AddPatientAsync(new { givenName = "Jack", familyName = "Taylor", dateOfBirth = "1979-05-17", sex = "male" });
        using var drLee = await SignedInPractitionerAsync(practice);
        using var summit = await anotherGroup.SignedInAdminAsync();

        Assert.Equal(0, (await PageAsync(summit, $"{Route}?search={Uri.EscapeDataString("0412 345 678")}")).Total);
        Assert.Equal(0, (await PageAsync(drLee, $"{Route}?search={Uri.EscapeDataString("0412 345 679")}")).Total);
        Assert.Equal(0, (await PageAsync(drLee, $"{Route}?search={Uri.EscapeDataString("0412 345")}")).Total);
        Assert.Equal(0, (await PageAsync(drLee, $"{Route}?search={Uri.EscapeDataString("31/02/1984")}")).Total);
    }

    [Fact]
    public async Task Search_treats_wildcards_literally_and_pages_with_the_total()
    {
        var (practice, _) = await PracticeWithDemoPatientsAsync();
        using var drLee = await SignedInPractitionerAsync(practice);

        var wildcard = await PageAsync(drLee, $"{Route}?search=%25");
        Assert.Equal(0, wildcard.Total);

        var second = await PageAsync(drLee, $"{Route}?page=2&pageSize=2");
        Assert.Equal(5, second.Total);
        Assert.Equal(["Nguyen", "Smith"], second.Items.Select(p => p.FamilyName));
    }

    [Fact]
    public async Task A_practitioner_creates_a_patient_and_reads_it_back_with_the_phone_in_E164()
    {
        var practice = await app.NewPracticeAsync();
        var drLeesEmail = await practice.AddPractitionerAsync();
        using var drLee = await app.SignedInClientAsync(drLeesEmail, TestPractice.Password);

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
        var body = (await created.Content.ReadFromJsonAsync<CreatedPatient>(PortalClients.Json))!;
        var id = body.Id;
        Assert.Equal($"/api/practice/patients/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal("+61412999888", body.MobilePhone);
        Assert.Equal("+61298765432", body.EmergencyContact!.Phone);
        Assert.Equal("AU", body.Address!.Country);

        var read = (await drLee.GetFromJsonAsync<ListedPatient>($"{Route}/{id}", PortalClients.Json))!;
        Assert.Equal("Park", read.FamilyName);
        Assert.Equal("notInvited", read.PortalStatus);
        var drLeesId = await UserIdOfAsync(practice, drLeesEmail);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PatientProfileDbContext>();
        var log = await db.AccessLog.Where(e => e.PatientId == id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync();
        Assert.Equal([PatientAccessAction.Created, PatientAccessAction.Viewed], log.Select(e => e.Action));
        Assert.All(log, e => Assert.Equal(drLeesId, e.ActorUserId));
    }

    [Fact]
    public async Task Another_groups_patient_is_404_and_its_read_is_not_recorded()
    {
        var practice = await app.NewPracticeAsync();
        var ava = await practice.AddPatientAsync();
        var anotherGroup = await app.NewPracticeAsync();
        using var summit = await anotherGroup.SignedInAdminAsync();

        using var response = await summit.GetAsync($"{Route}/{ava.Id}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "patients.not-found");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PatientProfileDbContext>();
        var log = await db.AccessLog.Where(e => e.PatientId == ava.Id).ToListAsync();
        Assert.Equal([(PatientAccessAction.Created, practice.Id)], log.Select(e => (e.Action, e.PracticeGroupId)));   // only its own practice adding it
    }

    [Fact]
    public async Task Invalid_details_are_400s_naming_each_field_and_nothing_is_saved()
    {
        var (practice, _) = await PracticeWithDemoPatientsAsync();
        using var drLee = await SignedInPractitionerAsync(practice);
        var tomorrow = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

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

        Assert.Equal(5, (await PageAsync(drLee, Route)).Total);
    }

    [Fact]
    public async Task An_address_needs_its_state_and_postcode_and_an_absurd_page_is_just_empty()
    {
        var (practice, _) = await PracticeWithDemoPatientsAsync();
        using var drLee = await SignedInPractitionerAsync(practice);

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

        var farAway = await PageAsync(drLee, $"{Route}?page={int.MaxValue}&pageSize=500");
        Assert.Empty(farAway.Items);
        Assert.Equal(5, farAway.Total);
    }

    [Fact]
    public async Task Fields_a_client_may_not_set_are_refused_not_ignored()
    {
        var practice = await app.NewPracticeAsync();
        var anotherGroup = await app.NewPracticeAsync();
        using var drLee = await SignedInPractitionerAsync(practice);

        using var response = await drLee.PostAsJsonAsync(Route, new
        {
            givenName = "Zoe",
            familyName = "Park",
            dateOfBirth = "1988-03-05",
            practiceGroupId = anotherGroup.Id,
        });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "request.invalid-json");
    }

    [Fact]
    public async Task Patients_and_anonymous_callers_cannot_use_the_practice_routes()
    {
        using var anonymous = app.CreateClient();
        using var list = await anonymous.GetAsync(Route);
        await ProblemAssert.IsProblemAsync(list, HttpStatusCode.Unauthorized, "auth.unauthenticated");

        var practice = await app.NewPracticeAsync();
        var ava = await practice.AddPatientAsync();
        using var patient = await practice.SignedInPatientAsync(ava);   // a portal account linked to her record
        using var asPatient = await patient.GetAsync($"{Route}/{ava.Id}");
        await ProblemAssert.IsProblemAsync(asPatient, HttpStatusCode.Forbidden, "auth.forbidden");
    }

    /// <summary>A practice of the test's own with the demo practice's five patients, as its admin would add them.</summary>
    private async Task<(TestPractice Practice, IReadOnlyList<TestPatient> Patients)> PracticeWithDemoPatientsAsync()
    {
        var practice = await app.NewPracticeAsync();
        List<TestPatient> patients =
        [
            await practice.AddPatientAsync(new
            {
                givenName = "Ava", familyName = "Nguyen", dateOfBirth = "1990-04-12", sex = "female", email = "ava@example.test", mobilePhone = "+61412345678",
                address = new { line1 = "12 Wharf Street", suburb = "Pyrmont", state = "NSW", postcode = "2009", country = "AU" },
                emergencyContact = new { name = "Minh Nguyen", relationship = "Brother", phone = "+61412000111" },
            }),
            await practice.AddPatientAsync(new
            {
                givenName = "Noah", familyName = "Smith", dateOfBirth = "1984-11-03", sex = "male", email = "noah@example.test", mobilePhone = "+61423456789",
                address = new { line1 = "5 Ocean Parade", line2 = "Unit 4", suburb = "Manly", state = "NSW", postcode = "2095", country = "AU" },
            }),
            await practice.AddPatientAsync(new { givenName = "Mia", familyName = "Chen", dateOfBirth = "2001-07-21", sex = "female", email = "mia@example.test" }),
            await practice.AddPatientAsync(new { givenName = "Liam", familyName = "Wilson", dateOfBirth = "1958-02-28", sex = "male", mobilePhone = "+61298765432" }),
            await practice.AddPatientAsync(new
            {
                givenName = "Olivia", familyName = "Brown", dateOfBirth = "2015-09-09", sex = "female", email = "olivia.parent@example.test",
                emergencyContact = new { name = "Sarah Brown", relationship = "Mother", phone = "+61434567890" },
            }),
        ];
        return (practice, patients);
    }

    private async Task<HttpClient> SignedInPractitionerAsync(TestPractice practice) =>
        await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password);

    private static async Task<Guid> UserIdOfAsync(TestPractice practice, string email)
    {
        using var admin = await practice.SignedInAdminAsync();
        return (await admin.GetFromJsonAsync<List<StaffMember>>("/api/practice/staff", PortalClients.Json))!.Single(s => s.Email == email).UserId;
    }

    private static async Task<Page<ListedPatient>> PageAsync(HttpClient client, string url) =>
        (await client.GetFromJsonAsync<Page<ListedPatient>>(url, PortalClients.Json))!;

    private sealed record StaffMember(Guid UserId, string Email);

    private sealed record ListedPatient(Guid Id, string GivenName, string FamilyName, string? Email, string? DateOfBirth, string PortalStatus);

    private sealed record Page<T>(IReadOnlyList<T> Items, int Total);

    private sealed record EmergencyContact(string Phone);

    private sealed record Address(string Country);

    private sealed record CreatedPatient(Guid Id, string? MobilePhone, EmergencyContact? EmergencyContact, Address? Address);
}
