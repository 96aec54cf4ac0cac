using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.Identity.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Identity.Tests;

/// <summary>Changing the second factor needs the current password, spends codes once, ends other sessions and tells the owner.</summary>
public sealed class TwoFactorSecurityTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task A_stolen_access_token_alone_cannot_set_up_or_turn_on_two_factor()
    {
        var drLee = await NewPractitionerAsync();
        using var thief = await app.SignedInClientAsync(drLee);

        using var setupWithout = await thief.PostAsJsonAsync("/api/me/two-factor/setup", new { });
        Assert.NotEmpty(ProblemAssert.FieldErrors(await ProblemAssert.IsProblemAsync(setupWithout, HttpStatusCode.BadRequest, "validation.failed"), "currentPassword"));
        using var setupWrong = await thief.PostAsJsonAsync("/api/me/two-factor/setup", new { currentPassword = "a-guessed-password" });
        await ProblemAssert.IsProblemAsync(setupWrong, HttpStatusCode.BadRequest, "auth.wrong-password");

        // With the password (the owner's own setup, say), enabling still needs it too.
        var key = await SetUpAsync(thief);
        var code = Totp.Code(key, app.Clock.GetUtcNow());
        using var enableWithout = await thief.PostAsJsonAsync("/api/me/two-factor/enable", new { code });
        Assert.NotEmpty(ProblemAssert.FieldErrors(await ProblemAssert.IsProblemAsync(enableWithout, HttpStatusCode.BadRequest, "validation.failed"), "currentPassword"));
        using var enableWrong = await thief.PostAsJsonAsync("/api/me/two-factor/enable", new { code, currentPassword = "another-guess-12" });
        await ProblemAssert.IsProblemAsync(enableWrong, HttpStatusCode.BadRequest, "auth.wrong-password");

        using var stillPlain = await app.PostLoginAsync(drLee);
        Assert.Equal(HttpStatusCode.OK, stillPlain.StatusCode);
    }

    [Fact]
    public async Task Turning_it_on_ends_every_other_session_keeps_this_one_and_emails_the_owner()
    {
        var admin = (await app.NewPracticeAsync()).AdminEmail;
        var laptop = await app.LoginAsync(admin);
        var stolen = await app.LoginAsync(admin);
        using var laptopClient = app.ClientWith(laptop.AccessToken);

        await EnableAsync(laptopClient);

        using var stolenRefresh = await RefreshAsync(stolen.RefreshToken);
        await ProblemAssert.IsProblemAsync(stolenRefresh, HttpStatusCode.Unauthorized, "auth.invalid-refresh-token");
        using var stolenUse = await app.ClientWith(stolen.AccessToken).GetAsync("/api/me");
        await ProblemAssert.IsProblemAsync(stolenUse, HttpStatusCode.Unauthorized, "auth.unauthenticated");
        using var laptopUse = await laptopClient.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.OK, laptopUse.StatusCode);
        using var laptopRefresh = await RefreshAsync(laptop.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, laptopRefresh.StatusCode);

        var email = Assert.Single(await MailboxAsync(admin));
        Assert.Contains("Two-factor sign-in was turned on", email.Subject);
    }

    [Fact]
    public async Task Turning_it_off_changing_the_password_and_new_recovery_codes_each_email_the_owner()
    {
        var owner = (await app.NewPracticeAsync()).AdminEmail;   // staff with no email yet (a practitioner has their invitation)
        var tokens = await app.LoginAsync(owner);
        using var client = app.ClientWith(tokens.AccessToken);
        await EnableAsync(client);

        using var codes = await client.PostAsJsonAsync("/api/me/two-factor/recovery-codes", new { currentPassword = TestPractice.Password });
        Assert.Equal(HttpStatusCode.OK, codes.StatusCode);
        using var off = await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/me/two-factor") { Content = JsonContent.Create(new { currentPassword = TestPractice.Password }) });
        Assert.Equal(HttpStatusCode.NoContent, off.StatusCode);
        const string newPassword = "a-much-longer-new-passphrase";
        using var password = await client.PostAsJsonAsync("/api/me/password", new { currentPassword = TestPractice.Password, newPassword });
        Assert.Equal(HttpStatusCode.NoContent, password.StatusCode);

        var subjects = (await MailboxAsync(owner)).Select(e => e.Subject).ToList();
        Assert.Equal(4, subjects.Count);
        Assert.Contains(subjects, s => s.Contains("turned on", StringComparison.Ordinal));
        Assert.Contains(subjects, s => s.Contains("recovery codes", StringComparison.Ordinal));
        Assert.Contains(subjects, s => s.Contains("turned off", StringComparison.Ordinal));
        Assert.Contains(subjects, s => s.Contains("password was changed", StringComparison.Ordinal));
        var bodies = string.Join("\n", (await MailboxAsync(owner)).Select(e => e.Body));
        Assert.DoesNotContain(newPassword, bodies, StringComparison.Ordinal);
        Assert.DoesNotContain(TestPractice.Password, bodies, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_patient_account_with_no_practice_group_is_emailed_too()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var identity = scope.ServiceProvider.GetRequiredService<IIdentityApi>();
            Assert.True((await identity.CreatePatientAccountAsync(new NewPatientAccount("mail.patient@example.test", "Patient-Password-2026", "Mia", "Patient"), default)).IsSuccess);
        }

        using var client = await app.SignedInClientAsync("mail.patient@example.test", "Patient-Password-2026");
        using var changed = await client.PostAsJsonAsync("/api/me/password", new { currentPassword = "Patient-Password-2026", newPassword = "Another-Patient-Passphrase" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        var email = Assert.Single(await MailboxAsync("mail.patient@example.test"));
        Assert.Contains("password was changed", email.Subject);
        Assert.Contains("Hello Mia", email.Body);
    }

    [Fact]
    public async Task A_refused_change_sends_no_email()
    {
        var owner = (await app.NewPracticeAsync()).AdminEmail;   // staff with no email yet (a practitioner has their invitation)
        using var client = await app.SignedInClientAsync(owner);
        using var weak = await client.PostAsJsonAsync("/api/me/password", new { currentPassword = TestPractice.Password, newPassword = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        using var wrong = await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/me/two-factor") { Content = JsonContent.Create(new { currentPassword = "not-the-password" }) });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);

        Assert.Empty(await MailboxAsync(owner));
    }

    [Fact]
    public async Task New_recovery_codes_replace_the_old_ones_and_need_the_password_and_two_factor_on()
    {
        var admin = (await app.NewPracticeAsync()).AdminEmail;
        var tokens = await app.LoginAsync(admin);
        using var client = app.ClientWith(tokens.AccessToken);
        using var whileOff = await client.PostAsJsonAsync("/api/me/two-factor/recovery-codes", new { currentPassword = TestPractice.Password });
        await ProblemAssert.IsProblemAsync(whileOff, HttpStatusCode.Conflict, "two-factor.not-enabled");

        var (_, oldCodes) = await EnableAsync(client);
        using var noPassword = await client.PostAsJsonAsync("/api/me/two-factor/recovery-codes", new { });
        Assert.NotEmpty(ProblemAssert.FieldErrors(await ProblemAssert.IsProblemAsync(noPassword, HttpStatusCode.BadRequest, "validation.failed"), "currentPassword"));
        using var wrongPassword = await client.PostAsJsonAsync("/api/me/two-factor/recovery-codes", new { currentPassword = "wrong-password-x" });
        await ProblemAssert.IsProblemAsync(wrongPassword, HttpStatusCode.BadRequest, "auth.wrong-password");

        using var renewed = await client.PostAsJsonAsync("/api/me/two-factor/recovery-codes", new { currentPassword = TestPractice.Password });
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        var newCodes = (await renewed.Content.ReadFromJsonAsync<NewRecoveryCodes>(PortalClients.Json))!.RecoveryCodes;
        Assert.Equal(10, newCodes.Count);
        Assert.Empty(newCodes.Intersect(oldCodes));

        using var old = await app.PostLoginAsync(admin, recoveryCode: oldCodes[0]);
        await ProblemAssert.IsProblemAsync(old, HttpStatusCode.Unauthorized, "auth.invalid-two-factor-code");
        using var fresh = await app.PostLoginAsync(admin, recoveryCode: newCodes[0]);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    [Fact]
    public async Task An_authenticator_code_signs_in_once_and_older_codes_not_at_all()
    {
        var drLee = await NewPractitionerAsync();
        using var client = await app.SignedInClientAsync(drLee);
        var (key, _) = await EnableAsync(client);
        var enabledAt = app.Clock.GetUtcNow();

        // The code that turned it on is spent already.
        using var enablingCode = await app.PostLoginAsync(drLee, twoFactorCode: Totp.Code(key, enabledAt));
        await ProblemAssert.IsProblemAsync(enablingCode, HttpStatusCode.Unauthorized, "auth.invalid-two-factor-code");

        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var code = Totp.Code(key, app.Clock.GetUtcNow());
        using var first = await app.PostLoginAsync(drLee, twoFactorCode: code);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var replay = await app.PostLoginAsync(drLee, twoFactorCode: code);
        await ProblemAssert.IsProblemAsync(replay, HttpStatusCode.Unauthorized, "auth.invalid-two-factor-code");

        // Still inside the accepted drift, but older than the code used: refused.
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        using var older = await app.PostLoginAsync(drLee, twoFactorCode: code);
        await ProblemAssert.IsProblemAsync(older, HttpStatusCode.Unauthorized, "auth.invalid-two-factor-code");
        using var next = await app.PostLoginAsync(drLee, twoFactorCode: Totp.Code(key, app.Clock.GetUtcNow()));
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task Two_sign_ins_racing_with_one_code_give_one_session()
    {
        var admin = (await app.NewPracticeAsync()).AdminEmail;
        using var client = await app.SignedInClientAsync(admin);
        var (key, _) = await EnableAsync(client);
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var code = Totp.Code(key, app.Clock.GetUtcNow());

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.PostLoginAsync(admin, twoFactorCode: code)));

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
        using var setup = await client.PostAsJsonAsync("/api/me/two-factor/setup", new { currentPassword = TestPractice.Password });
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        return (await setup.Content.ReadFromJsonAsync<Setup>(PortalClients.Json))!.SharedKey;
    }

    private async Task<(string Key, List<string> RecoveryCodes)> EnableAsync(HttpClient client)
    {
        var key = await SetUpAsync(client);
        using var enable = await client.PostAsJsonAsync("/api/me/two-factor/enable",
            new { code = Totp.Code(key, app.Clock.GetUtcNow()), currentPassword = TestPractice.Password });
        Assert.Equal(HttpStatusCode.OK, enable.StatusCode);
        var codes = (await enable.Content.ReadFromJsonAsync<NewRecoveryCodes>(PortalClients.Json))!.RecoveryCodes;
        return (key, codes);
    }

    private async Task<HttpResponseMessage> RefreshAsync(string refreshToken)
    {
        using var client = app.CreateClient();
        return await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken });
    }

    private async Task<List<MailboxEmail>> MailboxAsync(string to)
    {
        await app.RunMessagingAsync();
        using var client = app.CreateClient();
        return (await client.GetFromJsonAsync<List<MailboxEmail>>($"/api/dev/mailbox?to={Uri.EscapeDataString(to)}", PortalClients.Json))!;
    }

    /// <summary>A practitioner of a practice of the test's own, whose two-factor sign-in the test may turn on.</summary>
    private async Task<string> NewPractitionerAsync() => await (await app.NewPracticeAsync()).AddPractitionerAsync();

    private sealed record Setup(string SharedKey);

    private sealed record NewRecoveryCodes(List<string> RecoveryCodes);
}
