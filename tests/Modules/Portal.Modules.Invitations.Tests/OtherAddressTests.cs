using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Portal.Modules.Identity.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Invitations.Tests;

/// <summary>Portal access goes where the record says: another address needs a practice admin and is told to the address on record.</summary>
public sealed class OtherAddressTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task A_plain_practitioner_cannot_invite_to_another_address_and_nothing_is_sent()
    {
        var practice = await app.NewPracticeAsync();
        var ava = await practice.AddPatientAsync();
        var attacker = $"attacker.{practice.Id:N}@example.test";
        using var drLee = await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password);

        await ProblemAssert.IsProblemAsync(
            await drLee.InviteAsync(ava.Id, new { email = attacker }), HttpStatusCode.Forbidden, "invitations.other-address-needs-admin");

        await app.RunMessagingAsync();
        Assert.Equal(0, await app.MailboxCountToAsync(ava.Email) + await app.MailboxCountToAsync(attacker));
        Assert.Equal(0, (await drLee.GetFromJsonAsync<Page>("/api/practice/invitations", PortalClients.Json))!.Total);
        Assert.Empty(await SecurityEventsOfAsync(practice));
    }

    [Fact]
    public async Task The_records_own_address_in_another_case_is_not_another_address()
    {
        var practice = await app.NewPracticeAsync();
        var ava = await practice.AddPatientAsync();
        using var drLee = await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password);

        using var invited = await drLee.InviteAsync(ava.Id, new { email = $"  {ava.Email.ToUpperInvariant()} " });

        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        Assert.Empty(await SecurityEventsOfAsync(practice));
        await app.RunMessagingAsync();
        Assert.Equal(0, await app.MailboxCountToAsync(ava.Email, $"{practice.Name}: portal invitation sent to another address"));
    }

    [Fact]
    public async Task A_practice_admin_may_and_the_address_on_record_is_told_and_the_security_log_gets_it()
    {
        var practice = await app.NewPracticeAsync();
        var ava = await practice.AddPatientAsync();
        var workAddress = $"ava.work.{practice.Id:N}@example.test";
        using var admin = await practice.SignedInAdminAsync();
        var adminId = (await admin.GetFromJsonAsync<Me>("/api/me", PortalClients.Json))!.UserId;

        using var invited = await admin.InviteAsync(ava.Id, new { email = workAddress });

        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        Assert.NotEmpty(await app.LatestInvitationTokenAsync(workAddress));
        using var client = app.CreateClient();
        var toRecord = (await client.GetFromJsonAsync<List<MailboxEmail>>($"/api/dev/mailbox?to={Uri.EscapeDataString(ava.Email)}", PortalClients.Json))!;
        var notice = Assert.Single(toRecord);
        Assert.Contains("another address", notice.Subject);
        Assert.Contains(workAddress, notice.Body);
        Assert.DoesNotContain("/invite/", notice.Body);

        var logged = Assert.Single(await SecurityEventsOfAsync(practice));
        Assert.Equal(SecurityEventKind.InvitationToOtherAddress, logged.Kind);
        Assert.Equal(adminId, logged.ActorUserId);
        Assert.Equal(practice.Id, logged.PracticeGroupId);
        Assert.Contains(ava.Id.ToString(), logged.Detail);
    }

    [Fact]
    public async Task Resending_to_another_address_needs_a_practice_admin_too_and_tells_the_record_again()
    {
        var practice = await app.NewPracticeAsync();
        var ava = await practice.AddPatientAsync();
        using var admin = await practice.SignedInAdminAsync();
        using var drLee = await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password);
        var id = (await (await admin.InviteAsync(ava.Id, new { email = $"ava.work.{practice.Id:N}@example.test" })).Content.ReadFromJsonAsync<Invitation>(PortalClients.Json))!.Id;

        await ProblemAssert.IsProblemAsync(
            await drLee.PostAsync($"/api/practice/invitations/{id}/resend", null), HttpStatusCode.Forbidden, "invitations.other-address-needs-admin");
        Assert.Single(await SecurityEventsOfAsync(practice));

        using var resent = await admin.PostAsync($"/api/practice/invitations/{id}/resend", null);
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.Equal(2, (await SecurityEventsOfAsync(practice)).Count);
        await app.RunMessagingAsync();
        Assert.Equal(2, await app.MailboxCountToAsync(ava.Email, $"{practice.Name}: portal invitation sent to another address"));
    }

    [Fact]
    public async Task A_resend_follows_the_record_as_it_is_now()
    {
        var practice = await app.NewPracticeAsync();
        var ava = await practice.AddPatientAsync();
        using var drLee = await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password);
        var id = (await (await drLee.InviteAsync(ava.Id)).Content.ReadFromJsonAsync<Invitation>(PortalClients.Json))!.Id;
        var patient = (await drLee.GetFromJsonAsync<JsonObject>($"/api/practice/patients/{ava.Id}", PortalClients.Json))!;
        var changed = new JsonObject();
        foreach (var field in new[] { "givenName", "familyName", "preferredName", "dateOfBirth", "sex", "mobilePhone", "address", "emergencyContact", "version" })
        {
            changed[field] = patient[field]?.DeepClone();
        }

        changed["email"] = $"ava.new.{practice.Id:N}@example.test";
        using var saved = await drLee.PutAsJsonAsync($"/api/practice/patients/{ava.Id}", changed);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());

        // The invitation went to the old address, which is no longer the record's.
        await ProblemAssert.IsProblemAsync(
            await drLee.PostAsync($"/api/practice/invitations/{id}/resend", null), HttpStatusCode.Forbidden, "invitations.other-address-needs-admin");
    }

    [Fact]
    public async Task Every_step_of_an_invitation_is_in_the_patients_access_log_for_the_practice_and_the_patient()
    {
        const string password = "Ava's own long passphrase";
        var practice = await app.NewPracticeAsync();
        var avaRecord = await practice.AddPatientAsync();
        using var drLee = await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password);
        var first = (await (await drLee.InviteAsync(avaRecord.Id)).Content.ReadFromJsonAsync<Invitation>(PortalClients.Json))!.Id;
        (await drLee.PostAsync($"/api/practice/invitations/{first}/revoke", null)).EnsureSuccessStatusCode();
        var second = (await (await drLee.InviteAsync(avaRecord.Id)).Content.ReadFromJsonAsync<Invitation>(PortalClients.Json))!.Id;
        (await drLee.PostAsync($"/api/practice/invitations/{second}/resend", null)).EnsureSuccessStatusCode();
        var token = await app.LatestInvitationTokenAsync(avaRecord.Email);
        using var anonymous = app.CreateClient();
        (await anonymous.AcceptAsync(token, password)).EnsureSuccessStatusCode();
        await app.RunMessagingAsync();

        var log = (await drLee.GetFromJsonAsync<AccessLog>($"/api/practice/patients/{avaRecord.Id}/access-log?pageSize=200", PortalClients.Json))!;
        var portalAccess = log.Items
            .Where(e => e.Subject == "portalAccess")
            .Select(e => (e.Action, Actor: e.ActorName))
            .Reverse().ToList();
        Assert.Equal(
            [("invited", "Sam Lee"), ("invitationRevoked", "Sam Lee"), ("invited", "Sam Lee"), ("invitationResent", "Sam Lee"), ("accepted", "Ava Nguyen")],
            portalAccess);

        using var ava = await app.SignedInClientAsync(avaRecord.Email, password);
        var own = (await ava.GetFromJsonAsync<AccessLog>("/api/portal/access-log?pageSize=200", PortalClients.Json))!;
        Assert.Equal(5, own.Items.Count(e => e.Subject == "portalAccess"));
    }

    /// <summary>The security events the invitations module published about this practice (other tests' practices publish theirs too).</summary>
    private async Task<List<SecurityEventOccurred>> SecurityEventsOfAsync(TestPractice practice) =>
        (await app.PublishedAsync<SecurityEventOccurred>("invitations")).Where(e => e.PracticeGroupId == practice.Id).ToList();

    private sealed record Me(Guid UserId);

    private sealed record Invitation(Guid Id);

    private sealed record Page(int Total);

    private sealed record LogEntry(string? Subject, string? Action, string? ActorName);

    private sealed record AccessLog(List<LogEntry> Items);
}
