using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.Identity.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Invitations.Tests;

public sealed class InvitationRulesTests(PortalApp app) : IClassFixture<PortalApp>
{
    private const string AvaPassword = "Ava's own long passphrase";

    [Fact]
    public async Task The_practices_settings_decide_at_the_moment_of_the_request()
    {
        var practice = await app.NewPracticeAsync();
        var ava = await practice.AddPatientAsync();
        using var admin = await practice.SignedInAdminAsync();
        using var drLee = await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password);

        await admin.PutPortalSettingsAsync(portalEnabled: true, patientInvitations: false);
        await ProblemAssert.IsProblemAsync(await drLee.InviteAsync(ava.Id), HttpStatusCode.Forbidden, "invitations.disabled");

        await admin.PutPortalSettingsAsync(portalEnabled: false, patientInvitations: true);
        await ProblemAssert.IsProblemAsync(await drLee.InviteAsync(ava.Id), HttpStatusCode.Forbidden, "portal.disabled");

        await admin.PutPortalSettingsAsync(portalEnabled: true, patientInvitations: true);
        Assert.Equal(HttpStatusCode.Created, (await drLee.InviteAsync(ava.Id)).StatusCode);
    }

    [Fact]
    public async Task A_second_invitation_is_409_and_a_patient_without_email_needs_one_in_the_body()
    {
        var practice = await app.NewPracticeAsync();
        var ava = await practice.AddPatientAsync();
        var liam = await practice.AddPatientAsync(new { givenName = "Liam", familyName = "Wilson", dateOfBirth = "1985-09-30" });
        var mia = await practice.AddPatientAsync();
        var liamsTypedAddress = $"liam.{practice.Id:N}@example.test";
        using var drLee = await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password);
        Assert.Equal(HttpStatusCode.Created, (await drLee.InviteAsync(ava.Id)).StatusCode);
        await ProblemAssert.IsProblemAsync(await drLee.InviteAsync(ava.Id), HttpStatusCode.Conflict, "invitations.pending-exists");

        var problem = await ProblemAssert.IsProblemAsync(await drLee.InviteAsync(liam.Id), HttpStatusCode.BadRequest, "invitations.email-required");
        Assert.NotEmpty(ProblemAssert.FieldErrors(problem, "email"));
        // A typed address is not the record's: a plain practitioner may not send there, a practice admin may.
        await ProblemAssert.IsProblemAsync(
            await drLee.InviteAsync(liam.Id, new { email = liamsTypedAddress }), HttpStatusCode.Forbidden, "invitations.other-address-needs-admin");
        using var admin = await practice.SignedInAdminAsync();
        using var withEmail = await admin.InviteAsync(liam.Id, new { email = liamsTypedAddress });
        Assert.Equal(liamsTypedAddress, (await withEmail.Content.ReadFromJsonAsync<Invitation>(PortalClients.Json))!.Email);

        await ProblemAssert.IsProblemAsync(await drLee.InviteAsync(mia.Id, new { email = "not an email" }), HttpStatusCode.BadRequest, "validation.failed");
    }

    [Fact]
    public async Task Two_practitioners_inviting_the_same_patient_at_once_create_one_invitation()
    {
        var practice = await app.NewPracticeAsync();
        var noah = await practice.AddPatientAsync();
        using var drLee = await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password);
        using var admin = await practice.SignedInAdminAsync();

        var responses = await Task.WhenAll(drLee.InviteAsync(noah.Id), admin.InviteAsync(noah.Id));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_already_linked_patient_is_409()
    {
        var practice = await app.NewPracticeAsync();
        var ava = await practice.AddPatientAsync();
        using var drLee = await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password);
        (await drLee.InviteAsync(ava.Id)).Dispose();
        var token = await app.LatestInvitationTokenAsync(ava.Email);
        using var anonymous = app.CreateClient();
        (await anonymous.AcceptAsync(token, AvaPassword)).Dispose();

        await ProblemAssert.IsProblemAsync(await drLee.InviteAsync(ava.Id), HttpStatusCode.Conflict, "invitations.already-linked");
    }

    [Fact]
    public async Task Another_groups_practitioner_can_neither_invite_their_patients_nor_see_or_act_on_their_invitations()
    {
        var practice = await app.NewPracticeAsync();
        var ava = await practice.AddPatientAsync();
        var noah = await practice.AddPatientAsync();
        using var drLee = await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password);
        var id = (await (await drLee.InviteAsync(ava.Id)).Content.ReadFromJsonAsync<Invitation>(PortalClients.Json))!.Id;
        using var summit = await (await app.NewPracticeAsync()).SignedInAdminAsync();

        await ProblemAssert.IsProblemAsync(await summit.InviteAsync(noah.Id), HttpStatusCode.NotFound, "patients.not-found");
        Assert.Equal(0, (await summit.GetFromJsonAsync<Page>("/api/practice/invitations", PortalClients.Json))!.Total);
        await ProblemAssert.IsProblemAsync(await summit.PostAsync($"/api/practice/invitations/{id}/resend", null), HttpStatusCode.NotFound, "invitations.not-found");
        await ProblemAssert.IsProblemAsync(await summit.PostAsync($"/api/practice/invitations/{id}/revoke", null), HttpStatusCode.NotFound, "invitations.not-found");
        Assert.Equal(1, (await drLee.GetFromJsonAsync<Page>("/api/practice/invitations?status=pending", PortalClients.Json))!.Total);
    }

    [Fact]
    public async Task An_existing_account_links_a_second_practice_only_when_its_owner_is_signed_in()
    {
        var practice = await app.NewPracticeAsync();
        var ava = await practice.AddPatientAsync();
        using var drLee = await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password);
        (await drLee.InviteAsync(ava.Id)).Dispose();
        var harbourToken = await app.LatestInvitationTokenAsync(ava.Email);
        using var anonymous = app.CreateClient();
        var userId = (await (await anonymous.AcceptAsync(harbourToken, AvaPassword)).Content.ReadFromJsonAsync<Accepted>(PortalClients.Json))!.UserId;

        var summitPractice = await app.NewPracticeAsync();
        using var summit = await summitPractice.SignedInAdminAsync();
        var summitPatient = (await summitPractice.AddPatientAsync(new { givenName = "Ava", familyName = "Nguyen", dateOfBirth = "1990-04-12", email = ava.Email })).Id;
        (await summit.InviteAsync(summitPatient)).Dispose();
        var summitToken = await app.LatestInvitationTokenAsync(ava.Email);

        Assert.True((await anonymous.GetFromJsonAsync<InvitationDetails>($"/api/invitations/{summitToken}", PortalClients.Json))!.AccountExists);
        await ProblemAssert.IsProblemAsync(await anonymous.AcceptAsync(summitToken, "a brand new password!"), HttpStatusCode.Conflict, "invitations.sign-in-required");

        var someoneElsesEmail = $"someone.{summitPractice.Id:N}@example.test";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var identity = scope.ServiceProvider.GetRequiredService<IIdentityApi>();
            await identity.CreatePatientAccountAsync(new NewPatientAccount(someoneElsesEmail, "someone else's password", "Some", "One"), default);
        }

        using var someoneElse = await app.SignedInClientAsync(someoneElsesEmail, "someone else's password");
        await ProblemAssert.IsProblemAsync(await someoneElse.AcceptAsync(summitToken, null), HttpStatusCode.Forbidden, "invitations.wrong-account");

        using var avaClient = await app.SignedInClientAsync(ava.Email, AvaPassword);
        using var linked = await avaClient.AcceptAsync(summitToken, null);
        Assert.Equal(HttpStatusCode.Created, linked.StatusCode);
        Assert.Equal(userId, (await linked.Content.ReadFromJsonAsync<Accepted>(PortalClients.Json))!.UserId);

        var me = (await avaClient.GetFromJsonAsync<Me>("/api/me", PortalClients.Json))!;
        Assert.Equal([ava.Id, summitPatient], me.PatientIds.OrderBy(g => g == summitPatient));
        await app.LoginAsync(ava.Email, AvaPassword);   // the password was not overwritten
    }

    [Fact]
    public async Task One_reminder_is_sent_after_three_days_never_twice_and_it_carries_a_working_link()
    {
        var practice = await app.NewPracticeAsync();
        var ava = await practice.AddPatientAsync();
        using var drLee = await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password);
        (await drLee.InviteAsync(ava.Id)).Dispose();
        var firstToken = await app.LatestInvitationTokenAsync(ava.Email);

        app.Clock.Advance(TimeSpan.FromDays(2));
        await app.RunJobAsync("invitations.send-reminders");
        await app.RunMessagingAsync();
        Assert.Equal(0, await app.MailboxCountToAsync(ava.Email, "Reminder:"));

        app.Clock.Advance(TimeSpan.FromDays(1));
        await app.RunJobAsync("invitations.send-reminders");
        await app.RunJobAsync("invitations.send-reminders");
        var token = await app.LatestInvitationTokenAsync(ava.Email);
        Assert.Equal(1, await app.MailboxCountToAsync(ava.Email, "Reminder:"));
        Assert.Equal(2, await app.MailboxCountToAsync(ava.Email));

        Assert.NotEqual(firstToken, token);

        // The first email's link still works after the reminder, until the same expiry.
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/invitations/{token}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await anonymous.AcceptAsync(firstToken, AvaPassword)).StatusCode);
        await ProblemAssert.IsProblemAsync(await anonymous.AcceptAsync(token, AvaPassword), HttpStatusCode.Gone, "invitations.used");
    }

    [Fact]
    public async Task No_reminder_goes_out_once_the_practice_turned_invitations_off()
    {
        var practice = await app.NewPracticeAsync();
        var ava = await practice.AddPatientAsync();
        using var drLee = await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password);
        (await drLee.InviteAsync(ava.Id)).Dispose();
        await app.RunMessagingAsync();
        using var admin = await practice.SignedInAdminAsync();
        await admin.PutPortalSettingsAsync(portalEnabled: true, patientInvitations: false);

        app.Clock.Advance(TimeSpan.FromDays(3));
        await app.RunJobAsync("invitations.send-reminders");
        await app.RunMessagingAsync();

        Assert.Equal(0, await app.MailboxCountToAsync(ava.Email, "Reminder:"));
    }

    private sealed record Invitation(Guid Id, string? Email);

    private sealed record Page(int Total);

    private sealed record Accepted(Guid UserId);

    private sealed record InvitationDetails(bool AccountExists);

    private sealed record Me(List<Guid> PatientIds);
}
