using System.Net;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Patient;
using Portal.Web.Patient.Pages;
using Xunit;

namespace Portal.Web.Tests;

/// <summary>The patients' pages with the API stubbed: what the patient is told, and what is sent.</summary>
public sealed class PatientPageTests
{
    private static readonly Guid AvaId = Guid.NewGuid();

    private static object Profile(string policy) => new
    {
        patientId = AvaId, givenName = "Ava", familyName = "Nguyen", preferredName = (string?)null, dateOfBirth = "1990-04-12", sex = "female",
        email = "ava@example.test", mobilePhone = "+61412345678",
        address = new { line1 = "12 Wharf Street", line2 = (string?)null, suburb = "Pyrmont", state = "NSW", postcode = "2009", country = "AU" },
        emergencyContact = (object?)null, updatePolicy = policy, version = 4,
    };

    private static async Task<BunitContext> ContextAsync(StubApi api)
    {
        api.On("GET /api/portal/profiles", HttpStatusCode.OK, new[] { new { patientId = AvaId, practiceGroupId = Guid.NewGuid(), practiceName = "Harbour Health", givenName = "Ava", familyName = "Nguyen" } })
            .On("GET /api/portal/change-requests", HttpStatusCode.OK, new { items = Array.Empty<object>(), total = 0 });
        var context = await api.SignedInContextAsync("patient");
        await context.Services.GetRequiredService<MyRecords>().LoadAsync();
        return context;
    }

    [Fact]
    public async Task Under_disabled_the_form_is_read_only_and_says_so_before_any_typing()
    {
        var api = new StubApi().On("GET /api/portal/profile", HttpStatusCode.OK, Profile("disabled"));
        await using var context = await ContextAsync(api);

        var page = context.Render<Details>();

        page.WaitForAssertion(() => Assert.Contains("Harbour Health does not accept changes online", page.Markup, StringComparison.Ordinal));
        Assert.True(page.Find("fieldset.plain").HasAttribute("disabled"));
        Assert.Empty(page.FindAll("button[type=submit]"));
    }

    [Fact]
    public async Task Under_approval_only_the_changed_fields_are_sent_on_the_version_seen_and_the_patient_is_told()
    {
        var api = new StubApi()
            .On("GET /api/portal/profile", HttpStatusCode.OK, Profile("requireApproval"))
            .On("PATCH /api/portal/profile", HttpStatusCode.Accepted, new { outcome = "pendingApproval", changeRequestId = Guid.NewGuid() });
        await using var context = await ContextAsync(api);
        var page = context.Render<Details>();
        page.WaitForElement("#mobilePhone");
        Assert.Contains("sent to Harbour Health for approval", page.Markup, StringComparison.Ordinal);

        page.Find("#mobilePhone").Change("0499 111 222");
        await page.Find("form").SubmitAsync();

        var patch = Assert.Single(api.Requests, r => r.Route == "PATCH /api/portal/profile");
        Assert.Equal("""{"mobilePhone":"0499 111 222"}""", patch.Body);
        Assert.Equal("\"4\"", patch.IfMatch);
        page.WaitForAssertion(() => Assert.Contains("Sent to Harbour Health for approval", page.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_change_still_waiting_is_where_the_form_starts_and_it_can_be_withdrawn()
    {
        var api = new StubApi()
            .On("GET /api/portal/profile", HttpStatusCode.OK, Profile("requireApproval"))
            .On("PATCH /api/portal/profile", HttpStatusCode.Accepted, new { outcome = "pendingApproval", changeRequestId = Guid.NewGuid() });
        await using var context = await ContextAsync(api);
        var asked = DateTimeOffset.UtcNow.AddDays(-1);
        api.On("GET /api/portal/change-requests", HttpStatusCode.OK, new
        {
            items = new[]
            {
                new
                {
                    id = Guid.NewGuid(), subject = "profile", submittedAt = asked, waitingSince = asked, status = "pending",
                    changes = new[] { new { field = "mobilePhone", from = "+61412345678", to = "+61499111222" } },
                    decidedAt = (DateTimeOffset?)null, decidedBy = (string?)null, reason = (string?)null,
                },
            },
            total = 1,
        });
        var page = context.Render<Details>();
        page.WaitForAssertion(() => Assert.Equal("+61499111222", page.Find("#mobilePhone").GetAttribute("value")));
        Assert.Contains(api.Requests, r => r.Route == "GET /api/portal/change-requests"
                                           && r.Query.Contains("status=pending", StringComparison.Ordinal) && r.Query.Contains("subject=profile", StringComparison.Ordinal));
        Assert.Contains("Harbour Health has not decided yet", page.Markup, StringComparison.Ordinal);

        page.Find("#preferredName").Change("Avie");
        await page.Find("form").SubmitAsync();
        // The waiting phone number is not sent again (the API carries it into the new request), only the new field.
        Assert.Equal("""{"preferredName":"Avie"}""", api.Requests.Last(r => r.Route == "PATCH /api/portal/profile").Body);

        api.On("PATCH /api/portal/profile", HttpStatusCode.OK, new { outcome = "withdrawn", profile = Profile("requireApproval") });
        await page.FindAll("button").First(b => b.TextContent.Trim() == "Withdraw this request").ClickAsync();
        page.WaitForAssertion(() => Assert.Contains("Your request is withdrawn", page.Markup, StringComparison.Ordinal));
        context.JSInterop.VerifyFocusAsyncInvoke();   // the button is gone: the focus moves to the outcome, not to the page
        var withdrawal = api.Requests.Last(r => r.Route == "PATCH /api/portal/profile");
        var body = System.Text.Json.JsonDocument.Parse(withdrawal.Body!).RootElement;
        Assert.Equal("+61412345678", Assert.Single(body.EnumerateObject(), p => p.Name == "mobilePhone").Value.GetString());   // as the record says today
        Assert.Single(body.EnumerateObject());
        Assert.Equal("\"4\"", withdrawal.IfMatch);
    }

    [Fact]
    public async Task Without_the_waiting_change_the_form_is_not_offered()
    {
        var api = new StubApi().On("GET /api/portal/profile", HttpStatusCode.OK, Profile("requireApproval"));
        await using var context = await ContextAsync(api);
        api.On("GET /api/portal/change-requests", HttpStatusCode.ServiceUnavailable, StubApi.Problem(503, "server.unavailable", "Try again shortly."));

        var page = context.Render<Details>();

        page.WaitForAssertion(() => Assert.Contains("Your details could not be loaded.", page.Markup, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("#mobilePhone"));   // an edit made without it could undo what the patient asked for
    }

    [Fact]
    public async Task A_field_error_from_the_api_is_shown_at_its_field()
    {
        var api = new StubApi()
            .On("GET /api/portal/profile", HttpStatusCode.OK, Profile("autoUpdate"))
            .On("PATCH /api/portal/profile", HttpStatusCode.BadRequest,
                StubApi.Problem(400, "validation.failed", "One or more fields are not valid.", new { mobilePhone = new[] { "Enter a valid phone number." } }));
        await using var context = await ContextAsync(api);
        var page = context.Render<Details>();
        page.WaitForElement("#mobilePhone");

        page.Find("#mobilePhone").Change("12345");
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal("Enter a valid phone number.", page.Find("#error-mobilePhone").TextContent));
        Assert.Equal("true", page.Find("#mobilePhone").GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task Someone_with_an_account_signs_in_on_the_invitation_page_and_adds_the_practice()
    {
        var api = new StubApi()
            .On("GET /api/invitations/the-token", HttpStatusCode.OK,
                new { practiceName = "Summit Physio", givenName = "Ava", email = "ava@example.test", expiresAt = DateTimeOffset.UtcNow.AddDays(7), accountExists = true })
            .On("POST /api/invitations/the-token/accept", HttpStatusCode.Created, new { userId = Guid.NewGuid() });
        await using var context = api.Context("patient");
        var page = context.Render<Invite>(ps => ps.Add(p => p.Token, "the-token"));
        page.WaitForAssertion(() => Assert.Contains("You already have a portal account with this email", page.Markup, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("#newPassword"));   // no second account for the same email

        page.Find("#email").Change("ava@example.test");
        page.Find("#password").Change("Ava's own long passphrase");
        await page.Find("form").SubmitAsync();
        page.WaitForAssertion(() => Assert.Contains("Add Summit Physio to my account", page.Markup, StringComparison.Ordinal));
        await page.FindAll("button").First(b => b.TextContent.Contains("Add Summit Physio", StringComparison.Ordinal)).ClickAsync();

        var accept = Assert.Single(api.Requests, r => r.Route == "POST /api/invitations/the-token/accept");
        Assert.Equal("access", accept.BearerToken);   // accepted as the signed-in owner, without a password
        Assert.Equal("""{"password":null}""", accept.Body);
        Assert.EndsWith("/", context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("invitations.expired", "This invitation has expired")]
    [InlineData("invitations.used", "This invitation has already been used")]
    [InlineData("invitations.revoked", "This invitation link no longer works")]
    [InlineData("invitations.not-found", "This invitation link is not valid")]
    public void A_dead_invitation_link_says_what_happened(string code, string title) =>
        Assert.Equal(title, Invite.DeadLinkTitle(code));
}
