using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.Identity.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Identity.Tests;

/// <summary>Changing the second factor needs the current password, spends codes once, ends other sessions and tells the owner.</summary>
public sealed class TwoFactorSecurityTests : IAsyncLifetime
{
    private readonly PortalApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_stolen_access_token_alone_cannot_set_up_or_turn_on_two_factor()
    {
        using var thief = await _app.SignedInClientAsync(DemoData.DrLeeEmail);

        using var setupWithout = await thief.PostAsJsonAsync("/api/me/two-factor/setup", new { });
        Assert.NotEmpty(ProblemAssert.FieldErrors(await ProblemAssert.IsProblemAsync(setupWithout, HttpStatusCode.BadRequest, "validation.failed"), "currentPassword"));
        using var setupWrong = await thief.PostAsJsonAsync("/api/me/two-factor/setup", new { currentPassword = "a-guessed-password" });
        await ProblemAssert.IsProblemAsync(setupWrong, HttpStatusCode.BadRequest, "auth.wrong-password");

        // With the password (the owner's own setup, say), enabling still needs it too.
        var key = await SetUpAsync(thief);
        var code = Totp.Code(key, _app.Clock.GetUtcNow());
        using var enableWithout = await thief.PostAsJsonAsync("/api/me/two-factor/enable", new { code });
        Assert.NotEmpty(ProblemAssert.FieldErrors(await ProblemAssert.IsProblemAsync(enableWithout, HttpStatusCode.BadRequest, "validation.failed"), "currentPassword"));
        using var enableWrong = await thief.PostAsJsonAsync("/api/me/two-factor/enable", new { code, currentPassword = "another-guess-12" });
        await ProblemAssert.IsProblemAsync(enableWrong, HttpStatusCode.BadRequest, "auth.wrong-password");

        using var stillPlain = await _app.PostLoginAsync(DemoData.DrLeeEmail);
        Assert.Equal(HttpStatusCode.OK, stillPlain.StatusCode);
    }

    [Fact]
    public async Task Turning_it_on_ends_every_other_session_keeps_this_one_and_emails_the_owner()
    {
        var laptop = await _app.LoginAsync(DemoData.HarbourAdminEmail);
        var stolen = await _app.LoginAsync(DemoData.HarbourAdminEmail);
        using var laptopClient = _app.ClientWith(laptop.AccessToken);

        await EnableAsync(laptopClient);

        using var stolenRefresh = await RefreshAsync(stolen.RefreshToken);
        await ProblemAssert.IsProblemAsync(stolenRefresh, HttpStatusCode.Unauthorized, "auth.invalid-refresh-token");
        using var stolenUse = await _app.ClientWith(stolen.AccessToken).GetAsync("/api/me");
        await ProblemAssert.IsProblemAsync(stolenUse, HttpStatusCode.Unauthorized, "auth.unauthenticated");
        using var laptopUse = await laptopClient.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.OK, laptopUse.StatusCode);
        using var laptopRefresh = await RefreshAsync(laptop.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, laptopRefresh.StatusCode);

        var email = Assert.Single(await MailboxAsync(DemoData.HarbourAdminEmail));
        Assert.Contains("Two-factor sign-in was turned on", email.GetProperty("subject").GetString());
    }

    [Fact]
    public async Task Turning_it_off_changing_the_password_and_new_recovery_codes_each_email_the_owner()
    {
        var tokens = await _app.LoginAsync(DemoData.DrLeeEmail);
        using var client = _app.ClientWith(tokens.AccessToken);
        await EnableAsync(client);

        using var codes = await client.PostAsJsonAsync("/api/me/two-factor/recovery-codes", new { currentPassword = DemoData.Password });
        Assert.Equal(HttpStatusCode.OK, codes.StatusCode);
        using var off = await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/me/two-factor") { Content = JsonContent.Create(new { currentPassword = DemoData.Password }) });
        Assert.Equal(HttpStatusCode.NoContent, off.StatusCode);
        const string newPassword = "a-much-longer-new-passphrase";
        using var password = await client.PostAsJsonAsync("/api/me/password", new { currentPassword = DemoData.Password, newPassword });
        Assert.Equal(HttpStatusCode.NoContent, password.StatusCode);

        var subjects = (await MailboxAsync(DemoData.DrLeeEmail)).Select(e => e.GetProperty("subject").GetString()!).ToList();
        Assert.Equal(4, subjects.Count);
        Assert.Contains(subjects, s => s.Contains("turned on", StringComparison.Ordinal));
        Assert.Contains(subjects, s => s.Contains("recovery codes", StringComparison.Ordinal));
        Assert.Contains(subjects, s => s.Contains("turned off", StringComparison.Ordinal));
        Assert.Contains(subjects, s => s.Contains("password was changed", StringComparison.Ordinal));
        var bodies = string.Join("\n", (await MailboxAsync(DemoData.DrLeeEmail)).Select(e => e.GetProperty("body").GetString()));
        Assert.DoesNotContain(newPassword, bodies, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoData.Password, bodies, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_patient_account_with_no_practice_group_is_emailed_too()
    {
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var identity = scope.ServiceProvider.GetRequiredService<IIdentityApi>();
            Assert.True((await identity.CreatePatientAccountAsync(new NewPatientAccount("mail.patient@example.test", "Patient-Password-2026", "Mia", "Patient"), default)).IsSuccess);
        }

        using var client = await _app.SignedInClientAsync("mail.patient@example.test", "Patient-Password-2026");
        using var changed = await client.PostAsJsonAsync("/api/me/password", new { currentPassword = "Patient-Password-2026", newPassword = "Another-Patient-Passphrase" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        var email = Assert.Single(await MailboxAsync("mail.patient@example.test"));
        Assert.Contains("password was changed", email.GetProperty("subject").GetString());
        Assert.Contains("Hello Mia", email.GetProperty("body").GetString());
    }

    [Fact]
    public async Task A_refused_change_sends_no_email()
    {
        using var client = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        using var weak = await client.PostAsJsonAsync("/api/me/password", new { currentPassword = DemoData.Password, newPassword = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        using var wrong = await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/me/two-factor") { Content = JsonContent.Create(new { currentPassword = "not-the-password" }) });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);

        Assert.Empty(await MailboxAsync(DemoData.DrLeeEmail));
    }

    [Fact]
    public async Task New_recovery_codes_replace_the_old_ones_and_need_the_password_and_two_factor_on()
    {
        var tokens = await _app.LoginAsync(DemoData.SummitAdminEmail);
        using var client = _app.ClientWith(tokens.AccessToken);
        using var whileOff = await client.PostAsJsonAsync("/api/me/two-factor/recovery-codes", new { currentPassword = DemoData.Password });
        await ProblemAssert.IsProblemAsync(whileOff, HttpStatusCode.Conflict, "two-factor.not-enabled");

        var (_, oldCodes) = await EnableAsync(client);
        using var noPassword = await client.PostAsJsonAsync("/api/me/two-factor/recovery-codes", new { });
        Assert.NotEmpty(ProblemAssert.FieldErrors(await ProblemAssert.IsProblemAsync(noPassword, HttpStatusCode.BadRequest, "validation.failed"), "currentPassword"));
        using var wrongPassword = await client.PostAsJsonAsync("/api/me/two-factor/recovery-codes", new { currentPassword = "wrong-password-x" });
        await ProblemAssert.IsProblemAsync(wrongPassword, HttpStatusCode.BadRequest, "auth.wrong-password");

        using var renewed = await client.PostAsJsonAsync("/api/me/two-factor/recovery-codes", new { currentPassword = DemoData.Password });
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        var newCodes = (await renewed.JsonAsync()).GetProperty("recoveryCodes").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Equal(10, newCodes.Count);
        Assert.Empty(newCodes.Intersect(oldCodes));

        using var old = await _app.PostLoginAsync(DemoData.SummitAdminEmail, recoveryCode: oldCodes[0]);
        await ProblemAssert.IsProblemAsync(old, HttpStatusCode.Unauthorized, "auth.invalid-two-factor-code");
        using var fresh = await _app.PostLoginAsync(DemoData.SummitAdminEmail, recoveryCode: newCodes[0]);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    [Fact]
    public async Task An_authenticator_code_signs_in_once_and_older_codes_not_at_all()
    {
        using var client = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        var (key, _) = await EnableAsync(client);
        var enabledAt = _app.Clock.GetUtcNow();

        // The code that turned it on is spent already.
        using var enablingCode = await _app.PostLoginAsync(DemoData.DrLeeEmail, twoFactorCode: Totp.Code(key, enabledAt));
        await ProblemAssert.IsProblemAsync(enablingCode, HttpStatusCode.Unauthorized, "auth.invalid-two-factor-code");

        _app.Clock.Advance(TimeSpan.FromSeconds(30));
        var code = Totp.Code(key, _app.Clock.GetUtcNow());
        using var first = await _app.PostLoginAsync(DemoData.DrLeeEmail, twoFactorCode: code);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var replay = await _app.PostLoginAsync(DemoData.DrLeeEmail, twoFactorCode: code);
        await ProblemAssert.IsProblemAsync(replay, HttpStatusCode.Unauthorized, "auth.invalid-two-factor-code");

        // Still inside the accepted drift, but older than the code used: refused.
        _app.Clock.Advance(TimeSpan.FromSeconds(30));
        using var older = await _app.PostLoginAsync(DemoData.DrLeeEmail, twoFactorCode: code);
        await ProblemAssert.IsProblemAsync(older, HttpStatusCode.Unauthorized, "auth.invalid-two-factor-code");
        using var next = await _app.PostLoginAsync(DemoData.DrLeeEmail, twoFactorCode: Totp.Code(key, _app.Clock.GetUtcNow()));
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task Two_sign_ins_racing_with_one_code_give_one_session()
    {
        using var client = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        var (key, _) = await EnableAsync(client);
        _app.Clock.Advance(TimeSpan.FromSeconds(30));
        var code = Totp.Code(key, _app.Clock.GetUtcNow());

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _app.PostLoginAsync(DemoData.HarbourAdminEmail, twoFactorCode: code)));

        // One OK and three 401s, as one assertion that names every status when it fails.
        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized],
            responses.Select(r => r.StatusCode).Order());
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    private async Task<string> SetUpAsync(HttpClient client)
    {
        using var setup = await client.PostAsJsonAsync("/api/me/two-factor/setup", new { currentPassword = DemoData.Password });
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        return (await setup.JsonAsync()).GetProperty("sharedKey").GetString()!;
    }

    private async Task<(string Key, List<string> RecoveryCodes)> EnableAsync(HttpClient client)
    {
        var key = await SetUpAsync(client);
        using var enable = await client.PostAsJsonAsync("/api/me/two-factor/enable",
            new { code = Totp.Code(key, _app.Clock.GetUtcNow()), currentPassword = DemoData.Password });
        Assert.Equal(HttpStatusCode.OK, enable.StatusCode);
        var codes = (await enable.JsonAsync()).GetProperty("recoveryCodes").EnumerateArray().Select(c => c.GetString()!).ToList();
        return (key, codes);
    }

    private async Task<HttpResponseMessage> RefreshAsync(string refreshToken)
    {
        using var client = _app.CreateClient();
        return await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken });
    }

    private async Task<List<JsonElement>> MailboxAsync(string to)
    {
        await _app.RunMessagingAsync();
        using var client = _app.CreateClient();
        var mailbox = await (await client.GetAsync($"/api/dev/mailbox?to={Uri.EscapeDataString(to)}")).JsonAsync();
        return mailbox.EnumerateArray().ToList();
    }
}
