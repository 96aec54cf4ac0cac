using System.Net;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Components;
using Xunit;
using AdminResetPassword = Portal.Web.Admin.Pages.ResetPassword;
using AdminForgotPassword = Portal.Web.Admin.Pages.ForgotPassword;

namespace Portal.Web.Tests;

/// <summary>Forgot your password in the admin app (the shared forms): asking for a link, and the page the link opens, with the API stubbed (the patients' pages: PatientPagesTests).</summary>
public sealed class PasswordResetPageTests
{
    private const string Token = "tok_abc-123";
    private const string ResetRoute = "POST /api/auth/password-reset/" + Token;

    private static StubApi LinkWorks() => new StubApi()
        .On("GET /api/auth/password-reset/" + Token, HttpStatusCode.OK, new { email = "ava@example.test", expiresAt = DateTimeOffset.UtcNow.AddMinutes(30) });

    [Fact]
    public async Task The_sign_in_form_offers_the_forgotten_password_page()
    {
        await using var context = new StubApi().Context();

        var form = context.Render<SignInForm>();

        Assert.Equal("forgot-password", form.Find("a[href='forgot-password']").GetAttribute("href"));
        Assert.Contains("Forgot your password?", form.Find("a[href='forgot-password']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_for_a_link_sends_the_email_and_says_the_same_whatever_the_answer_means()
    {
        var api = new StubApi().On("POST /api/auth/password-reset", HttpStatusCode.Accepted, null);
        await using var context = api.Context();
        var page = context.Render<AdminForgotPassword>();

        page.Find("#email").Change("  ava@example.test ");
        await page.Find("form").SubmitAsync();

        var sent = Assert.Single(api.Requests, r => r.Route == "POST /api/auth/password-reset");
        Assert.Equal("""{"email":"ava@example.test"}""", sent.Body);
        page.WaitForAssertion(() => Assert.Contains("If a portal account uses ava@example.test, we have emailed it a link", page.Find("[role=status]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("#email"));
    }

    [Fact]
    public async Task An_empty_email_is_caught_before_anything_is_sent_and_a_rate_limit_is_explained()
    {
        var api = new StubApi().On("POST /api/auth/password-reset", HttpStatusCode.TooManyRequests, StubApi.Problem(429, "rate-limited", "Too many requests. Wait a minute and try again."));
        await using var context = api.Context();
        var page = context.Render<AdminForgotPassword>();

        await page.Find("form").SubmitAsync();
        Assert.Contains("Enter the email you sign in with.", page.Find("#error-email").TextContent, StringComparison.Ordinal);
        Assert.Empty(api.Requests);

        page.Find("#email").Change("ava@example.test");
        await page.Find("form").SubmitAsync();
        page.WaitForAssertion(() => Assert.Contains("Too many requests", page.Find(".problem").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[role=status]"));
    }

    [Fact]
    public async Task The_link_shows_the_account_and_a_new_password_is_sent_then_confirmed()
    {
        var api = LinkWorks().On(ResetRoute, HttpStatusCode.NoContent, null);
        await using var context = api.Context();
        var page = context.Render<AdminResetPassword>(p => p.Add(x => x.Token, Token));
        page.WaitForElement("#newPassword");
        Assert.Contains("ava@example.test", page.Markup, StringComparison.Ordinal);

        page.Find("#newPassword").Input("a brand new harbour passphrase");
        page.Find("#confirmPassword").Change("a brand new harbour passphrase");
        await page.Find("form").SubmitAsync();

        var reset = Assert.Single(api.Requests, r => r.Route == ResetRoute);
        Assert.Equal("""{"newPassword":"a brand new harbour passphrase"}""", reset.Body);
        page.WaitForAssertion(() => Assert.Contains("Your password is changed", page.Find("h1").TextContent, StringComparison.Ordinal));
        Assert.Contains("Every device that was signed in to ava@example.test has been signed out", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hint_says_why_a_password_would_be_refused_and_a_mismatch_sends_nothing()
    {
        var api = LinkWorks();
        await using var context = api.Context();
        var page = context.Render<AdminResetPassword>(p => p.Add(x => x.Token, Token));
        page.WaitForElement("#newPassword");

        page.Find("#newPassword").Input("Password1234");
        Assert.Equal(PasswordStrength.Common, page.Find("#strength").TextContent);
        page.Find("#newPassword").Input("ava@example.test");
        Assert.Equal(PasswordStrength.Personal, page.Find("#strength").TextContent);
        page.Find("#newPassword").Input("short");
        Assert.StartsWith("Too short", page.Find("#strength").TextContent, StringComparison.Ordinal);

        page.Find("#newPassword").Input("a brand new harbour passphrase");
        page.Find("#confirmPassword").Change("a different harbour passphrase");
        await page.Find("form").SubmitAsync();

        Assert.Contains("The two passwords are not the same.", page.Find("#error-confirm").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(api.Requests, r => r.Route == ResetRoute);
    }

    [Fact]
    public async Task The_servers_reason_for_a_refused_password_is_shown_at_the_field()
    {
        var api = LinkWorks().On(ResetRoute, HttpStatusCode.BadRequest, StubApi.Problem(400, "identity.weak-password", "The password is not strong enough.",
            new Dictionary<string, string[]> { ["newPassword"] = ["This is one of the most commonly used passwords, the first ones attackers try. Choose another."] }));
        await using var context = api.Context();
        var page = context.Render<AdminResetPassword>(p => p.Add(x => x.Token, Token));
        page.WaitForElement("#newPassword");

        page.Find("#newPassword").Input("a common one, says the server");
        page.Find("#confirmPassword").Change("a common one, says the server");
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains("most commonly used", page.Find("#error-newPassword").TextContent, StringComparison.Ordinal));
        Assert.Equal("true", page.Find("#newPassword").GetAttribute("aria-invalid"));
        Assert.Contains("Your password was not changed.", page.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(410, "password-reset.used", "This link has already been used")]
    [InlineData(410, "password-reset.expired", "This link has expired")]
    [InlineData(404, "password-reset.not-found", "This link is not valid")]
    public async Task A_dead_link_says_why_and_offers_a_new_one(int status, string code, string title)
    {
        var api = new StubApi().On("GET /api/auth/password-reset/" + Token, (HttpStatusCode)status, StubApi.Problem(status, code, "The server's words."));
        await using var context = api.Context();

        var page = context.Render<AdminResetPassword>(p => p.Add(x => x.Token, Token));

        page.WaitForAssertion(() => Assert.Equal(title, page.Find("h1").TextContent));
        Assert.Contains("The server's words.", page.Markup, StringComparison.Ordinal);
        Assert.Equal("Ask for a new link", page.Find("a[href='forgot-password']").TextContent);
        Assert.Empty(page.FindAll("#newPassword"));
    }

    [Fact]
    public async Task A_link_used_elsewhere_while_typing_turns_into_the_dead_link_message()
    {
        var api = LinkWorks().On(ResetRoute, HttpStatusCode.Gone, StubApi.Problem(410, "password-reset.used", "Already used."));
        await using var context = api.Context();
        var page = context.Render<AdminResetPassword>(p => p.Add(x => x.Token, Token));
        page.WaitForElement("#newPassword");

        page.Find("#newPassword").Input("a brand new harbour passphrase");
        page.Find("#confirmPassword").Change("a brand new harbour passphrase");
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal("This link has already been used", page.Find("h1").TextContent));
    }

    [Fact]
    public async Task A_link_that_cannot_be_checked_offers_to_try_again()
    {
        var api = new StubApi().On("GET /api/auth/password-reset/" + Token, HttpStatusCode.InternalServerError, StubApi.Problem(500, "server.error", "Something went wrong."));
        await using var context = api.Context();
        var page = context.Render<AdminResetPassword>(p => p.Add(x => x.Token, Token));
        page.WaitForAssertion(() => Assert.Equal("Your link could not be checked", page.Find("h1").TextContent));

        api.On("GET /api/auth/password-reset/" + Token, HttpStatusCode.OK, new { email = "ava@example.test", expiresAt = DateTimeOffset.UtcNow.AddMinutes(30) });
        await page.Find("button").ClickAsync(new());

        page.WaitForElement("#newPassword");
    }
}
