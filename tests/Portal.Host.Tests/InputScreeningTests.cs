using System.Net;
using System.Net.Http.Json;
using System.Text;
using Portal.Modules.Identity.Contracts;
using Portal.Shared.Http;
using Portal.Testing;
using Xunit;

namespace Portal.Host.Tests;

/// <summary>
/// Every JSON body is screened before it is bound: a field named twice, or text with control or invisible formatting
/// characters, is a 400 with a code that names the field, on typed bodies and on the patients' JsonObject patches alike.
/// </summary>
public sealed class InputScreeningTests(PortalApp app) : IClassFixture<PortalApp>
{
    private const string PatientPassword = "a long patient password";

    [Theory]
    [InlineData("{\"email\":\"a@b.test\",\"email\":\"c@d.test\",\"password\":\"x\"}", "email")]
    [InlineData("{\"email\":\"a@b.test\",\"Email\":\"c@d.test\",\"password\":\"x\"}", "Email")]
    [InlineData("{\"email\":\"a@b.test\",\"\\u0065mail\":\"c@d.test\",\"password\":\"x\"}", "email")]
    public async Task A_field_named_twice_in_a_typed_body_is_400(string body, string field)
    {
        using var client = app.CreateClient();
        using var response = await client.PostAsync("/api/auth/login", Json(body));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "request.duplicate-key");
        Assert.NotEmpty(ProblemAssert.FieldErrors(problem, field));
    }

    [Theory]
    [InlineData("/api/portal/profile", "{\"givenName\":\"Ava\",\"givenName\":\"Eve\"}", "givenName")]
    [InlineData("/api/portal/profile", "{\"address\":{\"line1\":\"1 Main St\",\"line1\":\"2 Other St\"}}", "address.line1")]
    [InlineData("/api/portal/health-record", "{\"allergies\":[{\"substance\":\"nuts\",\"reaction\":\"rash\",\"severity\":\"mild\"},{\"substance\":\"a\",\"substance\":\"b\"}]}", "allergies[1].substance")]
    public async Task A_field_named_twice_in_a_patients_patch_is_400_not_500(string route, string body, string field)
    {
        using var patient = await SignedInPatientAsync();
        using var response = await patient.PatchAsync(route, Json(body));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "request.duplicate-key");
        Assert.NotEmpty(ProblemAssert.FieldErrors(problem, field));
    }

    [Theory]
    [InlineData("Ava\u202Egnu", "givenName")]          // right-to-left override: shows "Avaung"
    [InlineData("Ava\u200B", "givenName")]             // zero-width space
    [InlineData("Ava\u0000", "givenName")]             // NUL
    [InlineData("Ava\u001B[31m", "givenName")]         // terminal escape
    [InlineData("Ava\uFEFF", "givenName")]             // byte-order mark inside text
    [InlineData("Av\u200Da", "givenName")]             // a joiner in Latin text only hides a difference
    [InlineData("\u0645\u06CC\u200C", "givenName")]   // a non-joiner at the end joins nothing
    public async Task Control_and_format_characters_in_a_name_are_400_naming_the_field(string givenName, string field)
    {
        using var drLee = await app.SignedInClientAsync(DemoData.DrLeeEmail);
        using var response = await drLee.PostAsJsonAsync("/api/practice/patients", new { givenName, familyName = "Nguyen", dateOfBirth = "1990-04-12" });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "request.invalid-characters");
        Assert.NotEmpty(ProblemAssert.FieldErrors(problem, field));
    }

    [Fact]
    public async Task Control_and_format_characters_are_refused_in_a_patients_patch_and_nested_fields()
    {
        using var patient = await SignedInPatientAsync();
        using var profile = await patient.PatchAsync("/api/portal/profile", Json("{\"familyName\":\"Smith\\u2066\",\"address\":{\"suburb\":\"Glebe\\u0007\"}}"));
        var problem = await ProblemAssert.IsProblemAsync(profile, HttpStatusCode.BadRequest, "request.invalid-characters");
        Assert.NotEmpty(ProblemAssert.FieldErrors(problem, "familyName"));
        Assert.NotEmpty(ProblemAssert.FieldErrors(problem, "address.suburb"));

        using var record = await patient.PatchAsync("/api/portal/health-record", Json("{\"medications\":[{\"name\":\"war\\u00ADfarin\",\"dose\":\"5 mg\",\"frequency\":\"daily\"}]}"));
        problem = await ProblemAssert.IsProblemAsync(record, HttpStatusCode.BadRequest, "request.invalid-characters");
        Assert.NotEmpty(ProblemAssert.FieldErrors(problem, "medications[0].name"));
    }

    [Fact]
    public async Task Tabs_and_line_breaks_stay_allowed_in_free_text()
    {
        using var drLee = await app.SignedInClientAsync(DemoData.DrLeeEmail);
        using var created = await drLee.PostAsJsonAsync("/api/practice/patients", new { givenName = "Tab", familyName = "Test", dateOfBirth = "1990-04-12" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var patientId = (await created.Content.ReadFromJsonAsync<Created>(PortalClients.Json))!.Id;

        using var note = await drLee.PostAsJsonAsync($"/api/practice/patients/{patientId}/notes", new { body = "Seen today.\r\nPlan:\t rest, fluids.\n", visibility = "private" });
        Assert.Equal(HttpStatusCode.Created, note.StatusCode);
        Assert.Equal("Seen today.\r\nPlan:\t rest, fluids.\n", (await note.Content.ReadFromJsonAsync<WrittenNote>(PortalClients.Json))!.Body);
    }

    [Fact]
    public async Task Passwords_are_not_screened_they_are_never_shown_and_an_old_one_must_still_sign_in()
    {
        using var client = app.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email = DemoData.DrLeeEmail, password = "pass\u200Dword\u0007 words" });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "auth.invalid-credentials");
    }

    [Fact]
    public async Task A_body_over_a_megabyte_is_413()
    {
        using var drLee = await app.SignedInClientAsync(DemoData.DrLeeEmail);
        var huge = "{\"givenName\":\"" + new string('a', JsonRequestScreening.MaxBodyBytes) + "\",\"familyName\":\"x\"}";
        using var response = await drLee.PostAsync("/api/practice/patients", Json(huge));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "request.too-large");
    }

    [Fact]
    public async Task Malformed_json_is_still_the_binders_400()
    {
        using var client = app.CreateClient();
        using var response = await client.PostAsync("/api/auth/login", Json("{\"email\":\"a@b.test\",\"email\":"));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "request.invalid-json");
    }

    [Fact]
    public async Task A_byte_order_mark_or_another_charset_cannot_slip_a_body_past_the_screen()
    {
        using var patient = await SignedInPatientAsync();
        var withMark = new ByteArrayContent(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("{\"preferredName\":\"a\u202eb\"}")).ToArray());
        withMark.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        await ProblemAssert.IsProblemAsync(await patient.PatchAsync("/api/portal/profile", withMark), HttpStatusCode.BadRequest, "request.invalid-characters");

        using var utf16 = new StringContent("{\"preferredName\":\"a\",\"preferredName\":\"b\"}", Encoding.Unicode, "application/json");
        await ProblemAssert.IsProblemAsync(await patient.PatchAsync("/api/portal/profile", utf16), HttpStatusCode.UnsupportedMediaType, "request.unsupported-charset");
    }

    private async Task<HttpClient> SignedInPatientAsync()
    {
        using var drLee = await app.SignedInClientAsync(DemoData.DrLeeEmail);
        var email = $"screen-{Guid.NewGuid():N}@example.test";
        using var created = await drLee.PostAsJsonAsync("/api/practice/patients", new { givenName = "Ava", familyName = "Screen", dateOfBirth = "1990-04-12", email });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var patientId = (await created.Content.ReadFromJsonAsync<Created>(PortalClients.Json))!.Id;
        await app.LinkPatientRecordAsync(email, PatientPassword, patientId, DemoData.HarbourHealthId);
        return await app.SignedInClientAsync(email, PatientPassword);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private sealed record WrittenNote(string Body);
}

/// <summary>The screen's rules on their own.</summary>
public sealed class JsonBodyScreenTests
{
    [Theory]
    [InlineData("{\"a\":1,\"b\":{\"a\":2}}")]                          // the same name in another object
    [InlineData("[{\"a\":1},{\"a\":2}]")]                               // and in sibling objects
    [InlineData("{\"text\":\"tab\\tline\\nreturn\\r\"}")]
    [InlineData("{\"name\":\"Zoë Ñúñez 李 😀 \\u00e9\"}")]
    [InlineData("{\"newPassword\":\"a\\u202eb\"}")]
    [InlineData("{\"familyName\":\"\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\"}")]   // Persian: a non-joiner inside the word
    [InlineData("{\"givenName\":\"\u0915\u094D\u200D\u0937\"}")]                     // Devanagari: a joiner after the virama
    [InlineData("{\"note\":\"family \U0001F468\u200D\U0001F469\u200D\U0001F467\"}")]   // an emoji family sequence
    public void Allowed(string json) => Assert.Null(JsonBodyScreen.Screen(Encoding.UTF8.GetBytes(json)));

    [Theory]
    [InlineData("{\"a\":")]
    [InlineData("{\"a\":1}{\"a\":2}")]
    [InlineData("{\"a\":1,}")]
    public void Malformed_json_is_refused_not_passed_on(string json) =>
        Assert.Equal(JsonBodyFinding.InvalidJsonCode, JsonBodyScreen.Screen(Encoding.UTF8.GetBytes(json))?.Code);

    [Fact]
    public void A_byte_order_mark_does_not_hide_the_body_from_the_screen()
    {
        var body = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("{\"a\":1,\"a\":2}")).ToArray();
        Assert.Equal(JsonBodyFinding.DuplicateKeyCode, JsonBodyScreen.Screen(body)?.Code);
    }

    [Theory]
    [InlineData("{\"a\":1,\"a\":1}", "request.duplicate-key", "a")]
    [InlineData("{\"x\":[{\"a\":1},{\"a\":1,\"A\":2}]}", "request.duplicate-key", "x[1].A")]
    [InlineData("{\"x\":{\"y\":[\"ok\",\"bad\\u202e\"]}}", "request.invalid-characters", "x.y[1]")]
    [InlineData("\"\\u0000\"", "request.invalid-characters", "body")]
    [InlineData("{\"na\\u200bme\":\"v\"}", "request.invalid-characters", "na\u200bme")]
    [InlineData("{\"name\":\"\\ud83d\\ude00\\u0085\"}", "request.invalid-characters", "name")]   // NEL is Cc
    public void Refused(string json, string code, string field)
    {
        var finding = JsonBodyScreen.Screen(Encoding.UTF8.GetBytes(json));
        Assert.NotNull(finding);
        Assert.Equal(code, finding.Code);
        Assert.Contains(field, finding.Errors.Keys);
    }
}
