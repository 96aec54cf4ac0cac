using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Domain;
using Portal.Modules.Identity.Passwords;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Identity.Tests;

/// <summary>At least 12 characters, not a commonly used password, not the account's own email or name: on every way in.</summary>
public sealed partial class PasswordRulesTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Theory]
    [InlineData("password1234")]
    [InlineData("PASSWORD1234")]
    [InlineData(" Password1234 ")]
    [InlineData("123456789012")]
    [InlineData("qwerty123456")]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("password12345")]
    [InlineData("Password1234!")]
    [InlineData("iloveyou1234")]
    [InlineData("Welcome12345")]
    public async Task A_commonly_used_password_is_refused_with_the_reason_and_changes_nothing(string newPassword)
    {
        var practitioner = await NewPractitionerAsync();
        using var client = await app.SignedInClientAsync(practitioner);

        using var change = await client.PostAsJsonAsync("/api/me/password", new { currentPassword = TestPractice.Password, newPassword });

        var problem = await ProblemAssert.IsProblemAsync(change, HttpStatusCode.BadRequest, IdentityErrorCodes.WeakPassword);
        Assert.Equal(["This is one of the most commonly used passwords, the first ones attackers try. Choose another."],
            ProblemAssert.FieldErrors(problem, "newPassword"));
        await app.LoginAsync(practitioner);
        using var refused = await app.PostLoginAsync(practitioner, newPassword.Trim());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task A_short_common_password_is_told_both_reasons()
    {
        using var client = await app.SignedInClientAsync(await NewPractitionerAsync());

        using var change = await client.PostAsJsonAsync("/api/me/password", new { currentPassword = TestPractice.Password, newPassword = "password" });

        var problem = await ProblemAssert.IsProblemAsync(change, HttpStatusCode.BadRequest, IdentityErrorCodes.WeakPassword);
        var errors = ProblemAssert.FieldErrors(problem, "newPassword");
        Assert.Contains("Too short: use at least 12 characters.", errors);
        Assert.Contains(errors, e => e.StartsWith("This is one of the most commonly used passwords", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{email}")]
    [InlineData("my {email}!")]
    [InlineData("DrLee-2026-2026")]
    [InlineData("Sam.Lee.1987!!")]
    [InlineData("lee sam 123456")]
    public async Task A_password_made_of_the_accounts_email_or_name_is_refused(string newPassword)
    {
        var drLee = await NewDrSamLeeAsync();
        newPassword = newPassword.Replace("{email}", drLee, StringComparison.Ordinal);
        using var client = await app.SignedInClientAsync(drLee);

        using var change = await client.PostAsJsonAsync("/api/me/password", new { currentPassword = TestPractice.Password, newPassword });

        var problem = await ProblemAssert.IsProblemAsync(change, HttpStatusCode.BadRequest, IdentityErrorCodes.WeakPassword);
        Assert.Equal(["Too easy to guess: it is your email address or name. Choose something else."], ProblemAssert.FieldErrors(problem, "newPassword"));
    }

    [Fact]
    public async Task A_phrase_that_mentions_the_name_is_fine()
    {
        using var client = await app.SignedInClientAsync(await NewDrSamLeeAsync());

        using var change = await client.PostAsJsonAsync("/api/me/password", new { currentPassword = TestPractice.Password, newPassword = "Sam Lee walks the harbour at dawn" });

        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
    }

    [Fact]
    public async Task Accepting_an_invitation_with_a_common_password_is_refused_on_the_password_field()
    {
        var practice = await app.NewPracticeAsync();
        var ava = await practice.AddPatientAsync();
        using var drLee = await app.SignedInClientAsync(await practice.AddPractitionerAsync());
        using var invited = await drLee.PostAsJsonAsync($"/api/practice/patients/{ava.Id}/invitations", new { });
        invited.EnsureSuccessStatusCode();
        var token = await app.LatestInvitationTokenAsync(ava.Email);
        using var anonymous = app.CreateClient();

        using var common = await anonymous.PostAsJsonAsync($"/api/invitations/{token}/accept", new { password = "password1234" });
        var problem = await ProblemAssert.IsProblemAsync(common, HttpStatusCode.BadRequest, IdentityErrorCodes.WeakPassword);
        Assert.Contains(ProblemAssert.FieldErrors(problem, "password"), e => e.Contains("most commonly used", StringComparison.Ordinal));

        using var ownName = await anonymous.PostAsJsonAsync($"/api/invitations/{token}/accept", new { password = ava.Email });
        problem = await ProblemAssert.IsProblemAsync(ownName, HttpStatusCode.BadRequest, IdentityErrorCodes.WeakPassword);
        Assert.Contains(ProblemAssert.FieldErrors(problem, "password"), e => e.Contains("email address or name", StringComparison.Ordinal));

        using var accepted = await anonymous.PostAsJsonAsync($"/api/invitations/{token}/accept", new { password = "Ava's own long passphrase" });
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Fact]
    public async Task A_new_patient_account_through_the_facade_gets_the_same_rules()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var api = scope.ServiceProvider.GetRequiredService<IIdentityApi>();

        var created = await api.CreatePatientAccountAsync(new NewPatientAccount("noah@example.test", "qwertyasdfgh", "Noah", "Smith"), default);

        Assert.True(created.IsFailure);
        Assert.Equal(IdentityErrorCodes.WeakPassword, created.Error!.Code);
        Assert.Null(await api.FindAccountByEmailAsync("noah@example.test", default));
    }

    [Fact]
    public void The_list_is_the_full_published_one_and_the_demo_and_test_passwords_are_not_on_it()
    {
        Assert.Equal(49_233, CommonPasswords.Count);
        Assert.True(CommonPasswords.Contains("password1234"));
        Assert.True(CommonPasswords.Contains("trustno1"));
        Assert.False(CommonPasswords.Contains(DemoData.Password));
        Assert.False(CommonPasswords.Contains("a much longer passphrase 2026"));
    }

    [Theory]
    [InlineData("ava@example.test", "Ava", "Nguyen", "AvaNguyen2026!!", true)]
    [InlineData("ava@example.test", "Ava", "Nguyen", "nguyen-ava-1990", true)]
    [InlineData("ava.n@example.test", "Ava", "Nguyen", "ava.n@EXAMPLE.test", true)]
    [InlineData("ava.n@example.test", "Ava", "Nguyen", "A.V.A.N. 12345678", true)]
    [InlineData("ava@example.test", "Ava", "Nguyen", "Ava's own long passphrase", false)]
    [InlineData("ava@example.test", "Ava", "Nguyen", "2026-12-02 12:00", false)]
    [InlineData("x@example.test", "", "", "x1234567890123", false)]
    public void Based_on_the_account_means_nothing_but_its_email_or_name(string email, string given, string family, string password, bool expected)
    {
        var user = new PortalUser { Email = email, GivenName = given, FamilyName = family };

        Assert.Equal(expected, PortalPasswordValidator.IsBasedOnAccount(password, user));
    }

    /// <summary>A practitioner of a practice of the test's own, whose password the test may change.</summary>
    private async Task<string> NewPractitionerAsync() => await (await app.NewPracticeAsync()).AddPractitionerAsync();

    /// <summary>
    /// Dr Sam Lee of a practice of the test's own, whose email's name part is "dr.lee" (as the demo's Dr Lee's):
    /// invited by the practice's admin, joined through the emailed link.
    /// </summary>
    private async Task<string> NewDrSamLeeAsync()
    {
        var practice = await app.NewPracticeAsync();
        var email = "dr.lee@" + practice.AdminEmail.Split('@')[1];
        using (var admin = await practice.SignedInAdminAsync())
        {
            using var invited = await admin.PostAsJsonAsync("/api/practice/staff/invitations", new { email, givenName = "Sam", familyName = "Lee", practiceAdmin = false });
            invited.EnsureSuccessStatusCode();
        }

        await app.RunMessagingAsync();
        using var anonymous = app.CreateClient();
        var mailbox = await anonymous.GetFromJsonAsync<List<MailboxEmail>>($"/api/dev/mailbox?to={Uri.EscapeDataString(email)}", PortalClients.Json);
        var join = JoinLink().Match(Assert.Single(mailbox!).Body);
        Assert.True(join.Success, "the staff invitation has no join link");
        using var accepted = await anonymous.PostAsJsonAsync($"/api/staff-invitations/{join.Groups[1].Value}/accept", new { password = TestPractice.Password });
        accepted.EnsureSuccessStatusCode();
        return email;
    }

    [GeneratedRegex(@"/admin/join/([A-Za-z0-9_-]+)")]
    private static partial Regex JoinLink();
}
