using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Invitations.Tests;

public sealed class InvitationRulesTests : IAsyncLifetime
{
    private readonly PortalApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_practices_settings_decide_at_the_moment_of_the_request()
    {
        using var admin = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);

        await admin.PutPortalSettingsAsync(portalEnabled: true, patientInvitations: false);
        await ProblemAssert.IsProblemAsync(await drLee.InviteAsync(DemoPatients.AvaNguyenId), HttpStatusCode.Forbidden, "invitations.disabled");

        await admin.PutPortalSettingsAsync(portalEnabled: false, patientInvitations: true);
        await ProblemAssert.IsProblemAsync(await drLee.InviteAsync(DemoPatients.AvaNguyenId), HttpStatusCode.Forbidden, "portal.disabled");

        await admin.PutPortalSettingsAsync(portalEnabled: true, patientInvitations: true);
        Assert.Equal(HttpStatusCode.Created, (await drLee.InviteAsync(DemoPatients.AvaNguyenId)).StatusCode);
    }

    [Fact]
    public async Task A_second_invitation_is_409_and_a_patient_without_email_needs_one_in_the_body()
    {
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        Assert.Equal(HttpStatusCode.Created, (await drLee.InviteAsync(DemoPatients.AvaNguyenId)).StatusCode);
        await ProblemAssert.IsProblemAsync(await drLee.InviteAsync(DemoPatients.AvaNguyenId), HttpStatusCode.Conflict, "invitations.pending-exists");

        var problem = await ProblemAssert.IsProblemAsync(await drLee.InviteAsync(DemoPatients.LiamWilsonId), HttpStatusCode.BadRequest, "invitations.email-required");
        Assert.NotEmpty(ProblemAssert.FieldErrors(problem, "email"));
        // A typed address is not the record's: a plain practitioner may not send there, a practice admin may.
        await ProblemAssert.IsProblemAsync(
            await drLee.InviteAsync(DemoPatients.LiamWilsonId, new { email = "liam@example.test" }), HttpStatusCode.Forbidden, "invitations.other-address-needs-admin");
        using var admin = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        using var withEmail = await admin.InviteAsync(DemoPatients.LiamWilsonId, new { email = "liam@example.test" });
        Assert.Equal("liam@example.test", (await withEmail.JsonAsync()).GetProperty("email").GetString());

        await ProblemAssert.IsProblemAsync(await drLee.InviteAsync(DemoPatients.MiaChenId, new { email = "not an email" }), HttpStatusCode.BadRequest, "validation.failed");
    }

    [Fact]
    public async Task Two_practitioners_inviting_the_same_patient_at_once_create_one_invitation()
    {
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        using var admin = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);

        var responses = await Task.WhenAll(drLee.InviteAsync(DemoPatients.NoahSmithId), admin.InviteAsync(DemoPatients.NoahSmithId));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_already_linked_patient_is_409()
    {
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        (await drLee.InviteAsync(DemoPatients.AvaNguyenId)).Dispose();
        var token = await _app.LatestInvitationTokenAsync("ava@example.test");
        using var anonymous = _app.CreateClient();
        (await anonymous.AcceptAsync(token, "Ava's own long passphrase")).Dispose();

        await ProblemAssert.IsProblemAsync(await drLee.InviteAsync(DemoPatients.AvaNguyenId), HttpStatusCode.Conflict, "invitations.already-linked");
    }

    [Fact]
    public async Task Another_groups_practitioner_can_neither_invite_their_patients_nor_see_or_act_on_their_invitations()
    {
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        var id = (await (await drLee.InviteAsync(DemoPatients.AvaNguyenId)).JsonAsync()).GetProperty("id").GetGuid();
        using var summit = await _app.SignedInClientAsync(DemoData.SummitAdminEmail);

        await ProblemAssert.IsProblemAsync(await summit.InviteAsync(DemoPatients.NoahSmithId), HttpStatusCode.NotFound, "patients.not-found");
        Assert.Equal(0, (await (await summit.GetAsync("/api/practice/invitations")).JsonAsync()).GetProperty("total").GetInt32());
        await ProblemAssert.IsProblemAsync(await summit.PostAsync($"/api/practice/invitations/{id}/resend", null), HttpStatusCode.NotFound, "invitations.not-found");
        await ProblemAssert.IsProblemAsync(await summit.PostAsync($"/api/practice/invitations/{id}/revoke", null), HttpStatusCode.NotFound, "invitations.not-found");
        Assert.Equal(1, (await (await drLee.GetAsync("/api/practice/invitations?status=pending")).JsonAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_existing_account_links_a_second_practice_only_when_its_owner_is_signed_in()
    {
        const string password = "Ava's own long passphrase";
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        (await drLee.InviteAsync(DemoPatients.AvaNguyenId)).Dispose();
        var harbourToken = await _app.LatestInvitationTokenAsync("ava@example.test");
        using var anonymous = _app.CreateClient();
        var userId = (await (await anonymous.AcceptAsync(harbourToken, password)).JsonAsync()).GetProperty("userId").GetGuid();

        using var summit = await _app.SignedInClientAsync(DemoData.SummitAdminEmail);
        using var created = await summit.PostAsJsonAsync("/api/practice/patients", new { givenName = "Ava", familyName = "Nguyen", dateOfBirth = "1990-04-12", email = "ava@example.test" });
        var summitPatient = (await created.JsonAsync()).GetProperty("id").GetGuid();
        (await summit.InviteAsync(summitPatient)).Dispose();
        var summitToken = await _app.LatestInvitationTokenAsync("ava@example.test");

        Assert.True((await (await anonymous.GetAsync($"/api/invitations/{summitToken}")).JsonAsync()).GetProperty("accountExists").GetBoolean());
        await ProblemAssert.IsProblemAsync(await anonymous.AcceptAsync(summitToken, "a brand new password!"), HttpStatusCode.Conflict, "invitations.sign-in-required");

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var identity = scope.ServiceProvider.GetRequiredService<IIdentityApi>();
            await identity.CreatePatientAccountAsync(new NewPatientAccount("someone@example.test", "someone else's password", "Some", "One"), default);
        }

        using var someoneElse = await _app.SignedInClientAsync("someone@example.test", "someone else's password");
        await ProblemAssert.IsProblemAsync(await someoneElse.AcceptAsync(summitToken, null), HttpStatusCode.Forbidden, "invitations.wrong-account");

        using var ava = await _app.SignedInClientAsync("ava@example.test", password);
        using var linked = await ava.AcceptAsync(summitToken, null);
        Assert.Equal(HttpStatusCode.Created, linked.StatusCode);
        Assert.Equal(userId, (await linked.JsonAsync()).GetProperty("userId").GetGuid());

        var me = await (await ava.GetAsync("/api/me")).JsonAsync();
        Assert.Equal([DemoPatients.AvaNguyenId, summitPatient], me.GetProperty("patientIds").EnumerateArray().Select(p => p.GetGuid()).OrderBy(g => g == summitPatient));
        await _app.LoginAsync("ava@example.test", password);   // the password was not overwritten
    }

    [Fact]
    public async Task One_reminder_is_sent_after_three_days_never_twice_and_it_carries_a_working_link()
    {
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        (await drLee.InviteAsync(DemoPatients.AvaNguyenId)).Dispose();
        var firstToken = await _app.LatestInvitationTokenAsync("ava@example.test");

        _app.Clock.Advance(TimeSpan.FromDays(2));
        await _app.RunJobAsync("invitations.send-reminders");
        await _app.RunMessagingAsync();
        Assert.Equal(0, await _app.MailboxCountAsync("Reminder:"));

        _app.Clock.Advance(TimeSpan.FromDays(1));
        await _app.RunJobAsync("invitations.send-reminders");
        await _app.RunJobAsync("invitations.send-reminders");
        var token = await _app.LatestInvitationTokenAsync("ava@example.test");
        Assert.Equal(1, await _app.MailboxCountAsync("Reminder:"));
        Assert.Equal(2, await _app.MailboxCountAsync());

        Assert.NotEqual(firstToken, token);

        // The first email's link still works after the reminder, until the same expiry.
        using var anonymous = _app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/invitations/{token}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await anonymous.AcceptAsync(firstToken, "Ava's own long passphrase")).StatusCode);
        await ProblemAssert.IsProblemAsync(await anonymous.AcceptAsync(token, "Ava's own long passphrase"), HttpStatusCode.Gone, "invitations.used");
    }

    [Fact]
    public async Task No_reminder_goes_out_once_the_practice_turned_invitations_off()
    {
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        (await drLee.InviteAsync(DemoPatients.AvaNguyenId)).Dispose();
        await _app.RunMessagingAsync();
        using var admin = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        await admin.PutPortalSettingsAsync(portalEnabled: true, patientInvitations: false);

        _app.Clock.Advance(TimeSpan.FromDays(3));
        await _app.RunJobAsync("invitations.send-reminders");
        await _app.RunMessagingAsync();

        Assert.Equal(0, await _app.MailboxCountAsync("Reminder:"));
    }
}
