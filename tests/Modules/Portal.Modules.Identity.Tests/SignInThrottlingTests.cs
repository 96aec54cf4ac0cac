using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Data;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Identity.Tests;

/// <summary>Failed sign-ins are counted per email and client address, with growing waits, alike for emails with and without an account.</summary>
public sealed class SignInThrottlingTests : IAsyncLifetime
{
    private const string Attacker = "203.0.113.7";
    private const string Owner = "198.51.100.20";

    private readonly PortalApp _app = ClientAddresses.NewApp(new()
    {
        ["Auth:MaxFailedSignInAttempts"] = "5",
        ["Auth:LockoutMinutes"] = "1",
        ["Auth:MaxLockoutMinutes"] = "4",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_email_without_an_account_gets_exactly_the_answers_of_a_real_one()
    {
        var real = await FailFiveTimesAsync(DemoData.SummitAdminEmail);
        var unknown = await FailFiveTimesAsync("nobody-here@summit.test");

        Assert.Equal(real, unknown);
        Assert.Equal(["401 auth.invalid-credentials", "401 auth.invalid-credentials", "401 auth.invalid-credentials",
            "401 auth.invalid-credentials", "423 auth.locked-out", "423 auth.locked-out"], real);
    }

    [Fact]
    public async Task Guessing_from_one_address_never_locks_the_owner_out_at_another()
    {
        for (var attempt = 0; attempt < 12; attempt++)
        {
            _app.Clock.Advance(TimeSpan.FromMinutes(5));   // the attacker waits out every wait and keeps going
            using var guess = await _app.PostLoginFromAsync(Attacker, DemoData.DrLeeEmail, "guess-number-" + attempt);
            Assert.True(guess.StatusCode is HttpStatusCode.Unauthorized or (HttpStatusCode)423);
        }

        using var attackerRight = await _app.PostLoginFromAsync(Attacker, DemoData.DrLeeEmail);
        await ProblemAssert.IsProblemAsync(attackerRight, (HttpStatusCode)423, "auth.locked-out");

        using var owner = await _app.PostLoginFromAsync(Owner, DemoData.DrLeeEmail);
        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
    }

    [Fact]
    public async Task Fresh_addresses_of_one_IPv6_network_do_not_buy_fresh_guesses()
    {
        var answers = new List<HttpStatusCode>();
        for (var host = 1; host <= 6; host++)
        {
            using var guess = await _app.PostLoginFromAsync($"2001:db8:7:1::{host:x}", DemoData.DrLeeEmail, "guess-number-" + host);
            answers.Add(guess.StatusCode);
        }

        Assert.Equal((HttpStatusCode)423, answers[^1]);   // the sixth address of the same /64 waits like the first
        using var otherNetwork = await _app.PostLoginFromAsync("2001:db8:7:2::1", DemoData.DrLeeEmail);
        Assert.Equal(HttpStatusCode.OK, otherNetwork.StatusCode);
    }

    [Fact]
    public async Task Each_failure_after_the_first_wait_doubles_it_up_to_the_cap()
    {
        await FailFiveTimesAsync(DemoData.HarbourAdminEmail);   // waits 1 minute

        await WaitAndFailAsync(TimeSpan.FromMinutes(1));          // the 6th failure: 2 minutes
        await AssertLockedForAsync(TimeSpan.FromMinutes(2));
        await WaitAndFailAsync(TimeSpan.Zero);                     // the 7th: 4 minutes
        await AssertLockedForAsync(TimeSpan.FromMinutes(4));
        await WaitAndFailAsync(TimeSpan.Zero);                     // the 8th: 8, capped at 4
        await AssertLockedForAsync(TimeSpan.FromMinutes(4));

        using var signedIn = await _app.PostLoginFromAsync(Attacker, DemoData.HarbourAdminEmail);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);

        // A success forgets the failures: the next wrong password is an ordinary 401 again.
        using var afterSuccess = await _app.PostLoginFromAsync(Attacker, DemoData.HarbourAdminEmail, "wrong-once-more");
        await ProblemAssert.IsProblemAsync(afterSuccess, HttpStatusCode.Unauthorized, "auth.invalid-credentials");
    }

    [Fact]
    public async Task Failures_long_ago_are_forgotten()
    {
        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var failed = await _app.PostLoginFromAsync(Attacker, DemoData.DrLeeEmail, "old-guess-" + attempt);
        }

        _app.Clock.Advance(TimeSpan.FromHours(25));
        using var next = await _app.PostLoginFromAsync(Attacker, DemoData.DrLeeEmail, "new-guess");
        await ProblemAssert.IsProblemAsync(next, HttpStatusCode.Unauthorized, "auth.invalid-credentials");
    }

    [Fact]
    public async Task The_job_deletes_counts_past_the_memory_period_and_keeps_recent_ones()
    {
        using var old = await _app.PostLoginFromAsync(Attacker, "made-up-1@example.test", "x-wrong-password");
        _app.Clock.Advance(TimeSpan.FromHours(25));
        using var recent = await _app.PostLoginFromAsync(Attacker, "made-up-2@example.test", "x-wrong-password");

        await _app.RunJobAsync("identity.forget-failed-sign-ins");

        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityModuleDbContext>();
        Assert.Equal(["MADE-UP-2@EXAMPLE.TEST"], await db.SignInThrottles.Select(t => t.NormalizedEmail).ToListAsync());
    }

    [Fact]
    public async Task Wrong_current_passwords_with_a_stolen_token_count_towards_the_wait()
    {
        var tokens = await _app.LoginAsync(DemoData.DrLeeEmail);
        using var thief = _app.ClientAt(Attacker);
        thief.DefaultRequestHeaders.Authorization = new("Bearer", tokens.AccessToken);

        var statuses = new List<int>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var guess = await thief.PostAsJsonAsync("/api/me/two-factor/setup", new { currentPassword = "thief-guess-" + attempt });
            statuses.Add((int)guess.StatusCode);
        }

        Assert.Equal([400, 400, 400, 400, 423], statuses);
        using var rightButLocked = await thief.PostAsJsonAsync("/api/me/two-factor/setup", new { currentPassword = DemoData.Password });
        await ProblemAssert.IsProblemAsync(rightButLocked, (HttpStatusCode)423, "auth.locked-out");

        using var ownerSignsIn = await _app.PostLoginFromAsync(Owner, DemoData.DrLeeEmail);
        Assert.Equal(HttpStatusCode.OK, ownerSignsIn.StatusCode);
    }

    /// <summary>Five wrong passwords and then the right one, from the attacker's address: the answers as "status code".</summary>
    private async Task<List<string>> FailFiveTimesAsync(string email)
    {
        var answers = new List<string>();
        for (var attempt = 0; attempt <= 5; attempt++)
        {
            using var response = await _app.PostLoginFromAsync(Attacker, email, attempt < 5 ? "wrong-password-" + attempt : DemoData.Password);
            var problem = await response.JsonAsync();
            answers.Add($"{(int)response.StatusCode} {problem.GetProperty("code").GetString()}");
        }

        return answers;
    }

    private async Task WaitAndFailAsync(TimeSpan wait)
    {
        _app.Clock.Advance(wait);
        using var failed = await _app.PostLoginFromAsync(Attacker, DemoData.HarbourAdminEmail, "another-wrong-password");
        await ProblemAssert.IsProblemAsync(failed, (HttpStatusCode)423, "auth.locked-out");
    }

    /// <summary>Still refused (even the right password) just before the wait ends; then the wait ends.</summary>
    private async Task AssertLockedForAsync(TimeSpan wait)
    {
        _app.Clock.Advance(wait - TimeSpan.FromSeconds(5));
        using var early = await _app.PostLoginFromAsync(Attacker, DemoData.HarbourAdminEmail);
        await ProblemAssert.IsProblemAsync(early, (HttpStatusCode)423, "auth.locked-out");
        _app.Clock.Advance(TimeSpan.FromSeconds(5));
    }
}
