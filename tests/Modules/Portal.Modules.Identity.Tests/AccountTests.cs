using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.Identity.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Identity.Tests;

public sealed class AccountTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task Me_describes_a_practice_admin()
    {
        var practice = await app.NewPracticeAsync();
        using var client = await practice.SignedInAdminAsync();

        var me = (await client.GetFromJsonAsync<Me>("/api/me", PortalClients.Json))!;

        Assert.Equal(await UserIdAsync(practice.AdminEmail), me.UserId);
        Assert.Equal(practice.AdminEmail, me.Email);
        Assert.Equal("practitioner", me.Kind);
        Assert.Equal(practice.Id, me.PracticeGroupId);
        Assert.Equal(practice.Name, me.PracticeName);
        Assert.Equal(["practiceAdmin", "practitioner"], me.Roles.Order());
        Assert.Empty(me.PatientIds);
    }

    [Fact]
    public async Task Me_describes_a_plain_practitioner_of_the_other_group()
    {
        var practice = await app.NewPracticeAsync();
        using var client = await app.SignedInClientAsync(await practice.AddPractitionerAsync());
        var me = (await client.GetFromJsonAsync<Me>("/api/me", PortalClients.Json))!;
        Assert.Equal(["practitioner"], me.Roles);

        var otherGroup = await app.NewPracticeAsync();
        using var other = await otherGroup.SignedInAdminAsync();
        var otherMe = (await other.GetFromJsonAsync<Me>("/api/me", PortalClients.Json))!;
        Assert.Equal(otherGroup.Id, otherMe.PracticeGroupId);
    }

    [Fact]
    public async Task Me_without_a_token_or_with_a_forged_one_is_401()
    {
        using var anonymous = app.CreateClient();
        using var none = await anonymous.GetAsync("/api/me");
        await ProblemAssert.IsProblemAsync(none, HttpStatusCode.Unauthorized, "auth.unauthenticated");

        using var forged = await app.ClientWith("CfDJ8-forged-token-value").GetAsync("/api/me");
        await ProblemAssert.IsProblemAsync(forged, HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Fact]
    public async Task Changing_the_password_signs_out_the_other_sessions_only()
    {
        var practitioner = await NewPractitionerAsync();
        var other = await app.LoginAsync(practitioner);
        var current = await app.LoginAsync(practitioner);
        using var client = app.ClientWith(current.AccessToken);
        const string newPassword = "a much longer passphrase 2026";

        using var change = await client.PostAsJsonAsync("/api/me/password", new { currentPassword = TestPractice.Password, newPassword });
        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);

        using var otherMe = await app.ClientWith(other.AccessToken).GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, otherMe.StatusCode);
        using var currentMe = await client.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.OK, currentMe.StatusCode);
        using var oldPassword = await app.PostLoginAsync(practitioner);
        Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
        await app.LoginAsync(practitioner, newPassword);
    }

    [Fact]
    public async Task A_short_new_password_is_a_400_on_the_field_and_changes_nothing()
    {
        var practitioner = await NewPractitionerAsync();
        var other = await app.LoginAsync(practitioner);
        using var client = await app.SignedInClientAsync(practitioner);

        using var change = await client.PostAsJsonAsync("/api/me/password", new { currentPassword = TestPractice.Password, newPassword = "short-pw" });

        var problem = await ProblemAssert.IsProblemAsync(change, HttpStatusCode.BadRequest, IdentityErrorCodes.WeakPassword);
        Assert.Contains(ProblemAssert.FieldErrors(problem, "newPassword"), e => e.Contains("12", StringComparison.Ordinal));
        await app.LoginAsync(practitioner);
        using var otherStillSignedIn = await app.ClientWith(other.AccessToken).GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.OK, otherStillSignedIn.StatusCode);
    }

    [Fact]
    public async Task Guessing_the_current_password_with_a_token_locks_the_account()
    {
        var practitioner = await NewPractitionerAsync();
        using var client = await app.SignedInClientAsync(practitioner);

        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var wrong = await client.PostAsJsonAsync("/api/me/password", new { currentPassword = "guess number " + attempt, newPassword = "a much longer passphrase 2026" });
            await ProblemAssert.IsProblemAsync(wrong, HttpStatusCode.BadRequest, "auth.wrong-password");
        }

        using var fifth = await client.PostAsJsonAsync("/api/me/password", new { currentPassword = "guess number 5", newPassword = "a much longer passphrase 2026" });
        await ProblemAssert.IsProblemAsync(fifth, (HttpStatusCode)423, "auth.locked-out");
        using var signIn = await app.PostLoginAsync(practitioner);
        await ProblemAssert.IsProblemAsync(signIn, (HttpStatusCode)423, "auth.locked-out");
    }

    [Fact]
    public async Task A_wrong_current_password_is_refused()
    {
        var practitioner = await NewPractitionerAsync();
        using var client = await app.SignedInClientAsync(practitioner);

        using var change = await client.PostAsJsonAsync("/api/me/password", new { currentPassword = "not my password!!", newPassword = "a much longer passphrase 2026" });

        await ProblemAssert.IsProblemAsync(change, HttpStatusCode.BadRequest, "auth.wrong-password");
        await app.LoginAsync(practitioner);
    }

    /// <summary>A practitioner of a practice of the test's own, whose password the test may change or lock.</summary>
    private async Task<string> NewPractitionerAsync() => await (await app.NewPracticeAsync()).AddPractitionerAsync();

    private async Task<Guid> UserIdAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<IIdentityApi>().FindAccountByEmailAsync(email, default);
        return account!.UserId;
    }

    private sealed record Me(Guid UserId, string Email, string Kind, Guid? PracticeGroupId, string? PracticeName, List<string> Roles, List<Guid> PatientIds);
}
