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
