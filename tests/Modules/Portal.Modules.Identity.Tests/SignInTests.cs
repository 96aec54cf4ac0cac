using System.Net;
using System.Net.Http.Json;
using Portal.Modules.Identity.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Identity.Tests;

public sealed class SignInTests : IAsyncLifetime
{
    private readonly PortalApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_demo_practitioner_signs_in_and_gets_bearer_and_refresh_tokens()
    {
        using var response = await _app.PostLoginAsync(DemoData.DrLeeEmail);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("Bearer", body.GetProperty("tokenType").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("accessToken").GetString()));
        Assert.Equal(15 * 60, body.GetProperty("expiresIn").GetInt32());
        Assert.True(body.GetProperty("refreshToken").GetString()!.Length >= 43, "at least 256 random bits");
    }

    [Fact]
    public async Task Email_is_matched_without_regard_to_case()
    {
        using var response = await _app.PostLoginAsync("Dr.Lee@Harbour.TEST");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_email_and_wrong_password_get_the_same_answer()
    {
        using var unknown = await _app.PostLoginAsync("nobody@harbour.test");
        using var wrong = await _app.PostLoginAsync(DemoData.DrLeeEmail, "not-the-password-at-all");

        var unknownProblem = await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.Unauthorized, "auth.invalid-credentials");
        var wrongProblem = await ProblemAssert.IsProblemAsync(wrong, HttpStatusCode.Unauthorized, "auth.invalid-credentials");
        Assert.Equal(unknownProblem.GetProperty("detail").GetString(), wrongProblem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_even_for_the_right_password()
    {
        for (var attempt = 1; attempt < 5; attempt++)
        {
            using var failed = await _app.PostLoginAsync(DemoData.SummitAdminEmail, "wrong-password-" + attempt);
            await ProblemAssert.IsProblemAsync(failed, HttpStatusCode.Unauthorized, "auth.invalid-credentials");
        }

        using var fifth = await _app.PostLoginAsync(DemoData.SummitAdminEmail, "wrong-password-5");
        await ProblemAssert.IsProblemAsync(fifth, (HttpStatusCode)423, "auth.locked-out");

        using var rightPassword = await _app.PostLoginAsync(DemoData.SummitAdminEmail);
        await ProblemAssert.IsProblemAsync(rightPassword, (HttpStatusCode)423, "auth.locked-out");
    }

    [Fact]
    public async Task Parallel_wrong_passwords_all_count_towards_the_lockout()
    {
        var guesses = Enumerable.Range(0, 5).Select(i => _app.PostLoginAsync(DemoData.DrLeeEmail, "parallel-guess-" + i));
        foreach (var response in await Task.WhenAll(guesses))
        {
            response.Dispose();
        }

        using var rightPassword = await _app.PostLoginAsync(DemoData.DrLeeEmail);
        await ProblemAssert.IsProblemAsync(rightPassword, (HttpStatusCode)423, "auth.locked-out");
    }

    [Fact]
    public async Task A_successful_sign_in_resets_the_failure_count()
    {
        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var failed = await _app.PostLoginAsync(DemoData.HarbourAdminEmail, "wrong-password-x");
        }

        await _app.LoginAsync(DemoData.HarbourAdminEmail);

        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var failed = await _app.PostLoginAsync(DemoData.HarbourAdminEmail, "wrong-password-y");
            await ProblemAssert.IsProblemAsync(failed, HttpStatusCode.Unauthorized, "auth.invalid-credentials");
        }
    }

    [Fact]
    public async Task Missing_fields_are_a_400_naming_them()
    {
        using var client = _app.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email = "", password = "" });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation.failed");
        Assert.NotEmpty(ProblemAssert.FieldErrors(problem, "email"));
        Assert.NotEmpty(ProblemAssert.FieldErrors(problem, "password"));
    }
}
