using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Data;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Shared.Abstractions;
using Portal.Shared.Messaging;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Identity.Tests;

/// <summary>Forgotten password: a single-use, short-lived link by email, the same answer for any email, every session ended.</summary>
public sealed partial class PasswordResetTests : IAsyncLifetime
{
    private const string AvaEmail = "ava@example.test";
    private const string AvaPassword = "Ava's own long passphrase";
    private const string NewPassword = "a brand new harbour passphrase";
    private readonly PortalApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_patient_resets_through_the_emailed_link_and_every_session_ends()
    {
        await _app.LinkPatientRecordAsync(AvaEmail, AvaPassword, DemoPatients.AvaNguyenId, DemoData.HarbourHealthId);
        var phone = await _app.LoginAsync(AvaEmail, AvaPassword);
        var laptop = await _app.LoginAsync(AvaEmail, AvaPassword);
        using var anonymous = _app.CreateClient();

        using var asked = await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = AvaEmail });
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        var (link, token) = await LatestResetLinkAsync(AvaEmail);
        Assert.Equal($"http://localhost:5080/reset-password/{token}", link);
        Assert.True(token.Length >= 22, "at least 128 random bits");
        Assert.All(await _app.PlacesHoldingAsync(token), place => Assert.StartsWith("notifications.DevelopmentMailbox.", place));

        var details = await (await anonymous.GetAsync($"/api/auth/password-reset/{token}")).JsonAsync();
        Assert.Equal(AvaEmail, details.GetProperty("email").GetString());
        Assert.Equal(_app.Clock.GetUtcNow().AddMinutes(30), details.GetProperty("expiresAt").GetDateTimeOffset(), TimeSpan.FromSeconds(1));

        using var reset = await anonymous.PostAsJsonAsync($"/api/auth/password-reset/{token}", new { newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);

        foreach (var session in new[] { phone, laptop })
        {
            using var me = await _app.ClientWith(session.AccessToken).GetAsync("/api/me");
            await ProblemAssert.IsProblemAsync(me, HttpStatusCode.Unauthorized, "auth.unauthenticated");
            using var refreshed = await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = session.RefreshToken });
            Assert.Equal(HttpStatusCode.Unauthorized, refreshed.StatusCode);
        }

        using var oldPassword = await _app.PostLoginAsync(AvaEmail, AvaPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
        await _app.LoginAsync(AvaEmail, NewPassword);

        await _app.RunMessagingAsync();
        var told = Assert.Single(await MailboxAsync(AvaEmail), m => m.Subject == "Your portal password was changed");
        Assert.Contains("every device signed in to the account was signed out", told.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(token, told.Body, StringComparison.Ordinal);

        using var again = await anonymous.PostAsJsonAsync($"/api/auth/password-reset/{token}", new { newPassword = "yet another long passphrase" });
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Gone, "password-reset.used");
        using var lookAgain = await anonymous.GetAsync($"/api/auth/password-reset/{token}");
        await ProblemAssert.IsProblemAsync(lookAgain, HttpStatusCode.Gone, "password-reset.used");
        await _app.LoginAsync(AvaEmail, NewPassword);
    }

    [Fact]
    public async Task A_practitioners_link_opens_the_admin_app()
    {
        using var anonymous = _app.CreateClient();

        using var asked = await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = DemoData.DrLeeEmail.ToUpperInvariant() });
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);

        var (link, token) = await LatestResetLinkAsync(DemoData.DrLeeEmail);
        Assert.Equal($"http://localhost:5080/admin/reset-password/{token}", link);
        using var reset = await anonymous.PostAsJsonAsync($"/api/auth/password-reset/{token}", new { newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        await _app.LoginAsync(DemoData.DrLeeEmail, NewPassword);
    }

    [Fact]
    public async Task An_unknown_email_gets_the_same_answer_the_same_work_and_no_email()
    {
        using var anonymous = _app.CreateClient();

        using var known = await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = DemoData.DrLeeEmail });
        using var unknown = await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = "nobody@harbour.test" });

        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(await known.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
        Assert.Equal(known.Content.Headers.ContentType, unknown.Content.Headers.ContentType);
        Assert.Equal(known.Headers.Location, unknown.Headers.Location);

        // Within the request both only write the request down: no account lookup, no link, nothing that takes longer for one of them.
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IdentityModuleDbContext>();
            Assert.Equal(0, await db.PasswordResetTokens.CountAsync());
            var asked = await db.Set<OutboxMessage>().Where(m => m.Type == "identity.password-reset-asked").ToListAsync();
            Assert.Equal(2, asked.Count);
        }

        await _app.RunJobAsync(Portal.Testing.Jobs.OutboxRelay);
        await _app.RunMessagingAsync();
        Assert.Single(await MailboxAsync(DemoData.DrLeeEmail));
        Assert.Empty(await MailboxAsync("nobody@harbour.test"));
    }

    [Fact]
    public async Task The_link_is_stored_only_as_a_hash()
    {
        using var anonymous = _app.CreateClient();
        (await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = DemoData.DrLeeEmail })).EnsureSuccessStatusCode();
        var (_, token) = await LatestResetLinkAsync(DemoData.DrLeeEmail);

        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityModuleDbContext>();
        var stored = Assert.Single(await db.PasswordResetTokens.ToListAsync());
        Assert.Equal(SecretTokens.Hash(token), stored.TokenHash);
        Assert.Equal(DemoData.DrLeeId, stored.UserId);
    }

    [Fact]
    public async Task A_link_expires_after_the_configured_minutes()
    {
        _app.Settings["PasswordReset:LinkMinutes"] = "5";
        using var anonymous = _app.CreateClient();
        (await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = DemoData.DrLeeEmail })).EnsureSuccessStatusCode();
        var (_, token) = await LatestResetLinkAsync(DemoData.DrLeeEmail);

        _app.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/auth/password-reset/{token}")).StatusCode);
        _app.Clock.Advance(TimeSpan.FromMinutes(1));

        using var look = await anonymous.GetAsync($"/api/auth/password-reset/{token}");
        await ProblemAssert.IsProblemAsync(look, HttpStatusCode.Gone, "password-reset.expired");
        using var reset = await anonymous.PostAsJsonAsync($"/api/auth/password-reset/{token}", new { newPassword = NewPassword });
        await ProblemAssert.IsProblemAsync(reset, HttpStatusCode.Gone, "password-reset.expired");
        await _app.LoginAsync(DemoData.DrLeeEmail);
    }

    [Fact]
    public async Task A_new_request_ends_the_older_unused_link()
    {
        using var anonymous = _app.CreateClient();
        (await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = DemoData.DrLeeEmail })).EnsureSuccessStatusCode();
        var (_, first) = await LatestResetLinkAsync(DemoData.DrLeeEmail);
        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        (await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = DemoData.DrLeeEmail })).EnsureSuccessStatusCode();
        var (_, second) = await LatestResetLinkAsync(DemoData.DrLeeEmail);
        Assert.NotEqual(first, second);

        using var old = await anonymous.PostAsJsonAsync($"/api/auth/password-reset/{first}", new { newPassword = NewPassword });
        await ProblemAssert.IsProblemAsync(old, HttpStatusCode.Gone, "password-reset.expired");
        using var newest = await anonymous.PostAsJsonAsync($"/api/auth/password-reset/{second}", new { newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, newest.StatusCode);
    }

    [Theory]
    [InlineData("not-a-token-anyone-was-given")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    public async Task An_unknown_link_is_404(string token)
    {
        using var anonymous = _app.CreateClient();

        using var look = await anonymous.GetAsync($"/api/auth/password-reset/{token}");
        await ProblemAssert.IsProblemAsync(look, HttpStatusCode.NotFound, "password-reset.not-found");
        using var reset = await anonymous.PostAsJsonAsync($"/api/auth/password-reset/{token}", new { newPassword = NewPassword });
        await ProblemAssert.IsProblemAsync(reset, HttpStatusCode.NotFound, "password-reset.not-found");
    }

    [Fact]
    public async Task A_refused_new_password_says_why_and_spends_neither_the_link_nor_the_sessions()
    {
        var session = await _app.LoginAsync(DemoData.DrLeeEmail);
        using var anonymous = _app.CreateClient();
        (await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = DemoData.DrLeeEmail })).EnsureSuccessStatusCode();
        var (_, token) = await LatestResetLinkAsync(DemoData.DrLeeEmail);

        using var common = await anonymous.PostAsJsonAsync($"/api/auth/password-reset/{token}", new { newPassword = "password1234" });
        var problem = await ProblemAssert.IsProblemAsync(common, HttpStatusCode.BadRequest, IdentityErrorCodes.WeakPassword);
        Assert.Contains(ProblemAssert.FieldErrors(problem, "newPassword"), e => e.Contains("most commonly used", StringComparison.Ordinal));
        using var shortOne = await anonymous.PostAsJsonAsync($"/api/auth/password-reset/{token}", new { newPassword = "short" });
        problem = await ProblemAssert.IsProblemAsync(shortOne, HttpStatusCode.BadRequest, IdentityErrorCodes.WeakPassword);
        Assert.Contains("Too short: use at least 12 characters.", ProblemAssert.FieldErrors(problem, "newPassword"));
        using var empty = await anonymous.PostAsJsonAsync($"/api/auth/password-reset/{token}", new { newPassword = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);

        using var me = await _app.ClientWith(session.AccessToken).GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        await _app.LoginAsync(DemoData.DrLeeEmail);
        await _app.RunMessagingAsync();
        Assert.DoesNotContain(await MailboxAsync(DemoData.DrLeeEmail), m => m.Subject == "Your portal password was changed");
        using var reset = await anonymous.PostAsJsonAsync($"/api/auth/password-reset/{token}", new { newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
    }

    [Fact]
    public async Task A_reset_lifts_the_lockout_that_guessing_caused()
    {
        for (var attempt = 0; attempt < 6; attempt++)
        {
            using var wrong = await _app.PostLoginAsync(DemoData.DrLeeEmail, "somebody guessing " + attempt);
        }

        using var locked = await _app.PostLoginAsync(DemoData.DrLeeEmail);
        Assert.NotEqual(HttpStatusCode.OK, locked.StatusCode);

        using var anonymous = _app.CreateClient();
        (await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = DemoData.DrLeeEmail })).EnsureSuccessStatusCode();
        var (_, token) = await LatestResetLinkAsync(DemoData.DrLeeEmail);
        using var reset = await anonymous.PostAsJsonAsync($"/api/auth/password-reset/{token}", new { newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);

        await _app.LoginAsync(DemoData.DrLeeEmail, NewPassword);
    }

    [Fact]
    public async Task Racing_resets_with_one_link_set_exactly_one_password()
    {
        using var anonymous = _app.CreateClient();
        (await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = DemoData.DrLeeEmail })).EnsureSuccessStatusCode();
        var (_, token) = await LatestResetLinkAsync(DemoData.DrLeeEmail);
        var passwords = Enumerable.Range(1, 5).Select(i => $"racing passphrase number {i}").ToArray();

        var responses = await Task.WhenAll(passwords.Select(p =>
            _app.CreateClient().PostAsJsonAsync($"/api/auth/password-reset/{token}", new { newPassword = p })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.NoContent);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.NoContent))
        {
            await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Gone, "password-reset.used");
        }

        var winner = passwords[Array.FindIndex(responses, r => r.StatusCode == HttpStatusCode.NoContent)];
        foreach (var password in passwords)
        {
            using var login = await _app.PostLoginAsync(DemoData.DrLeeEmail, password);
            Assert.Equal(password == winner ? HttpStatusCode.OK : HttpStatusCode.Unauthorized, login.StatusCode);
        }
    }

    [Theory]
    [InlineData("""{"email":""}""")]
    [InlineData("""{"email":"not an email"}""")]
    [InlineData("""{"email":null}""")]
    [InlineData("""{}""")]
    public async Task A_request_without_a_usable_email_is_400(string body)
    {
        using var anonymous = _app.CreateClient();

        using var asked = await anonymous.PostAsync("/api/auth/password-reset", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, asked.StatusCode);
        Assert.Equal("application/problem+json", asked.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Nobody_can_flood_an_owners_mailbox_with_links()
    {
        using var anonymous = _app.CreateClient();
        for (var i = 0; i < 7; i++)
        {
            (await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = DemoData.DrLeeEmail })).EnsureSuccessStatusCode();
        }

        await _app.RunJobAsync(Portal.Testing.Jobs.OutboxRelay);
        await _app.RunMessagingAsync();
        Assert.Equal(5, (await MailboxAsync(DemoData.DrLeeEmail)).Count(m => m.Subject == "Reset your portal password"));

        _app.Clock.Advance(TimeSpan.FromMinutes(61));
        (await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = DemoData.DrLeeEmail })).EnsureSuccessStatusCode();
        var (_, token) = await LatestResetLinkAsync(DemoData.DrLeeEmail);
        Assert.Equal(6, (await MailboxAsync(DemoData.DrLeeEmail)).Count(m => m.Subject == "Reset your portal password"));
        using var reset = await anonymous.PostAsJsonAsync($"/api/auth/password-reset/{token}", new { newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
    }

    [Theory]
    [InlineData("""{"newPassword":5}""")]
    [InlineData("""{"newPassword":null}""")]
    [InlineData("""{}""")]
    [InlineData("""null""")]
    [InlineData("""[]""")]
    [InlineData("""{"newPassword":"a brand new harbour passphrase","newPassword":"password1234"}""")]
    public async Task A_malformed_reset_is_400_and_spends_nothing(string body)
    {
        using var anonymous = _app.CreateClient();
        (await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = DemoData.DrLeeEmail })).EnsureSuccessStatusCode();
        var (_, token) = await LatestResetLinkAsync(DemoData.DrLeeEmail);

        using var reset = await anonymous.PostAsync($"/api/auth/password-reset/{token}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, reset.StatusCode);
        Assert.Equal("application/problem+json", reset.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/auth/password-reset/{token}")).StatusCode);
        await _app.LoginAsync(DemoData.DrLeeEmail);
    }

    [Fact]
    public async Task Asking_for_links_is_rate_limited_per_address()
    {
        await using var app = new PortalApp();
        app.Settings["RateLimiting:Anonymous:PermitLimit"] = "3";
        using var anonymous = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var asked = await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = $"someone{i}@harbour.test" });
            statuses.Add(asked.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Accepted, statuses[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    private async Task<List<MailboxEmail>> MailboxAsync(string email)
    {
        using var client = _app.CreateClient();
        var json = await client.GetStringAsync($"/api/dev/mailbox?to={Uri.EscapeDataString(email)}");
        return JsonSerializer.Deserialize<List<MailboxEmail>>(json, PortalClients.Json)!;
    }

    /// <summary>Relays the request (Identity's own consumer makes the link), then the email, and reads the newest link.</summary>
    private async Task<(string Link, string Token)> LatestResetLinkAsync(string email)
    {
        await _app.RunJobAsync(Portal.Testing.Jobs.OutboxRelay);
        await _app.RunMessagingAsync();
        var latest = (await MailboxAsync(email)).First(m => m.Subject == "Reset your portal password");
        var match = ResetLink().Match(latest.Body);
        Assert.True(match.Success, "the email has no reset link");
        return (match.Value, match.Groups[1].Value);
    }

    [GeneratedRegex(@"http://localhost:5080(?:/admin)?/reset-password/([A-Za-z0-9_-]+)")]
    private static partial Regex ResetLink();
}
