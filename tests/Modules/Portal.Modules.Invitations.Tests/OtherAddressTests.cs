using System.Net;
using System.Net.Http.Json;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Invitations.Tests;

/// <summary>Portal access goes where the record says: another address needs a practice admin and is told to the address on record.</summary>
public sealed class OtherAddressTests : IAsyncLifetime
{
    private readonly PortalApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_plain_practitioner_cannot_invite_to_another_address_and_nothing_is_sent()
    {
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);

        await ProblemAssert.IsProblemAsync(
            await drLee.InviteAsync(DemoPatients.AvaNguyenId, new { email = "attacker@example.test" }), HttpStatusCode.Forbidden, "invitations.other-address-needs-admin");

        await _app.RunMessagingAsync();
        Assert.Equal(0, await _app.MailboxCountAsync());
        Assert.Equal(0, (await (await drLee.GetAsync("/api/practice/invitations")).JsonAsync()).GetProperty("total").GetInt32());
        Assert.Empty(await _app.PublishedAsync<SecurityEventOccurred>("invitations"));
    }

    [Fact]
    public async Task The_records_own_address_in_another_case_is_not_another_address()
    {
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);

        using var invited = await drLee.InviteAsync(DemoPatients.AvaNguyenId, new { email = "  AVA@Example.test " });

        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        Assert.Empty(await _app.PublishedAsync<SecurityEventOccurred>("invitations"));
        await _app.RunMessagingAsync();
        Assert.Equal(0, await _app.MailboxCountAsync("Harbour Health: portal invitation sent to another address"));
    }

    [Fact]
    public async Task A_practice_admin_may_and_the_address_on_record_is_told_and_the_security_log_gets_it()
    {
        using var admin = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        var adminId = (await (await admin.GetAsync("/api/me")).JsonAsync()).GetProperty("userId").GetGuid();

        using var invited = await admin.InviteAsync(DemoPatients.AvaNguyenId, new { email = "ava.work@example.test" });

        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        Assert.NotEmpty(await _app.LatestInvitationTokenAsync("ava.work@example.test"));
        using var client = _app.CreateClient();
        var toRecord = await (await client.GetAsync("/api/dev/mailbox?to=ava@example.test")).JsonAsync();
        var notice = Assert.Single(toRecord.EnumerateArray());
        Assert.Contains("another address", notice.GetProperty("subject").GetString());
        Assert.Contains("ava.work@example.test", notice.GetProperty("body").GetString());
        Assert.DoesNotContain("/invite/", notice.GetProperty("body").GetString());

        var logged = Assert.Single(await _app.PublishedAsync<SecurityEventOccurred>("invitations"));
        Assert.Equal(SecurityEventKind.InvitationToOtherAddress, logged.Kind);
        Assert.Equal(adminId, logged.ActorUserId);
        Assert.Equal(DemoData.HarbourHealthId, logged.PracticeGroupId);
        Assert.Contains(DemoPatients.AvaNguyenId.ToString(), logged.Detail);
    }

    [Fact]
    public async Task Resending_to_another_address_needs_a_practice_admin_too_and_tells_the_record_again()
    {
        using var admin = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        var id = (await (await admin.InviteAsync(DemoPatients.AvaNguyenId, new { email = "ava.work@example.test" })).JsonAsync()).GetProperty("id").GetGuid();

        await ProblemAssert.IsProblemAsync(
            await drLee.PostAsync($"/api/practice/invitations/{id}/resend", null), HttpStatusCode.Forbidden, "invitations.other-address-needs-admin");
        Assert.Single(await _app.PublishedAsync<SecurityEventOccurred>("invitations"));

        using var resent = await admin.PostAsync($"/api/practice/invitations/{id}/resend", null);
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.Equal(2, (await _app.PublishedAsync<SecurityEventOccurred>("invitations")).Count);
        await _app.RunMessagingAsync();
        Assert.Equal(2, await _app.MailboxCountAsync("Harbour Health: portal invitation sent to another address"));
    }

    [Fact]
    public async Task A_resend_follows_the_record_as_it_is_now()
    {
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        var id = (await (await drLee.InviteAsync(DemoPatients.AvaNguyenId)).JsonAsync()).GetProperty("id").GetGuid();
        var patient = await (await drLee.GetAsync($"/api/practice/patients/{DemoPatients.AvaNguyenId}")).JsonAsync();
        var changed = new System.Text.Json.Nodes.JsonObject();
        foreach (var field in new[] { "givenName", "familyName", "preferredName", "dateOfBirth", "sex", "mobilePhone", "address", "emergencyContact", "version" })
        {
            changed[field] = System.Text.Json.Nodes.JsonNode.Parse(patient.GetProperty(field).GetRawText());
        }

        changed["email"] = "ava.new@example.test";
        using var saved = await drLee.PutAsJsonAsync($"/api/practice/patients/{DemoPatients.AvaNguyenId}", changed);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());

        // The invitation went to the old address, which is no longer the record's.
        await ProblemAssert.IsProblemAsync(
            await drLee.PostAsync($"/api/practice/invitations/{id}/resend", null), HttpStatusCode.Forbidden, "invitations.other-address-needs-admin");
    }

    [Fact]
    public async Task Every_step_of_an_invitation_is_in_the_patients_access_log_for_the_practice_and_the_patient()
    {
        const string password = "Ava's own long passphrase";
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        var first = (await (await drLee.InviteAsync(DemoPatients.AvaNguyenId)).JsonAsync()).GetProperty("id").GetGuid();
        (await drLee.PostAsync($"/api/practice/invitations/{first}/revoke", null)).EnsureSuccessStatusCode();
        var second = (await (await drLee.InviteAsync(DemoPatients.AvaNguyenId)).JsonAsync()).GetProperty("id").GetGuid();
        (await drLee.PostAsync($"/api/practice/invitations/{second}/resend", null)).EnsureSuccessStatusCode();
        var token = await _app.LatestInvitationTokenAsync("ava@example.test");
        using var anonymous = _app.CreateClient();
        (await anonymous.AcceptAsync(token, password)).EnsureSuccessStatusCode();
        await _app.RunMessagingAsync();

        var log = await (await drLee.GetAsync($"/api/practice/patients/{DemoPatients.AvaNguyenId}/access-log?pageSize=200")).JsonAsync();
        var portalAccess = log.GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("subject").GetString() == "portalAccess")
            .Select(e => (Action: e.GetProperty("action").GetString(), Actor: e.GetProperty("actorName").GetString()))
            .Reverse().ToList();
        Assert.Equal(
            [("invited", "Sam Lee"), ("invitationRevoked", "Sam Lee"), ("invited", "Sam Lee"), ("invitationResent", "Sam Lee"), ("accepted", "Ava Nguyen")],
            portalAccess);

        using var ava = await _app.SignedInClientAsync("ava@example.test", password);
        var own = await (await ava.GetAsync("/api/portal/access-log?pageSize=200")).JsonAsync();
        Assert.Equal(5, own.GetProperty("items").EnumerateArray().Count(e => e.GetProperty("subject").GetString() == "portalAccess"));
    }
}
