using System.Net;
using Bunit;
using Portal.Web.Admin.Pages;
using Xunit;

namespace Portal.Web.Tests;

/// <summary>Who may reach the practice: the staff page and the join page.</summary>
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
    public async Task A_plain_practitioner_gets_no_staff_screen_and_nothing_is_asked_of_the_api()
    {
        var api = StaffApi();
        await using var context = await api.SignedInContextAsync("practitioner");

        var page = context.Render<Staff>();

        Assert.Contains("Only practice admins manage the practice's staff", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(api.Requests, r => r.Route.Contains("/staff", StringComparison.Ordinal));
        Assert.Empty(page.FindAll("form"));
    }

    [Fact]
    public async Task An_admin_invites_a_practice_admin_and_the_body_says_so()
    {
        var api = StaffApi().On("POST /api/practice/staff/invitations", HttpStatusCode.Created, new
        {
            id = Guid.NewGuid(), email = "new@harbour.test", givenName = (string?)null, familyName = (string?)null, practiceAdmin = true, status = "pending",
            createdAt = DateTimeOffset.UtcNow, expiresAt = DateTimeOffset.UtcNow.AddDays(7), invitedBy = "Alice Admin",
        });
        await using var context = await api.SignedInContextAsync("practitioner", "practiceAdmin");
        var page = context.Render<Staff>();
        page.WaitForAssertion(() => Assert.Contains("Bob Brown", page.Markup, StringComparison.Ordinal));

        await page.Find("form").SubmitAsync();
        Assert.DoesNotContain(api.Requests, r => r.Route == "POST /api/practice/staff/invitations");   // no email yet

        page.Find("#staffEmail").Change("new@harbour.test");
        page.Find("#staffAdmin").Change(true);
        await page.Find("form").SubmitAsync();

        var sent = Assert.Single(api.Requests, r => r.Route == "POST /api/practice/staff/invitations");
        Assert.Contains("\"email\":\"new@harbour.test\"", sent.Body, StringComparison.Ordinal);
        Assert.Contains("\"practiceAdmin\":true", sent.Body, StringComparison.Ordinal);
        page.WaitForAssertion(() => Assert.Contains("Invitation sent to new@harbour.test", page.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deactivating_asks_first_and_the_last_admin_refusal_is_shown()
    {
        var api = StaffApi()
            .On($"POST /api/practice/staff/{BobId}/deactivate", HttpStatusCode.OK, new { userId = BobId, email = "bob@harbour.test", name = "Bob Brown", practiceAdmin = false, active = false, createdAt = DateTimeOffset.UtcNow })
            .On($"PUT /api/practice/staff/{AliceId}/roles", HttpStatusCode.Conflict, StubApi.Problem(409, "staff.last-admin", "The practice needs at least one active practice admin."));
        await using var context = await api.SignedInContextAsync("practitioner", "practiceAdmin");
        var page = context.Render<Staff>();
        page.WaitForAssertion(() => Assert.Contains("Bob Brown", page.Markup, StringComparison.Ordinal));

        await page.Find($"#staff-{BobId} button.danger").ClickAsync();
        Assert.DoesNotContain(api.Requests, r => r.Route.EndsWith("/deactivate", StringComparison.Ordinal));
        Assert.Contains("Deactivate Bob Brown?", page.Markup, StringComparison.Ordinal);
        await page.FindAll($"#staff-{BobId} button").First(b => b.TextContent.Trim() == "Deactivate").ClickAsync();
        Assert.Single(api.Requests, r => r.Route == $"POST /api/practice/staff/{BobId}/deactivate");
        page.WaitForAssertion(() => Assert.Contains("Bob Brown was deactivated", page.Markup, StringComparison.Ordinal));

        await page.FindAll($"#staff-{AliceId} button").First(b => b.TextContent.Trim() == "Remove admin role").ClickAsync();
        Assert.Contains("\"practiceAdmin\":false", api.Requests.Single(r => r.Route == $"PUT /api/practice/staff/{AliceId}/roles").Body, StringComparison.Ordinal);
        page.WaitForAssertion(() => Assert.Contains("at least one active practice admin", page.Markup, StringComparison.Ordinal));
    }

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
}
