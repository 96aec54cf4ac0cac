using System.Net;
using Bunit;
using Portal.Web.Admin.Pages;
using Xunit;

namespace Portal.Web.Tests;

/// <summary>The practice's security log as its admin sees it.</summary>
public sealed class SecurityLogPageTests
{
    [Fact]
    public async Task Entries_say_what_happened_to_whom_from_where_and_page_through_the_log()
    {
        var lee = new { userId = Guid.NewGuid(), name = "Sam Lee", email = "dr.lee@harbour.test" };
        var admin = new { userId = Guid.NewGuid(), name = "Alex Admin", email = "admin@harbour.test" };
        var api = new StubApi().On("GET /api/practice/security-log", HttpStatusCode.OK, new
        {
            items = new object[]
            {
                new { id = Guid.NewGuid(), occurredAt = DateTimeOffset.UtcNow, kind = "lockedOut", account = lee, actor = (object?)null, remoteAddress = "203.0.113.7", detail = "5 failed attempts from this address; it waits 1 minute(s)" },
                new { id = Guid.NewGuid(), occurredAt = DateTimeOffset.UtcNow.AddHours(-1), kind = "invitationToOtherAddress", account = (object?)null, actor = admin, remoteAddress = "198.51.100.20", detail = "Invitation sent to other@example.test" },
            },
            total = 60,
        });
        await using var context = await api.SignedInContextAsync("practitioner", "practiceAdmin");

        var page = context.Render<SecurityLog>();

        page.WaitForAssertion(() => Assert.Contains("Sign-in paused after failed attempts", page.Markup, StringComparison.Ordinal));
        Assert.Contains("Sam Lee (dr.lee@harbour.test)", page.Markup, StringComparison.Ordinal);
        Assert.Contains("203.0.113.7", page.Markup, StringComparison.Ordinal);
        Assert.Contains("Invitation sent to another address", page.Markup, StringComparison.Ordinal);
        Assert.Contains("by Alex Admin (admin@harbour.test)", page.Markup, StringComparison.Ordinal);
        Assert.Contains("page=1&pageSize=25", Assert.Single(api.Requests, r => r.Route == "GET /api/practice/security-log").Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_is_shown_not_an_empty_log()
    {
        var api = new StubApi().On("GET /api/practice/security-log", HttpStatusCode.Forbidden, StubApi.Problem(403, "auth.forbidden", "Only practice admins can do this."));
        await using var context = await api.SignedInContextAsync("practitioner");

        var page = context.Render<SecurityLog>();

        page.WaitForAssertion(() => Assert.Contains("Only practice admins can do this.", page.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain("Nothing logged yet", page.Markup, StringComparison.Ordinal);
    }
}
