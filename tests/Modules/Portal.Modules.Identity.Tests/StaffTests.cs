using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Portal.Modules.Identity.Contracts;
using Portal.Shared.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Identity.Tests;

/// <summary>Practice admins invite, promote, demote and deactivate their practice's staff; nobody else can, and no practice is left without an admin.</summary>
public sealed partial class StaffTests(PortalApp app) : IClassFixture<PortalApp>
{
    private const string NewPassword = "a long staff passphrase";

    private async Task<string> InviteAsync(HttpClient admin, string email, bool practiceAdmin = false, string? givenName = "Alex", string? familyName = "Park")
    {
        using var invited = await admin.PostAsJsonAsync("/api/practice/staff/invitations", new { email, givenName, familyName, practiceAdmin });
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        return await LatestJoinTokenAsync(email);
    }

    private async Task<string> LatestJoinTokenAsync(string email)
    {
        var mailbox = await MailboxAsync(email);
        var match = JoinLink().Match(mailbox[0].Body);
        Assert.True(match.Success, "the email has no join link");
        return match.Groups[1].Value;
    }

    private async Task<List<MailboxEmail>> MailboxAsync(string email)
    {
        await app.RunMessagingAsync();
        using var client = app.CreateClient();
        return (await client.GetFromJsonAsync<List<MailboxEmail>>($"/api/dev/mailbox?to={Uri.EscapeDataString(email)}", PortalClients.Json))!;
    }

    private async Task<HttpResponseMessage> AcceptAsync(string token, object body)
    {
        using var anonymous = app.CreateClient();
        return await anonymous.PostAsJsonAsync($"/api/staff-invitations/{token}/accept", body);
    }

    [Fact]
    public async Task An_invited_practitioner_joins_through_the_emailed_link_once_and_works_in_the_practice()
    {
        var practice = await app.NewPracticeAsync();
        var ava = await practice.AddPatientAsync();
        var alexEmail = At(practice, "alex");
        using var admin = await practice.SignedInAdminAsync();
        var token = await InviteAsync(admin, alexEmail);
        Assert.True(token.Length >= 22, "at least 128 random bits");
        Assert.Equal(0, await StoredTokenCountAsync(token));   // kept only as a hash
        Assert.Equal(1, await StoredTokenCountAsync(SecretTokens.Hash(token)));
        // Nor anywhere else once the email went out (outbox, email queue): only in the recipient's development mailbox.
        Assert.All(await app.PlacesHoldingAsync(token), place => Assert.StartsWith("notifications.DevelopmentMailbox.", place));

        using var anonymous = app.CreateClient();
        var details = (await anonymous.GetFromJsonAsync<InvitationDetails>($"/api/staff-invitations/{token}", PortalClients.Json))!;
        Assert.Equal(practice.Name, details.PracticeName);
        Assert.Equal(alexEmail, details.Email);
        Assert.False(details.PracticeAdmin);

        using var accepted = await AcceptAsync(token, new { password = NewPassword, givenName = "Alexandra" });
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var userId = (await accepted.Content.ReadFromJsonAsync<Joined>(PortalClients.Json))!.UserId;
        await ProblemAssert.IsProblemAsync(await AcceptAsync(token, new { password = NewPassword }), HttpStatusCode.Gone, "staff-invitations.used");
        await ProblemAssert.IsProblemAsync(await anonymous.GetAsync($"/api/staff-invitations/{token}"), HttpStatusCode.Gone, "staff-invitations.used");
        await ProblemAssert.IsProblemAsync(await anonymous.GetAsync("/api/staff-invitations/not-a-token"), HttpStatusCode.NotFound, "staff-invitations.not-found");

        using var alex = await app.SignedInClientAsync(alexEmail, NewPassword);
        var me = (await alex.GetFromJsonAsync<Me>("/api/me", PortalClients.Json))!;
        Assert.Equal(userId, me.UserId);
        Assert.Equal("practitioner", me.Kind);
        Assert.Equal("Alexandra Park", me.Name);
        Assert.Equal(practice.Id, me.PracticeGroupId);
        Assert.Equal(["practitioner"], me.Roles);
        Assert.Equal(HttpStatusCode.OK, (await alex.GetAsync($"/api/practice/patients/{ava.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await alex.GetAsync("/api/practice/staff")).StatusCode);

        var member = Assert.Single(await StaffAsync(admin), s => s.UserId == userId);
        Assert.True(member.Active);
        Assert.False(member.PracticeAdmin);
        Assert.Contains(await app.PublishedAsync<SecurityEventOccurred>("identity"), e => e.Kind == SecurityEventKind.StaffInvited && e.PracticeGroupId == practice.Id);
    }

    [Fact]
    public async Task An_invitation_as_practice_admin_gives_both_roles()
    {
        var practice = await app.NewPracticeAsync();
        var officeEmail = At(practice, "office");
        using var admin = await practice.SignedInAdminAsync();
        var token = await InviteAsync(admin, officeEmail, practiceAdmin: true);
        (await AcceptAsync(token, new { password = NewPassword })).EnsureSuccessStatusCode();

        using var office = await app.SignedInClientAsync(officeEmail, NewPassword);
        var roles = (await office.GetFromJsonAsync<Me>("/api/me", PortalClients.Json))!.Roles;
        Assert.Equal(["practiceAdmin", "practitioner"], roles);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("/api/practice/staff")).StatusCode);
    }

    [Fact]
    public async Task Expired_revoked_and_raced_links_do_not_make_accounts_and_names_and_passwords_are_checked()
    {
        var practice = await app.NewPracticeAsync();
        using var admin = await practice.SignedInAdminAsync();
        var unnamed = await InviteAsync(admin, At(practice, "unnamed"), givenName: null, familyName: null);
        await ProblemAssert.IsProblemAsync(await AcceptAsync(unnamed, new { password = NewPassword }), HttpStatusCode.BadRequest, "staff-invitations.name-required");
        await ProblemAssert.IsProblemAsync(
            await AcceptAsync(unnamed, new { password = "short", givenName = "Una", familyName = "Named" }), HttpStatusCode.BadRequest, IdentityErrorCodes.WeakPassword);
        Assert.Equal(HttpStatusCode.Created, (await AcceptAsync(unnamed, new { password = NewPassword, givenName = "Una", familyName = "Named" })).StatusCode);

        var raced = await InviteAsync(admin, At(practice, "raced"));
        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => AcceptAsync(raced, new { password = NewPassword })));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.True((int)a.StatusCode is 409 or 410, a.StatusCode.ToString()));

        var revokedEmail = At(practice, "revoked");
        var revoked = await InviteAsync(admin, revokedEmail);
        var id = (await StaffInvitationsAsync(admin)).Single(i => i.Email == revokedEmail).Id;
        (await admin.PostAsync($"/api/practice/staff/invitations/{id}/revoke", null)).EnsureSuccessStatusCode();
        await ProblemAssert.IsProblemAsync(await AcceptAsync(revoked, new { password = NewPassword }), HttpStatusCode.Gone, "staff-invitations.revoked");

        var lateEmail = At(practice, "late");
        var expired = await InviteAsync(admin, lateEmail);
        app.Clock.Advance(TimeSpan.FromDays(8));
        await ProblemAssert.IsProblemAsync(await AcceptAsync(expired, new { password = NewPassword }), HttpStatusCode.Gone, "staff-invitations.expired");
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.PostLoginAsync(lateEmail, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task Only_a_practice_admin_of_the_same_practice_manages_its_staff()
    {
        var practice = await app.NewPracticeAsync();
        var drLeeEmail = await practice.AddPractitionerAsync();
        var drLeeId = await UserIdAsync(drLeeEmail);
        var adminId = await UserIdAsync(practice.AdminEmail);
        var otherGroup = await app.NewPracticeAsync();
        using var drLee = await app.SignedInClientAsync(drLeeEmail);
        using var summit = await otherGroup.SignedInAdminAsync();
        using var anonymous = app.CreateClient();

        Assert.Equal(HttpStatusCode.Forbidden, (await drLee.GetAsync("/api/practice/staff")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await drLee.PostAsJsonAsync("/api/practice/staff/invitations", new { email = At(practice, "x"), practiceAdmin = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await drLee.PutAsJsonAsync($"/api/practice/staff/{drLeeId}/roles", new { practiceAdmin = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await drLee.PostAsync($"/api/practice/staff/{adminId}/deactivate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/practice/staff")).StatusCode);

        await ProblemAssert.IsProblemAsync(
            await summit.PutAsJsonAsync($"/api/practice/staff/{drLeeId}/roles", new { practiceAdmin = true }), HttpStatusCode.NotFound, "staff.not-found");
        await ProblemAssert.IsProblemAsync(await summit.PostAsync($"/api/practice/staff/{drLeeId}/deactivate", null), HttpStatusCode.NotFound, "staff.not-found");
        await ProblemAssert.IsProblemAsync(await summit.PostAsync($"/api/practice/staff/{Guid.NewGuid()}/deactivate", null), HttpStatusCode.NotFound, "staff.not-found");
        Assert.DoesNotContain(await StaffAsync(summit), s => s.UserId == drLeeId);
        Assert.Equal(HttpStatusCode.OK, (await drLee.GetAsync("/api/me")).StatusCode);   // untouched

        // Another practice's account answers as a free address would (no practice learns who has an account elsewhere);
        // its owner is told why there is no link.
        using var elsewhere = await summit.PostAsJsonAsync("/api/practice/staff/invitations", new { email = drLeeEmail, practiceAdmin = true });
        using var free = await summit.PostAsJsonAsync("/api/practice/staff/invitations", new { email = At(otherGroup, "nobody-yet"), practiceAdmin = true });
        Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);
        Assert.Equal(free.StatusCode, elsewhere.StatusCode);
        Assert.Equal("pending", (await elsewhere.Content.ReadFromJsonAsync<StaffInvitation>(PortalClients.Json))!.Status);
        var body = (await MailboxAsync(drLeeEmail))[0].Body;
        Assert.DoesNotMatch(JoinLink(), body);
        Assert.Contains("already has a Portal account", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deactivated_admins_pending_invitations_stop_working_and_each_ended_session_is_logged()
    {
        var practice = await app.NewPracticeAsync();
        var drLeeEmail = await practice.AddPractitionerAsync();
        var drLeeId = await UserIdAsync(drLeeEmail);
        var adminId = await UserIdAsync(practice.AdminEmail);
        var friendEmail = At(practice, "friend-of-lee");
        using var admin = await practice.SignedInAdminAsync();
        (await admin.PutAsJsonAsync($"/api/practice/staff/{drLeeId}/roles", new { practiceAdmin = true })).EnsureSuccessStatusCode();
        await app.LoginAsync(drLeeEmail);
        using var drLee = await app.SignedInClientAsync(drLeeEmail);
        var token = await InviteAsync(drLee, friendEmail, practiceAdmin: true);

        (await admin.PostAsync($"/api/practice/staff/{drLeeId}/deactivate", null)).EnsureSuccessStatusCode();

        await ProblemAssert.IsProblemAsync(await AcceptAsync(token, new { password = NewPassword }), HttpStatusCode.Gone, "staff-invitations.revoked");
        Assert.Equal("revoked", (await StaffInvitationsAsync(admin)).Single(i => i.Email == friendEmail).Status);

        await app.RunMessagingAsync();
        var log = (await admin.GetFromJsonAsync<Page<LogEntry>>("/api/practice/security-log?pageSize=100", PortalClients.Json))!.Items;
        var ended = log.Where(e => e.Kind == "sessionRevoked" && e.Account?.UserId == drLeeId).ToList();
        Assert.Equal(2, ended.Count);   // both of Dr Lee's sessions, one entry each, the admin named as who ended them
        Assert.All(ended, e => Assert.Equal(adminId, e.Actor!.UserId));
        Assert.Contains(log, e => e.Kind == "staffInvitationRevoked");
    }

    [Fact]
    public async Task The_last_practice_admin_can_neither_drop_the_role_nor_deactivate_themselves()
    {
        var practice = await app.NewPracticeAsync();
        var drLeeEmail = await practice.AddPractitionerAsync();
        var drLeeId = await UserIdAsync(drLeeEmail);
        var adminId = await UserIdAsync(practice.AdminEmail);
        using var admin = await practice.SignedInAdminAsync();

        await ProblemAssert.IsProblemAsync(
            await admin.PutAsJsonAsync($"/api/practice/staff/{adminId}/roles", new { practiceAdmin = false }), HttpStatusCode.Conflict, "staff.last-admin");
        await ProblemAssert.IsProblemAsync(
            await admin.PostAsync($"/api/practice/staff/{adminId}/deactivate", null), HttpStatusCode.Conflict, "staff.last-admin");

        // With Dr Lee an admin too, the first admin may step down; their tokens no longer carry the role.
        using var promoted = await admin.PutAsJsonAsync($"/api/practice/staff/{drLeeId}/roles", new { practiceAdmin = true });
        Assert.True((await promoted.Content.ReadFromJsonAsync<StaffMember>(PortalClients.Json))!.PracticeAdmin);
        using var steppedDown = await admin.PutAsJsonAsync($"/api/practice/staff/{adminId}/roles", new { practiceAdmin = false });
        Assert.Equal(HttpStatusCode.OK, steppedDown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.GetAsync("/api/practice/staff")).StatusCode);
        using var again = await practice.SignedInAdminAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await again.GetAsync("/api/practice/staff")).StatusCode);

        using var drLee = await app.SignedInClientAsync(drLeeEmail);
        await ProblemAssert.IsProblemAsync(
            await drLee.PutAsJsonAsync($"/api/practice/staff/{drLeeId}/roles", new { practiceAdmin = false }), HttpStatusCode.Conflict, "staff.last-admin");
        await ProblemAssert.IsProblemAsync(await drLee.PostAsync($"/api/practice/staff/{drLeeId}/deactivate", null), HttpStatusCode.Conflict, "staff.last-admin");
        var kinds = (await app.PublishedAsync<SecurityEventOccurred>("identity"))
            .Where(e => e.AccountId == adminId || e.AccountId == drLeeId).Select(e => e.Kind).ToList();
        Assert.Equal(2, kinds.Count(k => k == SecurityEventKind.StaffRolesChanged));
    }

    [Fact]
    public async Task Two_admins_removing_each_other_at_once_leave_the_practice_one_admin()
    {
        var practice = await app.NewPracticeAsync();
        var drLeeEmail = await practice.AddPractitionerAsync();
        var drLeeId = await UserIdAsync(drLeeEmail);
        var adminId = await UserIdAsync(practice.AdminEmail);
        using var admin = await practice.SignedInAdminAsync();
        (await admin.PutAsJsonAsync($"/api/practice/staff/{drLeeId}/roles", new { practiceAdmin = true })).EnsureSuccessStatusCode();
        using var drLee = await app.SignedInClientAsync(drLeeEmail);

        var answers = await Task.WhenAll(
            admin.PutAsJsonAsync($"/api/practice/staff/{drLeeId}/roles", new { practiceAdmin = false }),
            drLee.PostAsync($"/api/practice/staff/{adminId}/deactivate", null));

        Assert.Single(answers, a => a.IsSuccessStatusCode);
        // The loser is refused, or (when the winner ended its sessions first) no longer signed in.
        Assert.Contains(answers.Single(a => !a.IsSuccessStatusCode).StatusCode, new[] { HttpStatusCode.Conflict, HttpStatusCode.Unauthorized });
        using var survivor = await app.SignedInClientAsync(answers[0].IsSuccessStatusCode ? practice.AdminEmail : drLeeEmail);
        var admins = (await StaffAsync(survivor)).Count(s => s.PracticeAdmin && s.Active);
        Assert.Equal(1, admins);
    }

    [Fact]
    public async Task A_deactivated_practitioner_is_signed_out_everywhere_at_once_cannot_sign_in_and_what_they_did_stays_theirs()
    {
        var practice = await app.NewPracticeAsync();
        var ava = await practice.AddPatientAsync();
        var drLeeEmail = await practice.AddPractitionerAsync();
        var drLeeId = await UserIdAsync(drLeeEmail);
        using var admin = await practice.SignedInAdminAsync();
        var tokens = await app.LoginAsync(drLeeEmail);
        var secondDevice = await app.LoginAsync(drLeeEmail);
        using var drLee = app.ClientWith(tokens.AccessToken);
        (await drLee.PostAsJsonAsync($"/api/practice/patients/{ava.Id}/invitations", new { })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await drLee.GetAsync("/api/me")).StatusCode);

        using var deactivated = await admin.PostAsync($"/api/practice/staff/{drLeeId}/deactivate", null);

        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        Assert.False((await deactivated.Content.ReadFromJsonAsync<StaffMember>(PortalClients.Json))!.Active);
        Assert.Equal(HttpStatusCode.Unauthorized, (await drLee.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ClientWith(secondDevice.AccessToken).GetAsync("/api/practice/patients")).StatusCode);
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken })).StatusCode);
        using var signIn = await app.PostLoginAsync(drLeeEmail);
        Assert.False(signIn.IsSuccessStatusCode, "a deactivated account signed in");
        await ProblemAssert.IsProblemAsync(await admin.PostAsync($"/api/practice/staff/{drLeeId}/deactivate", null), HttpStatusCode.Conflict, "staff.already-deactivated");

        var invitations = (await admin.GetFromJsonAsync<Page<PatientInvitation>>("/api/practice/invitations", PortalClients.Json))!.Items;
        Assert.Equal("Sam Lee", invitations[0].InvitedBy.Name);
        var member = (await StaffAsync(admin)).Single(s => s.UserId == drLeeId);
        Assert.False(member.Active);
        Assert.Equal("Sam Lee", member.Name);
        Assert.Contains(await app.PublishedAsync<SecurityEventOccurred>("identity"), e => e.Kind == SecurityEventKind.StaffDeactivated && e.AccountId == drLeeId);

        (await admin.PostAsync($"/api/practice/staff/{drLeeId}/reactivate", null)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await app.PostLoginAsync(drLeeEmail)).StatusCode);
    }

    [Fact]
    public async Task An_address_with_an_account_or_a_pending_invitation_is_409()
    {
        var practice = await app.NewPracticeAsync();
        var drLeeEmail = await practice.AddPractitionerAsync();
        var alexEmail = At(practice, "alex");
        using var admin = await practice.SignedInAdminAsync();
        await ProblemAssert.IsProblemAsync(
            await admin.PostAsJsonAsync("/api/practice/staff/invitations", new { email = drLeeEmail.ToUpperInvariant(), practiceAdmin = false }), HttpStatusCode.Conflict, "staff.email-taken");
        await InviteAsync(admin, alexEmail);
        await ProblemAssert.IsProblemAsync(
            await admin.PostAsJsonAsync("/api/practice/staff/invitations", new { email = "Alex@" + alexEmail.Split('@')[1].ToUpperInvariant(), practiceAdmin = false }), HttpStatusCode.Conflict,
            "staff-invitations.pending-exists");
        await ProblemAssert.IsProblemAsync(
            await admin.PostAsJsonAsync("/api/practice/staff/invitations", new { email = "not an email", practiceAdmin = false }), HttpStatusCode.BadRequest, "validation.failed");
    }

    /// <summary>An address at the practice's own domain (<c>alex@practice7.test</c>): no other test's.</summary>
    private static string At(TestPractice practice, string name) => $"{name}@{practice.AdminEmail.Split('@')[1]}";

    private async Task<Guid> UserIdAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<IIdentityApi>().FindAccountByEmailAsync(email, default);
        return account!.UserId;
    }

    private static async Task<List<StaffMember>> StaffAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<List<StaffMember>>("/api/practice/staff", PortalClients.Json))!;

    private static async Task<List<StaffInvitation>> StaffInvitationsAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<Page<StaffInvitation>>("/api/practice/staff/invitations", PortalClients.Json))!.Items;

    private async Task<long> StoredTokenCountAsync(string value)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "identity.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM StaffInvitations WHERE TokenHash = $value";
        command.Parameters.AddWithValue("$value", value);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private sealed record InvitationDetails(string PracticeName, string Email, bool PracticeAdmin);

    private sealed record Joined(Guid UserId);

    private sealed record Me(Guid UserId, string Kind, string Name, Guid? PracticeGroupId, List<string> Roles);

    private sealed record StaffMember(Guid UserId, string Name, bool Active, bool PracticeAdmin);

    private sealed record Page<T>(List<T> Items);

    private sealed record StaffInvitation(Guid Id, string Email, string Status);

    private sealed record LogEntry(string Kind, Person? Account, Person? Actor);

    private sealed record Person(Guid UserId);

    private sealed record PatientInvitation(InvitedBy InvitedBy);

    private sealed record InvitedBy(string Name);

    [GeneratedRegex(@"/admin/join/([A-Za-z0-9_-]+)")]
    private static partial Regex JoinLink();
}
