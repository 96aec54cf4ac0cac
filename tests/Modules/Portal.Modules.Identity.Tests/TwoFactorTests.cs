using System.Net;
using System.Net.Http.Json;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Identity.Tests;

public sealed class TwoFactorTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task Once_enabled_sign_in_needs_the_authenticator_code()
    {
        var drLee = await NewPractitionerAsync();
        var key = await EnableTwoFactorAsync(drLee);

        using var withoutCode = await app.PostLoginAsync(drLee);
        await ProblemAssert.IsProblemAsync(withoutCode, HttpStatusCode.Unauthorized, "auth.two-factor-required");

        using var wrongCode = await app.PostLoginAsync(drLee, twoFactorCode: OtherCode(key));
        await ProblemAssert.IsProblemAsync(wrongCode, HttpStatusCode.Unauthorized, "auth.invalid-two-factor-code");

        using var withCode = await app.PostLoginAsync(drLee, twoFactorCode: Totp.Code(key, app.Clock.GetUtcNow()));
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);
        var tokens = (await withCode.Content.ReadFromJsonAsync<Tokens>(PortalClients.Json))!;
        var me = (await app.ClientWith(tokens.AccessToken).GetFromJsonAsync<Me>("/api/me", PortalClients.Json))!;
        Assert.True(me.TwoFactorEnabled);
    }

    [Fact]
    public async Task A_wrong_password_with_two_factor_on_still_says_only_invalid_credentials()
    {
        var drLee = await NewPractitionerAsync();
        await EnableTwoFactorAsync(drLee);

        using var response = await app.PostLoginAsync(drLee, "wrong-password-entirely");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "auth.invalid-credentials");
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var drLee = await NewPractitionerAsync();
        using var client = await app.SignedInClientAsync(drLee);
        var setup = await SetUpAsync(client);
        var key = setup.SharedKey;
        using var enable = await client.PostAsJsonAsync("/api/me/two-factor/enable", new { code = Totp.Code(key, app.Clock.GetUtcNow()), currentPassword = TestPractice.Password });
        var recoveryCode = (await enable.Content.ReadFromJsonAsync<Enabled>(PortalClients.Json))!.RecoveryCodes[0];

        using var first = await app.PostLoginAsync(drLee, recoveryCode: recoveryCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var again = await app.PostLoginAsync(drLee, recoveryCode: recoveryCode);
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Unauthorized, "auth.invalid-two-factor-code");
    }

    [Fact]
    public async Task Enabling_needs_a_correct_code_and_setup_first()
    {
        var admin = (await app.NewPracticeAsync()).AdminEmail;
        using var client = await app.SignedInClientAsync(admin);

        using var beforeSetup = await client.PostAsJsonAsync("/api/me/two-factor/enable", new { code = "123456", currentPassword = TestPractice.Password });
        await ProblemAssert.IsProblemAsync(beforeSetup, HttpStatusCode.Conflict, "two-factor.not-set-up");

        var setup = await SetUpAsync(client);
        Assert.StartsWith("otpauth://totp/Portal:", setup.AuthenticatorUri);
        using var wrong = await client.PostAsJsonAsync("/api/me/two-factor/enable", new { code = OtherCode(setup.SharedKey), currentPassword = TestPractice.Password });
        var problem = await ProblemAssert.IsProblemAsync(wrong, HttpStatusCode.BadRequest, "two-factor.invalid-code");
        Assert.NotEmpty(ProblemAssert.FieldErrors(problem, "code"));

        using var signIn = await app.PostLoginAsync(admin);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }

    [Fact]
    public async Task Setting_up_again_while_enabled_is_refused_and_disabling_turns_it_off()
    {
        var drLee = await NewPractitionerAsync();
        var key = await EnableTwoFactorAsync(drLee);
        var tokens = await app.LoginAsync(drLee, twoFactorCode: Totp.Code(key, app.Clock.GetUtcNow()));
        using var client = app.ClientWith(tokens.AccessToken);

        using var again = await client.PostAsJsonAsync("/api/me/two-factor/setup", new { currentPassword = TestPractice.Password });
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict, "two-factor.already-enabled");

        using var noPassword = await client.DeleteAsync("/api/me/two-factor");
        Assert.NotEmpty(ProblemAssert.FieldErrors(await ProblemAssert.IsProblemAsync(noPassword, HttpStatusCode.BadRequest, "validation.failed"), "currentPassword"));
        using var wrongPassword = await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/me/two-factor")
        {
            Content = JsonContent.Create(new { currentPassword = "not my password!" }),
        });
        Assert.Equal(HttpStatusCode.BadRequest, wrongPassword.StatusCode);
        using var stillOn = await app.PostLoginAsync(drLee);
        await ProblemAssert.IsProblemAsync(stillOn, HttpStatusCode.Unauthorized, "auth.two-factor-required");

        using var disable = await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/me/two-factor")
        {
            Content = JsonContent.Create(new { currentPassword = TestPractice.Password }),
        });
        Assert.Equal(HttpStatusCode.NoContent, disable.StatusCode);
        using var plain = await app.PostLoginAsync(drLee);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
    }

    private async Task<string> EnableTwoFactorAsync(string email)
    {
        using var client = await app.SignedInClientAsync(email);
        using var setupResponse = await client.PostAsJsonAsync("/api/me/two-factor/setup", new { currentPassword = TestPractice.Password });
        Assert.Equal(HttpStatusCode.OK, setupResponse.StatusCode);
        var key = (await setupResponse.Content.ReadFromJsonAsync<Setup>(PortalClients.Json))!.SharedKey;
        using var enable = await client.PostAsJsonAsync("/api/me/two-factor/enable", new { code = Totp.Code(key, app.Clock.GetUtcNow()), currentPassword = TestPractice.Password });
        Assert.Equal(HttpStatusCode.OK, enable.StatusCode);
        Assert.Equal(10, (await enable.Content.ReadFromJsonAsync<Enabled>(PortalClients.Json))!.RecoveryCodes.Count);
        app.Clock.Advance(TimeSpan.FromSeconds(30));   // the code that turned it on is spent: sign-ins use the next one
        return key;
    }

    /// <summary>A six-digit code that is none of the codes valid around now.</summary>
    private string OtherCode(string key)
    {
        var valid = Enumerable.Range(-3, 7).Select(step => Totp.Code(key, app.Clock.GetUtcNow().AddSeconds(30 * step))).ToHashSet();
        return Enumerable.Range(0, 1000).Select(n => n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !valid.Contains(c));
    }

    /// <summary>A practitioner of a practice of the test's own, whose two-factor sign-in the test may turn on.</summary>
    private async Task<string> NewPractitionerAsync() => await (await app.NewPracticeAsync()).AddPractitionerAsync();

    private static async Task<Setup> SetUpAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("/api/me/two-factor/setup", new { currentPassword = TestPractice.Password });
        return (await response.Content.ReadFromJsonAsync<Setup>(PortalClients.Json))!;
    }

    private sealed record Setup(string SharedKey, string AuthenticatorUri);

    private sealed record Enabled(List<string> RecoveryCodes);

    private sealed record Me(bool TwoFactorEnabled);
}
