using System.Net;
using Bunit;
using Portal.Web.Components;
using Xunit;

namespace Portal.Web.Tests;

/// <summary>The shared account-security section of both apps: two-factor changes ask for the password and send it.</summary>
public sealed class AccountSecurityTests
{
    private static StubApi Api() => new StubApi()
        .On("GET /api/me/sessions", HttpStatusCode.OK, Array.Empty<object>())
        .On("GET /api/me/security-log", HttpStatusCode.OK, new
        {
            items = new[]
            {
                new { id = Guid.NewGuid(), occurredAt = DateTimeOffset.UtcNow, kind = "lockedOut", remoteAddress = "203.0.113.7" },
                new { id = Guid.NewGuid(), occurredAt = DateTimeOffset.UtcNow.AddMinutes(-5), kind = "signInSucceeded", remoteAddress = "198.51.100.20" },
            },
            total = 2,
        })
        .On("POST /api/me/two-factor/setup", HttpStatusCode.OK, new { sharedKey = "JBSWY3DPEHPK3PXP", authenticatorUri = "otpauth://totp/Portal:dr.lee%40harbour.test?secret=JBSWY3DPEHPK3PXP&issuer=Portal&digits=6" })
        .On("POST /api/me/two-factor/enable", HttpStatusCode.OK, new { recoveryCodes = new[] { "AAAA-1111", "BBBB-2222" } })
        .On("POST /api/me/two-factor/recovery-codes", HttpStatusCode.OK, new { recoveryCodes = new[] { "CCCC-3333", "DDDD-4444" } });

    [Fact]
    public async Task Setting_up_asks_for_the_password_and_sends_it_with_setup_and_enable()
    {
        var api = Api();
        await using var context = await api.SignedInContextAsync("practitioner");
        var section = context.Render<AccountSecurity>();

        await section.Find("form[aria-label='Set up two-factor sign-in']").SubmitAsync();
        section.WaitForAssertion(() => Assert.Contains("Enter your password to set up two-factor sign-in.", section.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain(api.Requests, r => r.Route == "POST /api/me/two-factor/setup");

        section.Find("#twoFactorPassword").Change("my current password");
        await section.Find("form[aria-label='Set up two-factor sign-in']").SubmitAsync();
        section.WaitForElement("#twoFactorCode");
        Assert.Contains("\"currentPassword\":\"my current password\"", Assert.Single(api.Requests, r => r.Route == "POST /api/me/two-factor/setup").Body, StringComparison.Ordinal);

        section.Find("#twoFactorCode").Change("123 456");
        await section.Find("#twoFactorCode").Closest("form")!.SubmitAsync();
        section.WaitForAssertion(() => Assert.Contains("AAAA-1111", section.Markup, StringComparison.Ordinal));
        var enable = Assert.Single(api.Requests, r => r.Route == "POST /api/me/two-factor/enable").Body!;
        Assert.Contains("\"code\":\"123 456\"", enable, StringComparison.Ordinal);
        Assert.Contains("\"currentPassword\":\"my current password\"", enable, StringComparison.Ordinal);
        Assert.Empty(section.FindAll("#twoFactorPassword"));
    }

    [Fact]
    public async Task Recent_security_activity_is_listed_in_plain_words_with_the_address()
    {
        var api = Api();
        await using var context = await api.SignedInContextAsync("patient");
        var section = context.Render<AccountSecurity>();

        section.WaitForAssertion(() => Assert.Contains("Sign-in paused after failed attempts", section.Markup, StringComparison.Ordinal));
        Assert.Contains("203.0.113.7", section.Markup, StringComparison.Ordinal);
        Assert.Contains("Signed in", section.Markup, StringComparison.Ordinal);
        Assert.Contains("?pageSize=10", Assert.Single(api.Requests, r => r.Route == "GET /api/me/security-log").Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_recovery_codes_need_the_password_and_replace_the_shown_ones()
    {
        var api = Api();
        await using var context = await api.SignedInContextAsync("patient");
        var section = context.Render<AccountSecurity>();
        section.Find("#twoFactorPassword").Change("my current password");
        await section.Find("form[aria-label='Set up two-factor sign-in']").SubmitAsync();
        section.WaitForElement("#twoFactorCode").Change("123456");
        await section.Find("#twoFactorCode").Closest("form")!.SubmitAsync();
        section.WaitForElement("#recoveryPassword");

        await section.Find("form[aria-label='New recovery codes']").SubmitAsync();
        section.WaitForAssertion(() => Assert.Contains("Enter your password to get new recovery codes.", section.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain(api.Requests, r => r.Route == "POST /api/me/two-factor/recovery-codes");

        section.Find("#recoveryPassword").Change("my current password");
        await section.Find("form[aria-label='New recovery codes']").SubmitAsync();
        section.WaitForAssertion(() => Assert.Contains("CCCC-3333", section.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain("AAAA-1111", section.Markup, StringComparison.Ordinal);
        Assert.Contains("\"currentPassword\":\"my current password\"", Assert.Single(api.Requests, r => r.Route == "POST /api/me/two-factor/recovery-codes").Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_when_turning_on_starts_setup_again_and_says_why()
    {
        var api = Api().On("POST /api/me/two-factor/enable", HttpStatusCode.BadRequest,
            StubApi.Problem(400, "auth.wrong-password", "The current password is incorrect.", new { currentPassword = new[] { "The current password is incorrect." } }));
        await using var context = await api.SignedInContextAsync("practitioner");
        var section = context.Render<AccountSecurity>();
        section.Find("#twoFactorPassword").Change("a mistyped password");
        await section.Find("form[aria-label='Set up two-factor sign-in']").SubmitAsync();
        section.WaitForElement("#twoFactorCode").Change("123456");

        await section.Find("#twoFactorCode").Closest("form")!.SubmitAsync();

        section.WaitForElement("#twoFactorPassword");
        Assert.Contains("The current password is incorrect.", section.Markup, StringComparison.Ordinal);
        Assert.Equal(string.Empty, section.Find("#twoFactorPassword").GetAttribute("value") ?? string.Empty);
    }
}
