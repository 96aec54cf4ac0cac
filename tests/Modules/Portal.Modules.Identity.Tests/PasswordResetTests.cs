using System.Net;
using System.Net.Http.Json;
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
public sealed partial class PasswordResetTests(PortalApp app) : IClassFixture<PortalApp>
{
    private const string AvaPassword = "Ava's own long passphrase";
    private const string NewPassword = "a brand new harbour passphrase";

    [Fact]
    public async Task A_patient_resets_through_the_emailed_link_and_every_session_ends()
    {
        var practice = await app.NewPracticeAsync();
        var ava = await practice.AddPatientAsync();
        await app.LinkPatientRecordAsync(ava.Email, AvaPassword, ava.Id, practice.Id);
        var phone = await app.LoginAsync(ava.Email, AvaPassword);
        var laptop = await app.LoginAsync(ava.Email, AvaPassword);
        using var anonymous = app.CreateClient();

        using var asked = await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = ava.Email });
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        var (link, token) = await LatestResetLinkAsync(app, ava.Email);
        Assert.Equal($"http://localhost:5080/reset-password/{token}", link);
        Assert.True(token.Length >= 22, "at least 128 random bits");
        Assert.All(await app.PlacesHoldingAsync(token), place => Assert.StartsWith("notifications.DevelopmentMailbox.", place));

        var details = (await anonymous.GetFromJsonAsync<ResetDetails>($"/api/auth/password-reset/{token}", PortalClients.Json))!;
        Assert.Equal(ava.Email, details.Email);
        Assert.Equal(app.Clock.GetUtcNow().AddMinutes(30), details.ExpiresAt, TimeSpan.FromSeconds(1));

        using var reset = await anonymous.PostAsJsonAsync($"/api/auth/password-reset/{token}", new { newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);

        foreach (var session in new[] { phone, laptop })
        {
            using var me = await app.ClientWith(session.AccessToken).GetAsync("/api/me");
            await ProblemAssert.IsProblemAsync(me, HttpStatusCode.Unauthorized, "auth.unauthenticated");
            using var refreshed = await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = session.RefreshToken });
            Assert.Equal(HttpStatusCode.Unauthorized, refreshed.StatusCode);
        }

        using var oldPassword = await app.PostLoginAsync(ava.Email, AvaPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
        await app.LoginAsync(ava.Email, NewPassword);

        await app.RunMessagingAsync();
        var told = Assert.Single(await MailboxAsync(app, ava.Email), m => m.Subject == "Your portal password was changed");
        Assert.Contains("every device signed in to the account was signed out", told.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(token, told.Body, StringComparison.Ordinal);

        using var again = await anonymous.PostAsJsonAsync($"/api/auth/password-reset/{token}", new { newPassword = "yet another long passphrase" });
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Gone, "password-reset.used");
        using var lookAgain = await anonymous.GetAsync($"/api/auth/password-reset/{token}");
        await ProblemAssert.IsProblemAsync(lookAgain, HttpStatusCode.Gone, "password-reset.used");
        await app.LoginAsync(ava.Email, NewPassword);
    }

    [Fact]
    public async Task A_practitioners_link_opens_the_admin_app()
    {
        var practitioner = await NewPractitionerAsync();
        using var anonymous = app.CreateClient();

        using var asked = await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = practitioner.ToUpperInvariant() });
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);

        var (link, token) = await LatestResetLinkAsync(app, practitioner);
        Assert.Equal($"http://localhost:5080/admin/reset-password/{token}", link);
        using var reset = await anonymous.PostAsJsonAsync($"/api/auth/password-reset/{token}", new { newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        await app.LoginAsync(practitioner, NewPassword);
    }

    [Fact]
    public async Task An_unknown_email_gets_the_same_answer_the_same_work_and_no_email()
    {
        var practitioner = await NewPractitionerAsync();
        var nobody = $"nobody.{Guid.NewGuid():N}@nowhere.test";
        using var anonymous = app.CreateClient();
        var (tokensBefore, askedBefore) = await ResetWorkAsync();
        var emailsBefore = (await MailboxAsync(app, practitioner)).Count;   // the invitation to join

        using var known = await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = practitioner });
        using var unknown = await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = nobody });

        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(await known.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
        Assert.Equal(known.Content.Headers.ContentType, unknown.Content.Headers.ContentType);
        Assert.Equal(known.Headers.Location, unknown.Headers.Location);

        // Within the request both only write the request down: no account lookup, no link, nothing that takes longer for one of them.
        var (tokensAfter, askedAfter) = await ResetWorkAsync();
        Assert.Equal(tokensBefore, tokensAfter);
        Assert.Equal(2, askedAfter.Except(askedBefore).Count());

        await app.RunJobAsync(Portal.Testing.Jobs.OutboxRelay);
        await app.RunMessagingAsync();
        var emails = await MailboxAsync(app, practitioner);
        Assert.Equal(emailsBefore + 1, emails.Count);
        Assert.Single(emails, m => m.Subject == "Reset your portal password");
        Assert.Empty(await MailboxAsync(app, nobody));
    }

    [Fact]
    public async Task The_link_is_stored_only_as_a_hash()
    {
        var practitioner = await NewPractitionerAsync();
        var practitionerId = await UserIdAsync(practitioner);
        using var anonymous = app.CreateClient();
        (await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = practitioner })).EnsureSuccessStatusCode();
        var (_, token) = await LatestResetLinkAsync(app, practitioner);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityModuleDbContext>();
        var stored = Assert.Single(await db.PasswordResetTokens.Where(t => t.UserId == practitionerId).ToListAsync());
        Assert.Equal(SecretTokens.Hash(token), stored.TokenHash);
        Assert.Equal(practitionerId, stored.UserId);
    }

    /// <summary>Sets the Host's configuration, so it has a Host of its own.</summary>
    [Fact]
    public async Task A_link_expires_after_the_configured_minutes()
    {
        await using var own = new PortalApp();
        own.Settings["PasswordReset:LinkMinutes"] = "5";
        using var anonymous = own.CreateClient();
        (await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = DemoData.DrLeeEmail })).EnsureSuccessStatusCode();
        var (_, token) = await LatestResetLinkAsync(own, DemoData.DrLeeEmail);

        own.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/auth/password-reset/{token}")).StatusCode);
        own.Clock.Advance(TimeSpan.FromMinutes(1));

        using var look = await anonymous.GetAsync($"/api/auth/password-reset/{token}");
        await ProblemAssert.IsProblemAsync(look, HttpStatusCode.Gone, "password-reset.expired");
        using var reset = await anonymous.PostAsJsonAsync($"/api/auth/password-reset/{token}", new { newPassword = NewPassword });
        await ProblemAssert.IsProblemAsync(reset, HttpStatusCode.Gone, "password-reset.expired");
        await own.LoginAsync(DemoData.DrLeeEmail);
    }

    [Fact]
    public async Task A_new_request_ends_the_older_unused_link()
    {
        var practitioner = await NewPractitionerAsync();
        using var anonymous = app.CreateClient();
        (await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = practitioner })).EnsureSuccessStatusCode();
        var (_, first) = await LatestResetLinkAsync(app, practitioner);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        (await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = practitioner })).EnsureSuccessStatusCode();
        var (_, second) = await LatestResetLinkAsync(app, practitioner);
        Assert.NotEqual(first, second);

        using var old = await anonymous.PostAsJsonAsync($"/api/auth/password-reset/{first}", new { newPassword = NewPassword });
        await ProblemAssert.IsProblemAsync(old, HttpStatusCode.Gone, "password-reset.expired");
        using var newest = await anonymous.PostAsJsonAsync($"/api/auth/password-reset/{second}", new { newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, newest.StatusCode);
    }

    [Theory]
    [InlineData("not-a-token-anyone-was-given")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    public async Task An_unknown_link_is_404(string token)
    {
        using var anonymous = app.CreateClient();

        using var look = await anonymous.GetAsync($"/api/auth/password-reset/{token}");
        await ProblemAssert.IsProblemAsync(look, HttpStatusCode.NotFound, "password-reset.not-found");
        using var reset = await anonymous.PostAsJsonAsync($"/api/auth/password-reset/{token}", new { newPassword = NewPassword });
        await ProblemAssert.IsProblemAsync(reset, HttpStatusCode.NotFound, "password-reset.not-found");
    }

    [Fact]
    public async Task A_refused_new_password_says_why_and_spends_neither_the_link_nor_the_sessions()
    {
        var practitioner = await NewPractitionerAsync();
        var session = await app.LoginAsync(practitioner);
        using var anonymous = app.CreateClient();
        (await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = practitioner })).EnsureSuccessStatusCode();
        var (_, token) = await LatestResetLinkAsync(app, practitioner);

        using var common = await anonymous.PostAsJsonAsync($"/api/auth/password-reset/{token}", new { newPassword = "password1234" });
        var problem = await ProblemAssert.IsProblemAsync(common, HttpStatusCode.BadRequest, IdentityErrorCodes.WeakPassword);
        Assert.Contains(ProblemAssert.FieldErrors(problem, "newPassword"), e => e.Contains("most commonly used", StringComparison.Ordinal));
        using var shortOne = await anonymous.PostAsJsonAsync($"/api/auth/password-reset/{token}", new { newPassword = "short" });
        problem = await ProblemAssert.IsProblemAsync(shortOne, HttpStatusCode.BadRequest, IdentityErrorCodes.WeakPassword);
        Assert.Contains("Too short: use at least 12 characters.", ProblemAssert.FieldErrors(problem, "newPassword"));
        using var empty = await anonymous.PostAsJsonAsync($"/api/auth/password-reset/{token}", new { newPassword = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);

        using var me = await app.ClientWith(session.AccessToken).GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        await app.LoginAsync(practitioner);
        await app.RunMessagingAsync();
        Assert.DoesNotContain(await MailboxAsync(app, practitioner), m => m.Subject == "Your portal password was changed");
        using var reset = await anonymous.PostAsJsonAsync($"/api/auth/password-reset/{token}", new { newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
    }

    [Fact]
    public async Task A_reset_lifts_the_lockout_that_guessing_caused()
    {
        var practitioner = await NewPractitionerAsync();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            using var wrong = await app.PostLoginAsync(practitioner, "somebody guessing " + attempt);
        }

        using var locked = await app.PostLoginAsync(practitioner);
        Assert.NotEqual(HttpStatusCode.OK, locked.StatusCode);

        using var anonymous = app.CreateClient();
        (await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = practitioner })).EnsureSuccessStatusCode();
        var (_, token) = await LatestResetLinkAsync(app, practitioner);
        using var reset = await anonymous.PostAsJsonAsync($"/api/auth/password-reset/{token}", new { newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);

        await app.LoginAsync(practitioner, NewPassword);
    }

    [Fact]
    public async Task Racing_resets_with_one_link_set_exactly_one_password()
    {
        var practitioner = await NewPractitionerAsync();
        using var anonymous = app.CreateClient();
        (await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = practitioner })).EnsureSuccessStatusCode();
        var (_, token) = await LatestResetLinkAsync(app, practitioner);
        var passwords = Enumerable.Range(1, 5).Select(i => $"racing passphrase number {i}").ToArray();

        var responses = await Task.WhenAll(passwords.Select(p =>
            app.CreateClient().PostAsJsonAsync($"/api/auth/password-reset/{token}", new { newPassword = p })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.NoContent);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.NoContent))
        {
            await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Gone, "password-reset.used");
        }

        var winner = passwords[Array.FindIndex(responses, r => r.StatusCode == HttpStatusCode.NoContent)];
        foreach (var password in passwords)
        {
            using var login = await app.PostLoginAsync(practitioner, password);
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
        using var anonymous = app.CreateClient();

        using var asked = await anonymous.PostAsync("/api/auth/password-reset", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, asked.StatusCode);
        Assert.Equal("application/problem+json", asked.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Nobody_can_flood_an_owners_mailbox_with_links()
    {
        var practitioner = await NewPractitionerAsync();
        using var anonymous = app.CreateClient();
        for (var i = 0; i < 7; i++)
        {
            (await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = practitioner })).EnsureSuccessStatusCode();
        }

        await app.RunJobAsync(Portal.Testing.Jobs.OutboxRelay);
        await app.RunMessagingAsync();
        Assert.Equal(5, (await MailboxAsync(app, practitioner)).Count(m => m.Subject == "Reset your portal password"));

        app.Clock.Advance(TimeSpan.FromMinutes(61));
        (await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = practitioner })).EnsureSuccessStatusCode();
        var (_, token) = await LatestResetLinkAsync(app, practitioner);
        Assert.Equal(6, (await MailboxAsync(app, practitioner)).Count(m => m.Subject == "Reset your portal password"));
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
        var practitioner = await NewPractitionerAsync();
        using var anonymous = app.CreateClient();
        (await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = practitioner })).EnsureSuccessStatusCode();
        var (_, token) = await LatestResetLinkAsync(app, practitioner);

        using var reset = await anonymous.PostAsync($"/api/auth/password-reset/{token}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, reset.StatusCode);
        Assert.Equal("application/problem+json", reset.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/auth/password-reset/{token}")).StatusCode);
        await app.LoginAsync(practitioner);
    }

    /// <summary>Sets the Host's configuration, so it has a Host of its own.</summary>
    [Fact]
    public async Task Asking_for_links_is_rate_limited_per_address()
    {
        await using var own = new PortalApp();
        own.Settings["RateLimiting:Anonymous:PermitLimit"] = "3";
        using var anonymous = own.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var asked = await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = $"someone{i}@harbour.test" });
            statuses.Add(asked.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Accepted, statuses[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    /// <summary>A practitioner of a practice of the test's own, whose password the test may change.</summary>
    private async Task<string> NewPractitionerAsync() => await (await app.NewPracticeAsync()).AddPractitionerAsync();

    private async Task<Guid> UserIdAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<IIdentityApi>().FindAccountByEmailAsync(email, default);
        return account!.UserId;
    }

    /// <summary>How many reset links are stored, and which reset requests the outbox holds.</summary>
    private async Task<(int Tokens, List<Guid> Asked)> ResetWorkAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityModuleDbContext>();
        var tokens = await db.PasswordResetTokens.CountAsync();
        var asked = await db.Set<OutboxMessage>().Where(m => m.Type == "identity.password-reset-asked").Select(m => m.Id).ToListAsync();
        return (tokens, asked);
    }

    private static async Task<List<MailboxEmail>> MailboxAsync(PortalApp app, string email)
    {
        using var client = app.CreateClient();
        return (await client.GetFromJsonAsync<List<MailboxEmail>>($"/api/dev/mailbox?to={Uri.EscapeDataString(email)}", PortalClients.Json))!;
    }

    /// <summary>Relays the request (Identity's own consumer makes the link), then the email, and reads the newest link.</summary>
    private static async Task<(string Link, string Token)> LatestResetLinkAsync(PortalApp app, string email)
    {
        await app.RunJobAsync(Portal.Testing.Jobs.OutboxRelay);
        await app.RunMessagingAsync();
        var latest = (await MailboxAsync(app, email)).First(m => m.Subject == "Reset your portal password");
        var match = ResetLink().Match(latest.Body);
        Assert.True(match.Success, "the email has no reset link");
        return (match.Value, match.Groups[1].Value);
    }

    private sealed record ResetDetails(string Email, DateTimeOffset ExpiresAt);

    [GeneratedRegex(@"http://localhost:5080(?:/admin)?/reset-password/([A-Za-z0-9_-]+)")]
    private static partial Regex ResetLink();
}
