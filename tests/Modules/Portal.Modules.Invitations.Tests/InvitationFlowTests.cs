using System.Net;
using System.Net.Http.Json;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Invitations.Tests;

public sealed class InvitationFlowTests : IAsyncLifetime
{
    private const string AvaPassword = "Ava's own long passphrase";
    private readonly PortalApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_patient_is_invited_accepts_through_the_emailed_link_signs_in_and_the_practice_is_told()
    {
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);

        using var invited = await drLee.InviteAsync(DemoPatients.AvaNguyenId, new { message = "See you online" });
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        var invitation = await invited.JsonAsync();
        Assert.Equal("pending", invitation.GetProperty("status").GetString());
        Assert.Equal("ava@example.test", invitation.GetProperty("email").GetString());
        Assert.Equal(_app.Clock.GetUtcNow().AddDays(7), invitation.GetProperty("expiresAt").GetDateTimeOffset(), TimeSpan.FromSeconds(1));

        var token = await _app.LatestInvitationTokenAsync("ava@example.test");
        Assert.True(token.Length >= 22, "at least 128 random bits");
        var patients = await (await drLee.GetAsync("/api/practice/patients?search=ava")).JsonAsync();
        Assert.Equal("invited", patients.GetProperty("items")[0].GetProperty("portalStatus").GetString());

        using var anonymous = _app.CreateClient();
        var details = await (await anonymous.GetAsync($"/api/invitations/{token}")).JsonAsync();
        Assert.Equal("Harbour Health", details.GetProperty("practiceName").GetString());
        Assert.Equal("Ava", details.GetProperty("givenName").GetString());
        Assert.False(details.GetProperty("accountExists").GetBoolean());

        using var accepted = await anonymous.AcceptAsync(token, AvaPassword);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var userId = (await accepted.JsonAsync()).GetProperty("userId").GetGuid();

        using var ava = await _app.SignedInClientAsync("ava@example.test", AvaPassword);
        var me = await (await ava.GetAsync("/api/me")).JsonAsync();
        Assert.Equal(userId, me.GetProperty("userId").GetGuid());
        Assert.Equal([DemoPatients.AvaNguyenId], me.GetProperty("patientIds").EnumerateArray().Select(p => p.GetGuid()));

        await _app.RunMessagingAsync();
        var notifications = await (await drLee.GetAsync("/api/practice/notifications")).JsonAsync();
        var notification = Assert.Single(notifications.GetProperty("items").EnumerateArray());
        Assert.Equal("invitationAccepted", notification.GetProperty("kind").GetString());
        Assert.Equal(DemoPatients.AvaNguyenId, notification.GetProperty("patientId").GetGuid());
        var afterwards = await (await drLee.GetAsync("/api/practice/patients?search=ava")).JsonAsync();
        Assert.Equal("active", afterwards.GetProperty("items")[0].GetProperty("portalStatus").GetString());
        var list = await (await drLee.GetAsync("/api/practice/invitations?status=accepted")).JsonAsync();
        Assert.Equal("Sam Lee", list.GetProperty("items")[0].GetProperty("invitedBy").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_used_link_is_410_used_and_an_unknown_one_404()
    {
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        (await drLee.InviteAsync(DemoPatients.AvaNguyenId)).Dispose();
        var token = await _app.LatestInvitationTokenAsync("ava@example.test");
        using var anonymous = _app.CreateClient();
        (await anonymous.AcceptAsync(token, AvaPassword)).Dispose();

        await ProblemAssert.IsProblemAsync(await anonymous.AcceptAsync(token, AvaPassword), HttpStatusCode.Gone, "invitations.used");
        await ProblemAssert.IsProblemAsync(await anonymous.GetAsync($"/api/invitations/{token}"), HttpStatusCode.Gone, "invitations.used");
        await ProblemAssert.IsProblemAsync(await anonymous.GetAsync("/api/invitations/not-a-real-token-at-all"), HttpStatusCode.NotFound, "invitations.not-found");
    }

    [Fact]
    public async Task Two_accepts_of_one_link_at_once_make_exactly_one_account()
    {
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        (await drLee.InviteAsync(DemoPatients.NoahSmithId)).Dispose();
        var token = await _app.LatestInvitationTokenAsync("noah@example.test");
        using var first = _app.CreateClient();
        using var second = _app.CreateClient();

        var responses = await Task.WhenAll(first.AcceptAsync(token, "Noah's first passphrase"), second.AcceptAsync(token, "Noah's other passphrase"));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Gone);
        var signIns = await Task.WhenAll(_app.PostLoginAsync("noah@example.test", "Noah's first passphrase"), _app.PostLoginAsync("noah@example.test", "Noah's other passphrase"));
        Assert.Single(signIns, r => r.StatusCode == HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_expired_link_is_410_expired_and_the_expiry_job_resets_the_patient_status()
    {
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        (await drLee.InviteAsync(DemoPatients.AvaNguyenId)).Dispose();
        var token = await _app.LatestInvitationTokenAsync("ava@example.test");

        _app.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));
        using var drLeeNextWeek = await _app.SignedInClientAsync(DemoData.DrLeeEmail);   // access tokens last 15 minutes

        using var anonymous = _app.CreateClient();
        await ProblemAssert.IsProblemAsync(await anonymous.GetAsync($"/api/invitations/{token}"), HttpStatusCode.Gone, "invitations.expired");
        await ProblemAssert.IsProblemAsync(await anonymous.AcceptAsync(token, AvaPassword), HttpStatusCode.Gone, "invitations.expired");
        var expired = await (await drLeeNextWeek.GetAsync("/api/practice/invitations?status=expired")).JsonAsync();
        Assert.Equal(1, expired.GetProperty("total").GetInt32());

        await _app.RunJobAsync("invitations.expire-invitations");
        await _app.RunMessagingAsync();
        var patients = await (await drLeeNextWeek.GetAsync("/api/practice/patients?search=ava")).JsonAsync();
        Assert.Equal("notInvited", patients.GetProperty("items")[0].GetProperty("portalStatus").GetString());
        using var again = await drLeeNextWeek.InviteAsync(DemoPatients.AvaNguyenId);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    [Fact]
    public async Task A_revoked_link_is_410_revoked_and_revoking_twice_is_409()
    {
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        var id = (await (await drLee.InviteAsync(DemoPatients.AvaNguyenId)).JsonAsync()).GetProperty("id").GetGuid();
        var token = await _app.LatestInvitationTokenAsync("ava@example.test");

        using var revoked = await drLee.PostAsync($"/api/practice/invitations/{id}/revoke", null);
        Assert.Equal("revoked", (await revoked.JsonAsync()).GetProperty("status").GetString());

        using var anonymous = _app.CreateClient();
        await ProblemAssert.IsProblemAsync(await anonymous.AcceptAsync(token, AvaPassword), HttpStatusCode.Gone, "invitations.revoked");
        await ProblemAssert.IsProblemAsync(await drLee.PostAsync($"/api/practice/invitations/{id}/revoke", null), HttpStatusCode.Conflict, "invitations.not-pending");
    }

    [Fact]
    public async Task Resend_gives_a_new_link_and_expiry_and_the_old_link_stops_working()
    {
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        var id = (await (await drLee.InviteAsync(DemoPatients.AvaNguyenId)).JsonAsync()).GetProperty("id").GetGuid();
        var oldToken = await _app.LatestInvitationTokenAsync("ava@example.test");
        _app.Clock.Advance(TimeSpan.FromDays(2));
        using var drLeeLater = await _app.SignedInClientAsync(DemoData.DrLeeEmail);

        using var resent = await drLeeLater.PostAsync($"/api/practice/invitations/{id}/resend", null);
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.Equal(_app.Clock.GetUtcNow().AddDays(7), (await resent.JsonAsync()).GetProperty("expiresAt").GetDateTimeOffset(), TimeSpan.FromSeconds(1));
        var newToken = await _app.LatestInvitationTokenAsync("ava@example.test");
        Assert.NotEqual(oldToken, newToken);

        using var anonymous = _app.CreateClient();
        await ProblemAssert.IsProblemAsync(await anonymous.AcceptAsync(oldToken, AvaPassword), HttpStatusCode.Gone, "invitations.revoked");
        using var accepted = await anonymous.AcceptAsync(newToken, AvaPassword);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Fact]
    public async Task A_weak_password_is_400_and_the_link_still_works()
    {
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        (await drLee.InviteAsync(DemoPatients.AvaNguyenId)).Dispose();
        var token = await _app.LatestInvitationTokenAsync("ava@example.test");
        using var anonymous = _app.CreateClient();

        var problem = await ProblemAssert.IsProblemAsync(await anonymous.AcceptAsync(token, "short"), HttpStatusCode.BadRequest, "invitations.password-required");
        Assert.NotEmpty(ProblemAssert.FieldErrors(problem, "password"));
        await ProblemAssert.IsProblemAsync(await anonymous.AcceptAsync(token, "aaaaaaaaaaaaaaaa"), HttpStatusCode.BadRequest, IdentityErrorCodes.WeakPassword);

        Assert.Equal(HttpStatusCode.Created, (await anonymous.AcceptAsync(token, AvaPassword)).StatusCode);
    }
}
