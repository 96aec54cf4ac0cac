using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Portal.Testing;
using Portal.Web.Components;
using Xunit;

namespace Portal.Web.Tests;

/// <summary>
/// The admin app's account pages over HTTP against the real Host, beyond <see cref="AdminPagesTests"/>: what the sign-in,
/// forgotten-password, reset-link and join pages catch before anything is sent, and what they say when the API refuses
/// or a link no longer works (links really used or expired, with the fake clock). Each test has a practice of its own.
/// </summary>
public sealed class AdminAccountPagesTests(PortalApp app) : IClassFixture<PortalApp>
{
    private const string NewPassword = "a brand new harbour passphrase";

    [Fact]
    public async Task Sign_in_with_empty_fields_says_what_is_missing_and_sends_nothing()
    {
        using var browser = new PageClient(app);
        await browser.OpenAsync("/admin");

        await browser.SubmitAsync("sign-in", new Dictionary<string, string> { ["Input.Email"] = " ", ["Input.Password"] = "" });

        Assert.Contains("Enter your email and password.", browser.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Not signed in.", browser.Html, StringComparison.Ordinal);   // the API's answer: it was not asked
        Assert.NotNull(browser.Page.QuerySelector("#password"));
        Assert.Null(browser.Page.QuerySelector("nav[aria-label=Main]"));
    }

    [Fact]
    public async Task Asking_for_a_link_says_the_same_for_an_unknown_email_and_an_empty_or_refused_email_is_said_at_the_field()
    {
        var practice = await app.NewPracticeAsync();
        using var browser = new PageClient(app);
        await browser.OpenAsync("/admin/forgot-password");

        await browser.SubmitAsync("forgot-password", new Dictionary<string, string> { ["Input.Email"] = "  " });
        Assert.Contains("Enter the email you sign in with.", browser.Text("#error-email"), StringComparison.Ordinal);
        Assert.Equal("true", browser.Page.QuerySelector("#email")!.GetAttribute("aria-invalid"));
        Assert.Null(browser.Page.QuerySelector("[role=status]"));

        await browser.SubmitAsync("forgot-password", new Dictionary<string, string> { ["Input.Email"] = "ava@" });   // the API's check, not the page's
        Assert.Contains("No link sent.", browser.Html, StringComparison.Ordinal);
        Assert.Null(browser.Page.QuerySelector("[role=status]"));

        var nobody = $"nobody.{Guid.NewGuid():N}@example.test";
        await browser.SubmitAsync("forgot-password", new Dictionary<string, string> { ["Input.Email"] = $"  {nobody} " });
        Assert.Equal($"If an account uses {nobody}, we have emailed it a link to choose a new password.", browser.Text("[role=status]"));
        Assert.Null(browser.Page.QuerySelector("#email"));
        await browser.OpenAsync("/admin/forgot-password");
        await browser.SubmitAsync("forgot-password", new Dictionary<string, string> { ["Input.Email"] = practice.AdminEmail });
        Assert.Equal($"If an account uses {practice.AdminEmail}, we have emailed it a link to choose a new password.", browser.Text("[role=status]"));
    }

    [Fact]
    public async Task The_hint_says_why_a_password_would_be_refused_and_a_mismatch_changes_nothing()
    {
        var practice = await app.NewPracticeAsync();
        var link = await ResetLinkAsync(practice.AdminEmail);
        using var browser = new PageClient(app);
        await browser.OpenAsync(link);
        Assert.Contains(practice.AdminEmail, browser.Text("h1 + p"), StringComparison.Ordinal);

        await browser.SubmitAsync("reset-password", new Dictionary<string, string> { ["Input.Password"] = "Password1234", ["Input.Confirm"] = "Password1234!" });
        Assert.Equal(PasswordStrength.Common, browser.Text("#strength"));
        Assert.Equal("The two passwords are not the same.", browser.Text("#error-confirm"));

        await browser.SubmitAsync("reset-password", new Dictionary<string, string> { ["Input.Password"] = practice.AdminEmail, ["Input.Confirm"] = "" });
        Assert.Equal(PasswordStrength.Personal, browser.Text("#strength"));

        await browser.SubmitAsync("reset-password", new Dictionary<string, string> { ["Input.Password"] = "short", ["Input.Confirm"] = "short" });
        Assert.StartsWith("Too short", browser.Text("#strength"), StringComparison.Ordinal);
        Assert.NotNull(browser.Page.QuerySelector("#error-newPassword"));

        await browser.SubmitAsync("reset-password", new Dictionary<string, string> { ["Input.Password"] = NewPassword, ["Input.Confirm"] = "a different harbour passphrase" });
        Assert.Equal("The two passwords are not the same.", browser.Text("#error-confirm"));
        Assert.Equal("Choose a new password", browser.Text("h1"));

        using (var signIn = new PageClient(app))
        {
            await signIn.SignInAsync(practice.AdminEmail, TestPractice.Password, "/admin");   // nothing was changed
        }

        await browser.OpenAsync(link);
        Assert.Equal("Choose a new password", browser.Text("h1"));   // and the link still works
    }

    [Fact]
    public async Task The_servers_reason_for_a_refused_password_is_shown_at_the_field()
    {
        var practice = await app.NewPracticeAsync();
        using var browser = new PageClient(app);
        await browser.OpenAsync(await ResetLinkAsync(practice.AdminEmail));

        // Twelve characters and typed twice, so the page sends it; the API knows it as a common password.
        await browser.SubmitAsync("reset-password", new Dictionary<string, string> { ["Input.Password"] = "password1234", ["Input.Confirm"] = "password1234" });

        Assert.Contains("most commonly used", browser.Text("#error-newPassword"), StringComparison.Ordinal);
        Assert.Equal("true", browser.Page.QuerySelector("#newPassword")!.GetAttribute("aria-invalid"));
        Assert.Contains("Your password was not changed.", browser.Html, StringComparison.Ordinal);
        Assert.Equal("Choose a new password", browser.Text("h1"));
    }

    [Fact]
    public async Task A_dead_link_says_why_and_offers_a_new_one_whether_used_expired_or_not_valid()
    {
        var practice = await app.NewPracticeAsync();
        using var browser = new PageClient(app);

        await browser.OpenAsync("/admin/reset-password/not-a-real-link");
        AssertDeadLink(browser, "This link is not valid");

        var link = await ResetLinkAsync(practice.AdminEmail);
        app.Clock.Advance(TimeSpan.FromMinutes(31));   // links live 30 minutes
        await browser.OpenAsync(link);
        AssertDeadLink(browser, "This link has expired");

        link = await ResetLinkAsync(practice.AdminEmail);
        await browser.OpenAsync(link);
        await browser.SubmitAsync("reset-password", new Dictionary<string, string> { ["Input.Password"] = NewPassword, ["Input.Confirm"] = NewPassword });
        Assert.Equal("Your password is changed", browser.Text("h1"));
        await browser.OpenAsync(link);
        AssertDeadLink(browser, "This link has already been used");
    }

    [Fact]
    public async Task A_link_used_elsewhere_while_typing_turns_into_the_dead_link_message()
    {
        var practice = await app.NewPracticeAsync();
        var link = await ResetLinkAsync(practice.AdminEmail);
        using var browser = new PageClient(app);
        await browser.OpenAsync(link);
        Assert.NotNull(browser.Page.QuerySelector("#newPassword"));

        using (var elsewhere = new PageClient(app))
        {
            await elsewhere.OpenAsync(link);
            await elsewhere.SubmitAsync("reset-password", new Dictionary<string, string> { ["Input.Password"] = NewPassword, ["Input.Confirm"] = NewPassword });
            Assert.Equal("Your password is changed", elsewhere.Text("h1"));
        }

        await browser.SubmitAsync("reset-password", new Dictionary<string, string> { ["Input.Password"] = "another harbour passphrase", ["Input.Confirm"] = "another harbour passphrase" });

        AssertDeadLink(browser, "This link has already been used");
        await browser.SignInAsync(practice.AdminEmail, NewPassword, "/admin");   // the first one stands
    }

    [Fact]
    public async Task The_join_page_checks_the_passwords_before_sending_sends_the_names_and_a_used_link_offers_no_form()
    {
        var practice = await app.NewPracticeAsync();
        var email = $"alex.{Guid.NewGuid():N}@staff.test";
        using (var admin = await practice.SignedInAdminAsync())
        {
            (await admin.PostAsJsonAsync("/api/practice/staff/invitations", new { email, givenName = "Alex", familyName = "Park", practiceAdmin = false })).EnsureSuccessStatusCode();
        }

        var link = LinkIn(await MailAsync(email), @"/admin/join/[A-Za-z0-9_-]+");
        using var browser = new PageClient(app);
        await browser.OpenAsync(link);
        Assert.Equal($"Join {practice.Name} on Portal", browser.Text("h1"));

        await browser.SubmitAsync("join", new Dictionary<string, string> { ["Input.Password"] = "a long staff passphrase", ["Input.Confirm"] = "another passphrase!!" });
        Assert.Equal("The two passwords are not the same.", browser.Text("#error-confirm"));
        Assert.Equal($"Join {practice.Name} on Portal", browser.Text("h1"));
        using (var elsewhere = new PageClient(app))
        {
            await elsewhere.OpenAsync(link);
            Assert.NotNull(elsewhere.Page.QuerySelector("form"));   // nothing was sent: the invitation still works
        }

        await browser.SubmitAsync("join", new Dictionary<string, string>
        {
            ["Input.FamilyName"] = "Parker", ["Input.Password"] = "a long staff passphrase", ["Input.Confirm"] = "a long staff passphrase",
        });
        Assert.Equal("Patients", browser.Text("h1"));
        Assert.Contains("Alex Parker", browser.Text(".sidebar"), StringComparison.Ordinal);

        using var later = new PageClient(app);
        await later.OpenAsync(link);
        Assert.Equal("This invitation has already been used", later.Text("h1"));
        Assert.Null(later.Page.QuerySelector("form"));
        Assert.Null(later.Page.QuerySelector("#newPassword"));
    }

    [Fact]
    public async Task A_join_link_used_elsewhere_while_typing_says_so()
    {
        var practice = await app.NewPracticeAsync();
        var email = $"kim.{Guid.NewGuid():N}@staff.test";
        using (var admin = await practice.SignedInAdminAsync())
        {
            (await admin.PostAsJsonAsync("/api/practice/staff/invitations", new { email, givenName = "Kim", familyName = "Ode", practiceAdmin = false })).EnsureSuccessStatusCode();
        }

        var link = LinkIn(await MailAsync(email), @"/admin/join/[A-Za-z0-9_-]+");
        using var browser = new PageClient(app);
        await browser.OpenAsync(link);
        using (var elsewhere = new PageClient(app))
        {
            await elsewhere.OpenAsync(link);
            await elsewhere.SubmitAsync("join", new Dictionary<string, string> { ["Input.Password"] = "a long staff passphrase", ["Input.Confirm"] = "a long staff passphrase" });
            Assert.Equal("Patients", elsewhere.Text("h1"));
        }

        await browser.SubmitAsync("join", new Dictionary<string, string> { ["Input.Password"] = "another staff passphrase", ["Input.Confirm"] = "another staff passphrase" });

        Assert.Equal("This invitation has already been used", browser.Text("h1"));
        Assert.Null(browser.Page.QuerySelector("#newPassword"));
    }

    private static void AssertDeadLink(PageClient browser, string title)
    {
        Assert.Equal(title, browser.Text("h1"));
        Assert.Equal("Ask for a new link", browser.Text("a[href='/admin/forgot-password']"));
        Assert.Null(browser.Page.QuerySelector("#newPassword"));
    }

    /// <summary>Asks for a reset link as the forgotten-password page does and returns the path the email gives.</summary>
    private async Task<string> ResetLinkAsync(string email)
    {
        using (var anonymous = app.CreateClient())
        {
            (await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email })).EnsureSuccessStatusCode();
        }

        await app.RunJobAsync(Jobs.OutboxRelay);   // the ask, then the email it queues
        var mail = await MailAsync(email);
        return LinkIn(mail.Where(m => m.Body.Contains("/reset-password/", StringComparison.Ordinal)).OrderBy(m => m.SentAt).ToList(), @"/admin/reset-password/[A-Za-z0-9_-]+");
    }

    private async Task<List<MailboxEmail>> MailAsync(string to)
    {
        await app.RunMessagingAsync();
        using var anonymous = app.CreateClient();
        return (await anonymous.GetFromJsonAsync<List<MailboxEmail>>($"/api/dev/mailbox?to={Uri.EscapeDataString(to)}", PortalClients.Json))!;
    }

    private static string LinkIn(List<MailboxEmail> mail, string pattern)
    {
        var link = Regex.Match(Assert.IsType<MailboxEmail>(mail.LastOrDefault(), exactMatch: false).Body, pattern).Value;
        Assert.NotEmpty(link);
        return link;
    }
}
