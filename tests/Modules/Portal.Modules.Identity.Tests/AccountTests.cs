using System.Net;
using System.Net.Http.Json;
using Portal.Modules.Identity.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Identity.Tests;

public sealed class AccountTests : IAsyncLifetime
{
    private readonly PortalApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Me_describes_a_practice_admin()
    {
        using var client = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);

        var me = await (await client.GetAsync("/api/me")).JsonAsync();

        Assert.Equal(DemoData.HarbourAdminId, me.GetProperty("userId").GetGuid());
        Assert.Equal(DemoData.HarbourAdminEmail, me.GetProperty("email").GetString());
        Assert.Equal("practitioner", me.GetProperty("kind").GetString());
        Assert.Equal(DemoData.HarbourHealthId, me.GetProperty("practiceGroupId").GetGuid());
        Assert.Equal("Harbour Health", me.GetProperty("practiceName").GetString());
        Assert.Equal(["practiceAdmin", "practitioner"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Order());
        Assert.Equal(0, me.GetProperty("patientIds").GetArrayLength());
    }

    [Fact]
    public async Task Me_describes_a_plain_practitioner_of_the_other_group()
    {
        using var client = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        var me = await (await client.GetAsync("/api/me")).JsonAsync();
        Assert.Equal(["practitioner"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        using var summit = await _app.SignedInClientAsync(DemoData.SummitAdminEmail);
        var summitMe = await (await summit.GetAsync("/api/me")).JsonAsync();
        Assert.Equal(DemoData.SummitPhysioId, summitMe.GetProperty("practiceGroupId").GetGuid());
    }

    [Fact]
    public async Task Me_without_a_token_or_with_a_forged_one_is_401()
    {
        using var anonymous = _app.CreateClient();
        using var none = await anonymous.GetAsync("/api/me");
        await ProblemAssert.IsProblemAsync(none, HttpStatusCode.Unauthorized, "auth.unauthenticated");

        using var forged = await _app.ClientWith("CfDJ8-forged-token-value").GetAsync("/api/me");
        await ProblemAssert.IsProblemAsync(forged, HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Fact]
    public async Task Changing_the_password_signs_out_the_other_sessions_only()
    {
        var other = await _app.LoginAsync(DemoData.DrLeeEmail);
        var current = await _app.LoginAsync(DemoData.DrLeeEmail);
        using var client = _app.ClientWith(current.AccessToken);
        const string newPassword = "a much longer passphrase 2026";

        using var change = await client.PostAsJsonAsync("/api/me/password", new { currentPassword = DemoData.Password, newPassword });
        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);

        using var otherMe = await _app.ClientWith(other.AccessToken).GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, otherMe.StatusCode);
        using var currentMe = await client.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.OK, currentMe.StatusCode);
        using var oldPassword = await _app.PostLoginAsync(DemoData.DrLeeEmail);
        Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
        await _app.LoginAsync(DemoData.DrLeeEmail, newPassword);
    }

    [Fact]
    public async Task A_short_new_password_is_a_400_on_the_field_and_changes_nothing()
    {
        var other = await _app.LoginAsync(DemoData.DrLeeEmail);
        using var client = await _app.SignedInClientAsync(DemoData.DrLeeEmail);

        using var change = await client.PostAsJsonAsync("/api/me/password", new { currentPassword = DemoData.Password, newPassword = "short-pw" });

        var problem = await ProblemAssert.IsProblemAsync(change, HttpStatusCode.BadRequest, IdentityErrorCodes.WeakPassword);
        Assert.Contains(ProblemAssert.FieldErrors(problem, "newPassword"), e => e.Contains("12", StringComparison.Ordinal));
        await _app.LoginAsync(DemoData.DrLeeEmail);
        using var otherStillSignedIn = await _app.ClientWith(other.AccessToken).GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.OK, otherStillSignedIn.StatusCode);
    }

    [Fact]
    public async Task Guessing_the_current_password_with_a_token_locks_the_account()
    {
        using var client = await _app.SignedInClientAsync(DemoData.DrLeeEmail);

        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var wrong = await client.PostAsJsonAsync("/api/me/password", new { currentPassword = "guess number " + attempt, newPassword = "a much longer passphrase 2026" });
            await ProblemAssert.IsProblemAsync(wrong, HttpStatusCode.BadRequest, "auth.wrong-password");
        }

        using var fifth = await client.PostAsJsonAsync("/api/me/password", new { currentPassword = "guess number 5", newPassword = "a much longer passphrase 2026" });
        await ProblemAssert.IsProblemAsync(fifth, (HttpStatusCode)423, "auth.locked-out");
        using var signIn = await _app.PostLoginAsync(DemoData.DrLeeEmail);
        await ProblemAssert.IsProblemAsync(signIn, (HttpStatusCode)423, "auth.locked-out");
    }

    [Fact]
    public async Task A_wrong_current_password_is_refused()
    {
        using var client = await _app.SignedInClientAsync(DemoData.DrLeeEmail);

        using var change = await client.PostAsJsonAsync("/api/me/password", new { currentPassword = "not my password!!", newPassword = "a much longer passphrase 2026" });

        await ProblemAssert.IsProblemAsync(change, HttpStatusCode.BadRequest, "auth.wrong-password");
        await _app.LoginAsync(DemoData.DrLeeEmail);
    }
}
