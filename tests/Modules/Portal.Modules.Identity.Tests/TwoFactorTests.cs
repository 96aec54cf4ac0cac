using System.Net;
using System.Net.Http.Json;
using Portal.Modules.Identity.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Identity.Tests;

public sealed class TwoFactorTests : IAsyncLifetime
{
    private readonly PortalApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Once_enabled_sign_in_needs_the_authenticator_code()
    {
        var key = await EnableTwoFactorAsync(DemoData.DrLeeEmail);

        using var withoutCode = await _app.PostLoginAsync(DemoData.DrLeeEmail);
        await ProblemAssert.IsProblemAsync(withoutCode, HttpStatusCode.Unauthorized, "auth.two-factor-required");

        using var wrongCode = await _app.PostLoginAsync(DemoData.DrLeeEmail, twoFactorCode: OtherCode(key));
        await ProblemAssert.IsProblemAsync(wrongCode, HttpStatusCode.Unauthorized, "auth.invalid-two-factor-code");

        using var withCode = await _app.PostLoginAsync(DemoData.DrLeeEmail, twoFactorCode: Totp.Code(key, _app.Clock.GetUtcNow()));
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);
        var me = await (await _app.ClientWith((await withCode.JsonAsync()).GetProperty("accessToken").GetString()!).GetAsync("/api/me")).JsonAsync();
        Assert.True(me.GetProperty("twoFactorEnabled").GetBoolean());
    }

    [Fact]
    public async Task A_wrong_password_with_two_factor_on_still_says_only_invalid_credentials()
    {
        await EnableTwoFactorAsync(DemoData.DrLeeEmail);

        using var response = await _app.PostLoginAsync(DemoData.DrLeeEmail, "wrong-password-entirely");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "auth.invalid-credentials");
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        using var client = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        var setup = await (await client.PostAsJsonAsync("/api/me/two-factor/setup", new { currentPassword = DemoData.Password })).JsonAsync();
        var key = setup.GetProperty("sharedKey").GetString()!;
        using var enable = await client.PostAsJsonAsync("/api/me/two-factor/enable", new { code = Totp.Code(key, _app.Clock.GetUtcNow()), currentPassword = DemoData.Password });
        var recoveryCode = (await enable.JsonAsync()).GetProperty("recoveryCodes")[0].GetString()!;

        using var first = await _app.PostLoginAsync(DemoData.DrLeeEmail, recoveryCode: recoveryCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var again = await _app.PostLoginAsync(DemoData.DrLeeEmail, recoveryCode: recoveryCode);
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Unauthorized, "auth.invalid-two-factor-code");
    }

    [Fact]
    public async Task Enabling_needs_a_correct_code_and_setup_first()
    {
        using var client = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);

        using var beforeSetup = await client.PostAsJsonAsync("/api/me/two-factor/enable", new { code = "123456", currentPassword = DemoData.Password });
        await ProblemAssert.IsProblemAsync(beforeSetup, HttpStatusCode.Conflict, "two-factor.not-set-up");

        var setup = await (await client.PostAsJsonAsync("/api/me/two-factor/setup", new { currentPassword = DemoData.Password })).JsonAsync();
        Assert.StartsWith("otpauth://totp/Portal:", setup.GetProperty("authenticatorUri").GetString());
        using var wrong = await client.PostAsJsonAsync("/api/me/two-factor/enable", new { code = OtherCode(setup.GetProperty("sharedKey").GetString()!), currentPassword = DemoData.Password });
        var problem = await ProblemAssert.IsProblemAsync(wrong, HttpStatusCode.BadRequest, "two-factor.invalid-code");
        Assert.NotEmpty(ProblemAssert.FieldErrors(problem, "code"));

        using var signIn = await _app.PostLoginAsync(DemoData.HarbourAdminEmail);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }

    [Fact]
    public async Task Setting_up_again_while_enabled_is_refused_and_disabling_turns_it_off()
    {
        var key = await EnableTwoFactorAsync(DemoData.DrLeeEmail);
        var tokens = await _app.LoginAsync(DemoData.DrLeeEmail, twoFactorCode: Totp.Code(key, _app.Clock.GetUtcNow()));
        using var client = _app.ClientWith(tokens.AccessToken);

        using var again = await client.PostAsJsonAsync("/api/me/two-factor/setup", new { currentPassword = DemoData.Password });
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict, "two-factor.already-enabled");

        using var noPassword = await client.DeleteAsync("/api/me/two-factor");
        Assert.NotEmpty(ProblemAssert.FieldErrors(await ProblemAssert.IsProblemAsync(noPassword, HttpStatusCode.BadRequest, "validation.failed"), "currentPassword"));
        using var wrongPassword = await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/me/two-factor")
        {
            Content = JsonContent.Create(new { currentPassword = "not my password!" }),
        });
        Assert.Equal(HttpStatusCode.BadRequest, wrongPassword.StatusCode);
        using var stillOn = await _app.PostLoginAsync(DemoData.DrLeeEmail);
        await ProblemAssert.IsProblemAsync(stillOn, HttpStatusCode.Unauthorized, "auth.two-factor-required");

        using var disable = await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/me/two-factor")
        {
            Content = JsonContent.Create(new { currentPassword = DemoData.Password }),
        });
        Assert.Equal(HttpStatusCode.NoContent, disable.StatusCode);
        using var plain = await _app.PostLoginAsync(DemoData.DrLeeEmail);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
    }

    private async Task<string> EnableTwoFactorAsync(string email)
    {
        using var client = await _app.SignedInClientAsync(email);
        using var setupResponse = await client.PostAsJsonAsync("/api/me/two-factor/setup", new { currentPassword = DemoData.Password });
        Assert.Equal(HttpStatusCode.OK, setupResponse.StatusCode);
        var key = (await setupResponse.JsonAsync()).GetProperty("sharedKey").GetString()!;
        using var enable = await client.PostAsJsonAsync("/api/me/two-factor/enable", new { code = Totp.Code(key, _app.Clock.GetUtcNow()), currentPassword = DemoData.Password });
        Assert.Equal(HttpStatusCode.OK, enable.StatusCode);
        Assert.Equal(10, (await enable.JsonAsync()).GetProperty("recoveryCodes").GetArrayLength());
        _app.Clock.Advance(TimeSpan.FromSeconds(30));   // the code that turned it on is spent: sign-ins use the next one
        return key;
    }

    /// <summary>A six-digit code that is none of the codes valid around now.</summary>
    private string OtherCode(string key)
    {
        var valid = Enumerable.Range(-3, 7).Select(step => Totp.Code(key, _app.Clock.GetUtcNow().AddSeconds(30 * step))).ToHashSet();
        return Enumerable.Range(0, 1000).Select(n => n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !valid.Contains(c));
    }
}
