using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Identity.Tests;

public sealed class SignInTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task A_practitioner_signs_in_and_gets_bearer_and_refresh_tokens()
    {
        using var response = await app.PostLoginAsync(await NewPractitionerAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<SignedIn>(PortalClients.Json))!;
        Assert.Equal("Bearer", body.TokenType);
        Assert.False(string.IsNullOrEmpty(body.AccessToken));
        Assert.Equal(15 * 60, body.ExpiresIn);
        Assert.True(body.RefreshToken!.Length >= 43, "at least 256 random bits");
    }

    [Fact]
    public async Task Email_is_matched_without_regard_to_case()
    {
        var practitioner = await NewPractitionerAsync();
        var otherCase = string.Concat(practitioner.Select((c, i) => i % 2 == 0 ? char.ToUpperInvariant(c) : c));
        Assert.NotEqual(practitioner, otherCase);

        using var response = await app.PostLoginAsync(otherCase);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_email_and_wrong_password_get_the_same_answer()
    {
        var practitioner = await NewPractitionerAsync();
        using var unknown = await app.PostLoginAsync($"nobody.{Guid.NewGuid():N}@nowhere.test");
        using var wrong = await app.PostLoginAsync(practitioner, "not-the-password-at-all");

        var unknownProblem = await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.Unauthorized, "auth.invalid-credentials");
        var wrongProblem = await ProblemAssert.IsProblemAsync(wrong, HttpStatusCode.Unauthorized, "auth.invalid-credentials");
        Assert.Equal(unknownProblem.Deserialize<Problem>(PortalClients.Json)!.Detail, wrongProblem.Deserialize<Problem>(PortalClients.Json)!.Detail);
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_even_for_the_right_password()
    {
        var admin = (await app.NewPracticeAsync()).AdminEmail;
        for (var attempt = 1; attempt < 5; attempt++)
        {
            using var failed = await app.PostLoginAsync(admin, "wrong-password-" + attempt);
            await ProblemAssert.IsProblemAsync(failed, HttpStatusCode.Unauthorized, "auth.invalid-credentials");
        }

        using var fifth = await app.PostLoginAsync(admin, "wrong-password-5");
        await ProblemAssert.IsProblemAsync(fifth, (HttpStatusCode)423, "auth.locked-out");

        using var rightPassword = await app.PostLoginAsync(admin);
        await ProblemAssert.IsProblemAsync(rightPassword, (HttpStatusCode)423, "auth.locked-out");
    }

    [Fact]
    public async Task Parallel_wrong_passwords_all_count_towards_the_lockout()
    {
        var practitioner = await NewPractitionerAsync();
        var guesses = Enumerable.Range(0, 5).Select(i => app.PostLoginAsync(practitioner, "parallel-guess-" + i));
        foreach (var response in await Task.WhenAll(guesses))
        {
            response.Dispose();
        }

        using var rightPassword = await app.PostLoginAsync(practitioner);
        await ProblemAssert.IsProblemAsync(rightPassword, (HttpStatusCode)423, "auth.locked-out");
    }

    [Fact]
    public async Task A_successful_sign_in_resets_the_failure_count()
    {
        var admin = (await app.NewPracticeAsync()).AdminEmail;
        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var failed = await app.PostLoginAsync(admin, "wrong-password-x");
        }

        await app.LoginAsync(admin);

        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var failed = await app.PostLoginAsync(admin, "wrong-password-y");
            await ProblemAssert.IsProblemAsync(failed, HttpStatusCode.Unauthorized, "auth.invalid-credentials");
        }
    }

    [Fact]
    public async Task Missing_fields_are_a_400_naming_them()
    {
        using var client = app.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email = "", password = "" });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation.failed");
        Assert.NotEmpty(ProblemAssert.FieldErrors(problem, "email"));
        Assert.NotEmpty(ProblemAssert.FieldErrors(problem, "password"));
    }

    /// <summary>A practitioner of a practice of the test's own.</summary>
    private async Task<string> NewPractitionerAsync() => await (await app.NewPracticeAsync()).AddPractitionerAsync();

    private sealed record SignedIn(string TokenType, string AccessToken, int ExpiresIn, string? RefreshToken);

    private sealed record Problem(string? Detail);
}
