using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Testing;
using Xunit;

namespace Portal.Web.Tests;

/// <summary>
/// The account sections both apps share (Portal.Web.Server/Account), on the practitioner's page /admin/account over
/// HTTP against the real Host: the password, two-factor sign-in (the password travels to its second step only
/// encrypted), sessions, recent activity, and the forced password change of an installation's first admin.
/// </summary>
public sealed class AccountSecurityTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task Setting_up_two_factor_asks_for_the_password_and_a_right_code_turns_it_on_with_recovery_codes()
    {
        var practice = await app.NewPracticeAsync();
        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.AdminEmail, TestPractice.Password, "/admin/account");
        Assert.Equal("My account", browser.Text("h1"));
        var stylesheet = browser.Page.QuerySelector("link[href$='Portal.Web.Server.bundle.scp.css']")!.GetAttribute("href")!;
        using (var anonymous = app.CreateClient())
        {
            Assert.Contains(".qr", await anonymous.GetStringAsync(stylesheet), StringComparison.Ordinal);   // the shared sections' styles are served
        }

        await browser.SubmitAsync("two-factor-setup");
        Assert.Equal("Enter your password to set up two-factor sign-in.", browser.Text("#error-currentPassword"));
        Assert.Null(browser.Page.QuerySelector("#twoFactorCode"));

        await browser.SubmitAsync("two-factor-setup", new Dictionary<string, string> { ["Setup.Password"] = "not my password at all" });
        Assert.NotNull(browser.Page.QuerySelector("#error-currentPassword"));
        Assert.Null(browser.Page.QuerySelector("#twoFactorCode"));

        await browser.SubmitAsync("two-factor-setup", new Dictionary<string, string> { ["Setup.Password"] = TestPractice.Password });
        Assert.NotNull(browser.Page.QuerySelector(".qr svg"));
        Assert.DoesNotContain(TestPractice.Password, browser.Html, StringComparison.Ordinal);
        var key = browser.Text("code.key");

        await browser.SubmitAsync("two-factor-on", new Dictionary<string, string> { ["Enable.Code"] = Totp.Code(key, app.Clock.GetUtcNow()) });

        Assert.Contains("Keep these recovery codes somewhere safe", browser.Text(".warning"), StringComparison.Ordinal);
        Assert.NotEmpty(browser.Page.QuerySelectorAll(".codes li"));
        Assert.StartsWith("On:", browser.Text("p.notice"), StringComparison.Ordinal);
        using var withoutCode = await app.PostLoginAsync(practice.AdminEmail, TestPractice.Password);
        await ProblemAssert.IsProblemAsync(withoutCode, HttpStatusCode.Unauthorized, "auth.two-factor-required");
    }

    [Fact]
    public async Task A_password_change_needs_the_current_password_and_the_activity_and_sessions_are_listed()
    {
        var practice = await app.NewPracticeAsync();
        using var elsewhere = await practice.SignedInAdminAsync();   // another session of the same account
        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.AdminEmail, TestPractice.Password, "/admin/account");

        Assert.Contains("Signed in", browser.Text("ul.activity"), StringComparison.Ordinal);
        var sessions = browser.Page.QuerySelectorAll("ul.sessions li");
        Assert.True(sessions.Length >= 2, browser.Html);
        Assert.Single(sessions, s => s.TextContent.Contains("(this one)", StringComparison.Ordinal));

        var other = browser.Page.QuerySelectorAll("ul.sessions form").First(f => f.QuerySelector("input[name=_handler][value^=end-session-]") is not null);
        await browser.SubmitAsync(other.QuerySelector("input[name=_handler]")!.GetAttribute("value")!);
        Assert.Equal(sessions.Length - 1, browser.Page.QuerySelectorAll("ul.sessions li").Length);

        await browser.SubmitAsync("change-password", new Dictionary<string, string> { ["Password.Current"] = "not my password at all", ["Password.New"] = "a brand new long passphrase" });
        Assert.NotNull(browser.Page.QuerySelector(".problem"));
        Assert.Null(browser.Page.QuerySelector("[role=status]"));

        await browser.SubmitAsync("change-password", new Dictionary<string, string> { ["Password.Current"] = TestPractice.Password, ["Password.New"] = "a brand new long passphrase" });
        Assert.Equal("Password changed. Your other sessions were signed out.", browser.Text("[role=status]"));
        using var anonymous = app.CreateClient();
        using var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = practice.AdminEmail, password = "a brand new long passphrase" });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task The_installations_first_admin_chooses_their_own_password_before_any_page_opens()
    {
        await using var bayside = new PortalApp
        {
            Settings =
            {
                ["DemoData:Seed"] = "false",
                ["Bootstrap:PracticeName"] = "Bayside Clinic",
                ["Bootstrap:AdminEmail"] = "owner@bayside.test",
                ["Bootstrap:AdminPassword"] = "a strong first password",
            },
        };
        using var browser = new PageClient(bayside);
        await browser.OpenAsync("/admin/settings");
        await browser.SubmitAsync("sign-in", new Dictionary<string, string> { ["Input.Email"] = "owner@bayside.test", ["Input.Password"] = "a strong first password" });

        Assert.Equal("Choose your own password", browser.Text("h1"));
        Assert.Null(browser.Page.QuerySelector("nav[aria-label=Main]"));

        await browser.SubmitAsync("choose-password", new Dictionary<string, string> { ["Choice.New"] = "only the owner knows this one" });
        Assert.Equal("Enter the password you signed in with.", browser.Text("#error-currentPassword"));
        await browser.SubmitAsync("choose-password", new Dictionary<string, string>
        {
            ["Choice.Current"] = "a strong first password", ["Choice.New"] = "a strong first password",
        });
        Assert.NotNull(browser.Page.QuerySelector(".problem"));   // the same password again is no change

        await browser.SubmitAsync("choose-password", new Dictionary<string, string>
        {
            ["Choice.Current"] = "a strong first password", ["Choice.New"] = "only the owner knows this one",
        });

        Assert.Equal("/admin/settings", browser.Path);
        Assert.Equal("Patient portal and sharing settings", browser.Text("h1"));
        Assert.NotNull(browser.Page.QuerySelector("nav[aria-label=Main]"));
    }
}
