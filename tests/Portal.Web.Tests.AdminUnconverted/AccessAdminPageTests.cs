using System.Net;
using Bunit;
using Portal.Web.Admin.Layout;
using Portal.Web.Admin.Pages;
using Xunit;

namespace Portal.Web.Tests;

/// <summary>Who may reach a record and the practice: the staff page, the join page and removing a patient's portal access.</summary>
public sealed class AccessAdminPageTests
{
    private static readonly Guid AliceId = Guid.NewGuid();
    private static readonly Guid BobId = Guid.NewGuid();

    private static StubApi StaffApi() => new StubApi()
        .On("GET /api/practice/staff", HttpStatusCode.OK, new[]
        {
            new { userId = AliceId, email = "alice@harbour.test", name = "Alice Admin", practiceAdmin = true, active = true, createdAt = DateTimeOffset.UtcNow, deactivatedAt = (DateTimeOffset?)null },
            new { userId = BobId, email = "bob@harbour.test", name = "Bob Brown", practiceAdmin = false, active = true, createdAt = DateTimeOffset.UtcNow, deactivatedAt = (DateTimeOffset?)null },
        })
        .On("GET /api/practice/staff/invitations", HttpStatusCode.OK, new { items = Array.Empty<object>(), total = 0 });

    [Fact]
    public async Task The_join_page_checks_the_passwords_before_sending_and_sends_the_names()
    {
        var api = new StubApi()
            .On("GET /api/staff-invitations/tok", HttpStatusCode.OK, new
            {
                practiceName = "Harbour Health", email = "alex@harbour.test", givenName = "Alex", familyName = "Park", practiceAdmin = false,
                expiresAt = DateTimeOffset.UtcNow.AddDays(7),
            })
            .On("POST /api/staff-invitations/tok/accept", HttpStatusCode.Created, new { userId = Guid.NewGuid() });
        await using var context = api.Context("practitioner");
        var page = context.Render<Join>(p => p.Add(j => j.Token, "tok"));
        page.WaitForAssertion(() => Assert.Contains("Join Harbour Health on Portal", page.Markup, StringComparison.Ordinal));
        Assert.Equal("Alex", page.Find("#givenName").GetAttribute("value"));

        page.Find("#newPassword").Input("a long staff passphrase");
        page.Find("#confirmPassword").Change("another passphrase!!");
        await page.Find("form").SubmitAsync();
        Assert.DoesNotContain(api.Requests, r => r.Route.EndsWith("/accept", StringComparison.Ordinal));
        Assert.Contains("not the same", page.Markup, StringComparison.Ordinal);

        page.Find("#confirmPassword").Change("a long staff passphrase");
        page.Find("#familyName").Change("Parker");
        await page.Find("form").SubmitAsync();

        var sent = Assert.Single(api.Requests, r => r.Route == "POST /api/staff-invitations/tok/accept");
        Assert.Contains("\"familyName\":\"Parker\"", sent.Body, StringComparison.Ordinal);
        Assert.Contains("\"password\":\"a long staff passphrase\"", sent.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_used_join_link_says_so_and_offers_no_form()
    {
        var api = new StubApi().On("GET /api/staff-invitations/old", HttpStatusCode.Gone, StubApi.Problem(410, "staff-invitations.used", "This invitation has already been used."));
        await using var context = api.Context("practitioner");

        var page = context.Render<Join>(p => p.Add(j => j.Token, "old"));

        page.WaitForAssertion(() => Assert.Contains("This invitation has already been used", page.Markup, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("form"));
    }

    [Fact]
    public async Task Removing_a_patients_portal_access_asks_first_then_offers_a_new_invitation()
    {
        var patientId = Guid.NewGuid();
        var api = new StubApi()
            .On("GET /api/practice/invitations", HttpStatusCode.OK, new { items = Array.Empty<object>(), total = 0 })
            .On($"DELETE /api/practice/patients/{patientId}/portal-access", HttpStatusCode.NoContent, null);
        await using var context = await api.SignedInContextAsync("practitioner");
        var tab = context.Render<PortalAccess>(p => p.Add(a => a.PatientId, patientId).Add(a => a.PortalStatus, "active").Add(a => a.Email, "ava@example.test"));
        Assert.Empty(tab.FindAll("form"));

        await tab.FindAll("button").First(b => b.TextContent.Trim() == "Remove portal access").ClickAsync();
        Assert.DoesNotContain(api.Requests, r => r.Route.StartsWith("DELETE", StringComparison.Ordinal));
        Assert.Contains("Remove this patient's portal access?", tab.Markup, StringComparison.Ordinal);
        await tab.FindAll("button").First(b => b.TextContent.Trim() == "Remove access").ClickAsync();

        Assert.Single(api.Requests, r => r.Route == $"DELETE /api/practice/patients/{patientId}/portal-access");
        tab.WaitForAssertion(() => Assert.Contains("Portal access removed", tab.Markup, StringComparison.Ordinal));
        Assert.NotNull(tab.Find("form[aria-label='Invite to the portal']"));
    }

    [Fact]
    public async Task The_patients_header_follows_an_invitation_sent_from_the_same_page()
    {
        var patientId = Guid.NewGuid();
        var invitation = new
        {
            id = Guid.NewGuid(), patientId, patientName = "Ava Nguyen", email = "ava@example.test", status = "pending",
            createdAt = DateTimeOffset.UtcNow, expiresAt = DateTimeOffset.UtcNow.AddDays(7),
        };
        var api = new StubApi()
            .On($"GET /api/practice/patients/{patientId}", HttpStatusCode.OK, new
            {
                id = patientId, givenName = "Ava", familyName = "Nguyen", preferredName = (string?)null, dateOfBirth = "1990-04-12", sex = "female",
                email = "ava@example.test", mobilePhone = (string?)null, address = (object?)null, emergencyContact = (object?)null, portalStatus = "notInvited", version = 1,
            })
            .On("GET /api/practice/invitations", HttpStatusCode.OK, new { items = Array.Empty<object>(), total = 0 })
            .On($"POST /api/practice/patients/{patientId}/invitations", HttpStatusCode.Created, invitation);
        await using var context = await api.SignedInContextAsync("practitioner");
        var page = context.Render<PatientDetail>(p => p.Add(d => d.PatientId, patientId));
        page.WaitForAssertion(() => Assert.Equal("Not invited", page.Find("h1 .status").TextContent));
        await page.Find("#tab-portal").ClickAsync();
        page.WaitForElement("form[aria-label='Invite to the portal']");

        api.On("GET /api/practice/invitations", HttpStatusCode.OK, new { items = new[] { invitation }, total = 1 });   // as the API lists it once sent
        await page.Find("form[aria-label='Invite to the portal']").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains("Invitation sent to ava@example.test", page.Markup, StringComparison.Ordinal));
        Assert.Equal("Invited", page.Find("h1 .status").TextContent);   // the record's own status follows a moment later; the header does not wait
        Assert.Equal(1, api.Requests.Count(r => r.Route == $"GET /api/practice/patients/{patientId}"));   // without reloading the page
    }
}
