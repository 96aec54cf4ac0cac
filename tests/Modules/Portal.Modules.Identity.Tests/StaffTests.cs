using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Shared.Abstractions;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Identity.Tests;

/// <summary>Practice admins invite, promote, demote and deactivate their practice's staff; nobody else can, and no practice is left without an admin.</summary>
public sealed partial class StaffTests : IAsyncLifetime
{
    private const string NewPassword = "a long staff passphrase";
    private readonly PortalApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<string> InviteAsync(HttpClient admin, string email, bool practiceAdmin = false, string? givenName = "Alex", string? familyName = "Park")
    {
        using var invited = await admin.PostAsJsonAsync("/api/practice/staff/invitations", new { email, givenName, familyName, practiceAdmin });
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        return await LatestJoinTokenAsync(email);
    }

    private async Task<string> LatestJoinTokenAsync(string email)
    {
        await _app.RunMessagingAsync();
        using var client = _app.CreateClient();
        var mailbox = await (await client.GetAsync($"/api/dev/mailbox?to={Uri.EscapeDataString(email)}")).JsonAsync();
        var match = JoinLink().Match(mailbox[0].GetProperty("body").GetString()!);
        Assert.True(match.Success, "the email has no join link");
        return match.Groups[1].Value;
    }

    private async Task<HttpResponseMessage> AcceptAsync(string token, object body)
    {
        using var anonymous = _app.CreateClient();
        return await anonymous.PostAsJsonAsync($"/api/staff-invitations/{token}/accept", body);
    }

    [Fact]
    public async Task An_invited_practitioner_joins_through_the_emailed_link_once_and_works_in_the_practice()
    {
        using var admin = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        var token = await InviteAsync(admin, "alex@harbour.test");
        Assert.True(token.Length >= 22, "at least 128 random bits");
        Assert.Equal(0, await StoredTokenCountAsync(token));   // kept only as a hash
        Assert.Equal(1, await StoredTokenCountAsync(SecretTokens.Hash(token)));
        // Nor anywhere else once the email went out (outbox, email queue): only in the recipient's development mailbox.
        Assert.All(await _app.PlacesHoldingAsync(token), place => Assert.StartsWith("notifications.DevelopmentMailbox.", place));

        using var anonymous = _app.CreateClient();
        var details = await (await anonymous.GetAsync($"/api/staff-invitations/{token}")).JsonAsync();
        Assert.Equal("Harbour Health", details.GetProperty("practiceName").GetString());
        Assert.Equal("alex@harbour.test", details.GetProperty("email").GetString());
        Assert.False(details.GetProperty("practiceAdmin").GetBoolean());

        using var accepted = await AcceptAsync(token, new { password = NewPassword, givenName = "Alexandra" });
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var userId = (await accepted.JsonAsync()).GetProperty("userId").GetGuid();
        await ProblemAssert.IsProblemAsync(await AcceptAsync(token, new { password = NewPassword }), HttpStatusCode.Gone, "staff-invitations.used");
        await ProblemAssert.IsProblemAsync(await anonymous.GetAsync($"/api/staff-invitations/{token}"), HttpStatusCode.Gone, "staff-invitations.used");
        await ProblemAssert.IsProblemAsync(await anonymous.GetAsync("/api/staff-invitations/not-a-token"), HttpStatusCode.NotFound, "staff-invitations.not-found");

        using var alex = await _app.SignedInClientAsync("alex@harbour.test", NewPassword);
        var me = await (await alex.GetAsync("/api/me")).JsonAsync();
        Assert.Equal(userId, me.GetProperty("userId").GetGuid());
        Assert.Equal("practitioner", me.GetProperty("kind").GetString());
        Assert.Equal("Alexandra Park", me.GetProperty("name").GetString());
        Assert.Equal(DemoData.HarbourHealthId, me.GetProperty("practiceGroupId").GetGuid());
        Assert.Equal(["practitioner"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.OK, (await alex.GetAsync($"/api/practice/patients/{DemoPatients.AvaNguyenId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await alex.GetAsync("/api/practice/staff")).StatusCode);

        var staff = await (await admin.GetAsync("/api/practice/staff")).JsonAsync();
        var member = Assert.Single(staff.EnumerateArray(), s => s.GetProperty("userId").GetGuid() == userId);
        Assert.True(member.GetProperty("active").GetBoolean());
        Assert.False(member.GetProperty("practiceAdmin").GetBoolean());
        Assert.Contains(await _app.PublishedAsync<SecurityEventOccurred>("identity"), e => e.Kind == SecurityEventKind.StaffInvited);
    }

    [Fact]
    public async Task An_invitation_as_practice_admin_gives_both_roles()
    {
        using var admin = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        var token = await InviteAsync(admin, "office@harbour.test", practiceAdmin: true);
        (await AcceptAsync(token, new { password = NewPassword })).EnsureSuccessStatusCode();

        using var office = await _app.SignedInClientAsync("office@harbour.test", NewPassword);
        var roles = (await (await office.GetAsync("/api/me")).JsonAsync()).GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Equal(["practiceAdmin", "practitioner"], roles);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("/api/practice/staff")).StatusCode);
    }

    [Fact]
    public async Task Expired_revoked_and_raced_links_do_not_make_accounts_and_names_and_passwords_are_checked()
    {
        using var admin = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        var unnamed = await InviteAsync(admin, "unnamed@harbour.test", givenName: null, familyName: null);
        await ProblemAssert.IsProblemAsync(await AcceptAsync(unnamed, new { password = NewPassword }), HttpStatusCode.BadRequest, "staff-invitations.name-required");
        await ProblemAssert.IsProblemAsync(
            await AcceptAsync(unnamed, new { password = "short", givenName = "Una", familyName = "Named" }), HttpStatusCode.BadRequest, IdentityErrorCodes.WeakPassword);
        Assert.Equal(HttpStatusCode.Created, (await AcceptAsync(unnamed, new { password = NewPassword, givenName = "Una", familyName = "Named" })).StatusCode);

        var raced = await InviteAsync(admin, "raced@harbour.test");
        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => AcceptAsync(raced, new { password = NewPassword })));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.True((int)a.StatusCode is 409 or 410, a.StatusCode.ToString()));

        var revoked = await InviteAsync(admin, "revoked@harbour.test");
        var list = await (await admin.GetAsync("/api/practice/staff/invitations")).JsonAsync();
        var id = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("email").GetString() == "revoked@harbour.test").GetProperty("id").GetGuid();
        (await admin.PostAsync($"/api/practice/staff/invitations/{id}/revoke", null)).EnsureSuccessStatusCode();
        await ProblemAssert.IsProblemAsync(await AcceptAsync(revoked, new { password = NewPassword }), HttpStatusCode.Gone, "staff-invitations.revoked");

        var expired = await InviteAsync(admin, "late@harbour.test");
        _app.Clock.Advance(TimeSpan.FromDays(8));
        await ProblemAssert.IsProblemAsync(await AcceptAsync(expired, new { password = NewPassword }), HttpStatusCode.Gone, "staff-invitations.expired");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.PostLoginAsync("late@harbour.test", NewPassword)).StatusCode);
    }

    [Fact]
    public async Task Only_a_practice_admin_of_the_same_practice_manages_its_staff()
    {
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        using var summit = await _app.SignedInClientAsync(DemoData.SummitAdminEmail);
        using var anonymous = _app.CreateClient();

        Assert.Equal(HttpStatusCode.Forbidden, (await drLee.GetAsync("/api/practice/staff")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await drLee.PostAsJsonAsync("/api/practice/staff/invitations", new { email = "x@harbour.test", practiceAdmin = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await drLee.PutAsJsonAsync($"/api/practice/staff/{DemoData.DrLeeId}/roles", new { practiceAdmin = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await drLee.PostAsync($"/api/practice/staff/{DemoData.HarbourAdminId}/deactivate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/practice/staff")).StatusCode);

        await ProblemAssert.IsProblemAsync(
            await summit.PutAsJsonAsync($"/api/practice/staff/{DemoData.DrLeeId}/roles", new { practiceAdmin = true }), HttpStatusCode.NotFound, "staff.not-found");
        await ProblemAssert.IsProblemAsync(await summit.PostAsync($"/api/practice/staff/{DemoData.DrLeeId}/deactivate", null), HttpStatusCode.NotFound, "staff.not-found");
        await ProblemAssert.IsProblemAsync(await summit.PostAsync($"/api/practice/staff/{Guid.NewGuid()}/deactivate", null), HttpStatusCode.NotFound, "staff.not-found");
        Assert.DoesNotContain((await (await summit.GetAsync("/api/practice/staff")).JsonAsync()).EnumerateArray(), s => s.GetProperty("userId").GetGuid() == DemoData.DrLeeId);
        Assert.Equal(HttpStatusCode.OK, (await drLee.GetAsync("/api/me")).StatusCode);   // untouched

        // Another practice's account answers as a free address would (no practice learns who has an account elsewhere);
        // its owner is told why there is no link.
        using var elsewhere = await summit.PostAsJsonAsync("/api/practice/staff/invitations", new { email = DemoData.DrLeeEmail, practiceAdmin = true });
        using var free = await summit.PostAsJsonAsync("/api/practice/staff/invitations", new { email = "nobody-yet@summit.test", practiceAdmin = true });
        Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);
        Assert.Equal(free.StatusCode, elsewhere.StatusCode);
        Assert.Equal("pending", (await elsewhere.JsonAsync()).GetProperty("status").GetString());
        await _app.RunMessagingAsync();
        var mailbox = await (await anonymous.GetAsync($"/api/dev/mailbox?to={Uri.EscapeDataString(DemoData.DrLeeEmail)}")).JsonAsync();
        var body = mailbox[0].GetProperty("body").GetString()!;
        Assert.DoesNotMatch(JoinLink(), body);
        Assert.Contains("already has a Portal account", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deactivated_admins_pending_invitations_stop_working_and_each_ended_session_is_logged()
    {
        using var admin = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        (await admin.PutAsJsonAsync($"/api/practice/staff/{DemoData.DrLeeId}/roles", new { practiceAdmin = true })).EnsureSuccessStatusCode();
        await _app.LoginAsync(DemoData.DrLeeEmail);
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        var token = await InviteAsync(drLee, "friend-of-lee@harbour.test", practiceAdmin: true);

        (await admin.PostAsync($"/api/practice/staff/{DemoData.DrLeeId}/deactivate", null)).EnsureSuccessStatusCode();

        await ProblemAssert.IsProblemAsync(await AcceptAsync(token, new { password = NewPassword }), HttpStatusCode.Gone, "staff-invitations.revoked");
        var invitations = await (await admin.GetAsync("/api/practice/staff/invitations")).JsonAsync();
        Assert.Equal("revoked", invitations.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("email").GetString() == "friend-of-lee@harbour.test").GetProperty("status").GetString());

        await _app.RunMessagingAsync();
        var log = await (await admin.GetAsync("/api/practice/security-log?pageSize=100")).JsonAsync();
        var ended = log.GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("kind").GetString() == "sessionRevoked"
                        && e.GetProperty("account").GetProperty("userId").GetGuid() == DemoData.DrLeeId)
            .ToList();
        Assert.Equal(2, ended.Count);   // both of Dr Lee's sessions, one entry each, the admin named as who ended them
        Assert.All(ended, e => Assert.Equal(DemoData.HarbourAdminId, e.GetProperty("actor").GetProperty("userId").GetGuid()));
        Assert.Contains(log.GetProperty("items").EnumerateArray(), e => e.GetProperty("kind").GetString() == "staffInvitationRevoked");
    }

    [Fact]
    public async Task The_last_practice_admin_can_neither_drop_the_role_nor_deactivate_themselves()
    {
        using var admin = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);

        await ProblemAssert.IsProblemAsync(
            await admin.PutAsJsonAsync($"/api/practice/staff/{DemoData.HarbourAdminId}/roles", new { practiceAdmin = false }), HttpStatusCode.Conflict, "staff.last-admin");
        await ProblemAssert.IsProblemAsync(
            await admin.PostAsync($"/api/practice/staff/{DemoData.HarbourAdminId}/deactivate", null), HttpStatusCode.Conflict, "staff.last-admin");

        // With Dr Lee an admin too, the first admin may step down; their tokens no longer carry the role.
        using var promoted = await admin.PutAsJsonAsync($"/api/practice/staff/{DemoData.DrLeeId}/roles", new { practiceAdmin = true });
        Assert.True((await promoted.JsonAsync()).GetProperty("practiceAdmin").GetBoolean());
        using var steppedDown = await admin.PutAsJsonAsync($"/api/practice/staff/{DemoData.HarbourAdminId}/roles", new { practiceAdmin = false });
        Assert.Equal(HttpStatusCode.OK, steppedDown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.GetAsync("/api/practice/staff")).StatusCode);
        using var again = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await again.GetAsync("/api/practice/staff")).StatusCode);

        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        await ProblemAssert.IsProblemAsync(
            await drLee.PutAsJsonAsync($"/api/practice/staff/{DemoData.DrLeeId}/roles", new { practiceAdmin = false }), HttpStatusCode.Conflict, "staff.last-admin");
        await ProblemAssert.IsProblemAsync(await drLee.PostAsync($"/api/practice/staff/{DemoData.DrLeeId}/deactivate", null), HttpStatusCode.Conflict, "staff.last-admin");
        var kinds = (await _app.PublishedAsync<SecurityEventOccurred>("identity")).Select(e => e.Kind).ToList();
        Assert.Equal(2, kinds.Count(k => k == SecurityEventKind.StaffRolesChanged));
    }

    [Fact]
    public async Task Two_admins_removing_each_other_at_once_leave_the_practice_one_admin()
    {
        using var admin = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        (await admin.PutAsJsonAsync($"/api/practice/staff/{DemoData.DrLeeId}/roles", new { practiceAdmin = true })).EnsureSuccessStatusCode();
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);

        var answers = await Task.WhenAll(
            admin.PutAsJsonAsync($"/api/practice/staff/{DemoData.DrLeeId}/roles", new { practiceAdmin = false }),
            drLee.PostAsync($"/api/practice/staff/{DemoData.HarbourAdminId}/deactivate", null));

        Assert.Single(answers, a => a.IsSuccessStatusCode);
        // The loser is refused, or (when the winner ended its sessions first) no longer signed in.
        Assert.Contains(answers.Single(a => !a.IsSuccessStatusCode).StatusCode, new[] { HttpStatusCode.Conflict, HttpStatusCode.Unauthorized });
        using var survivor = await _app.SignedInClientAsync(answers[0].IsSuccessStatusCode ? DemoData.HarbourAdminEmail : DemoData.DrLeeEmail);
        var admins = (await (await survivor.GetAsync("/api/practice/staff")).JsonAsync()).EnumerateArray()
            .Count(s => s.GetProperty("practiceAdmin").GetBoolean() && s.GetProperty("active").GetBoolean());
        Assert.Equal(1, admins);
    }

    [Fact]
    public async Task A_deactivated_practitioner_is_signed_out_everywhere_at_once_cannot_sign_in_and_what_they_did_stays_theirs()
    {
        using var admin = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        var tokens = await _app.LoginAsync(DemoData.DrLeeEmail);
        var secondDevice = await _app.LoginAsync(DemoData.DrLeeEmail);
        using var drLee = _app.ClientWith(tokens.AccessToken);
        (await drLee.PostAsJsonAsync($"/api/practice/patients/{DemoPatients.AvaNguyenId}/invitations", new { })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await drLee.GetAsync("/api/me")).StatusCode);

        using var deactivated = await admin.PostAsync($"/api/practice/staff/{DemoData.DrLeeId}/deactivate", null);

        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        Assert.False((await deactivated.JsonAsync()).GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await drLee.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.ClientWith(secondDevice.AccessToken).GetAsync("/api/practice/patients")).StatusCode);
        using var anonymous = _app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken })).StatusCode);
        using var signIn = await _app.PostLoginAsync(DemoData.DrLeeEmail);
        Assert.False(signIn.IsSuccessStatusCode, "a deactivated account signed in");
        await ProblemAssert.IsProblemAsync(await admin.PostAsync($"/api/practice/staff/{DemoData.DrLeeId}/deactivate", null), HttpStatusCode.Conflict, "staff.already-deactivated");

        var invitations = await (await admin.GetAsync("/api/practice/invitations")).JsonAsync();
        Assert.Equal("Sam Lee", invitations.GetProperty("items")[0].GetProperty("invitedBy").GetProperty("name").GetString());
        var member = (await (await admin.GetAsync("/api/practice/staff")).JsonAsync()).EnumerateArray().Single(s => s.GetProperty("userId").GetGuid() == DemoData.DrLeeId);
        Assert.False(member.GetProperty("active").GetBoolean());
        Assert.Equal("Sam Lee", member.GetProperty("name").GetString());
        Assert.Contains(await _app.PublishedAsync<SecurityEventOccurred>("identity"), e => e.Kind == SecurityEventKind.StaffDeactivated && e.AccountId == DemoData.DrLeeId);

        (await admin.PostAsync($"/api/practice/staff/{DemoData.DrLeeId}/reactivate", null)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await _app.PostLoginAsync(DemoData.DrLeeEmail)).StatusCode);
    }

    [Fact]
    public async Task An_address_with_an_account_or_a_pending_invitation_is_409()
    {
        using var admin = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        await ProblemAssert.IsProblemAsync(
            await admin.PostAsJsonAsync("/api/practice/staff/invitations", new { email = "DR.LEE@harbour.test", practiceAdmin = false }), HttpStatusCode.Conflict, "staff.email-taken");
        await InviteAsync(admin, "alex@harbour.test");
        await ProblemAssert.IsProblemAsync(
            await admin.PostAsJsonAsync("/api/practice/staff/invitations", new { email = "Alex@Harbour.test", practiceAdmin = false }), HttpStatusCode.Conflict,
            "staff-invitations.pending-exists");
        await ProblemAssert.IsProblemAsync(
            await admin.PostAsJsonAsync("/api/practice/staff/invitations", new { email = "not an email", practiceAdmin = false }), HttpStatusCode.BadRequest, "validation.failed");
    }

    private async Task<long> StoredTokenCountAsync(string value)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_app.DataDirectory, "identity.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM StaffInvitations WHERE TokenHash = $value";
        command.Parameters.AddWithValue("$value", value);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [GeneratedRegex(@"/admin/join/([A-Za-z0-9_-]+)")]
    private static partial Regex JoinLink();
}
