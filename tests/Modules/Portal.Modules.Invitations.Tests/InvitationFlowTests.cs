using System.Net;
using System.Net.Http.Json;
using Portal.Modules.Identity.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Invitations.Tests;

public sealed class InvitationFlowTests(PortalApp app) : IClassFixture<PortalApp>
{
    private const string AvaPassword = "Ava's own long passphrase";

    [Fact]
    public async Task A_patient_is_invited_accepts_through_the_emailed_link_signs_in_and_the_practice_is_told()
    {
        var practice = await app.NewPracticeAsync();
        var avaRecord = await practice.AddPatientAsync();
        using var drLee = await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password);

        using var invited = await drLee.InviteAsync(avaRecord.Id, new { message = "See you online" });
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        var invitation = (await invited.Content.ReadFromJsonAsync<Invitation>(PortalClients.Json))!;
        Assert.Equal("pending", invitation.Status);
        Assert.Equal(avaRecord.Email, invitation.Email);
        Assert.Equal(app.Clock.GetUtcNow().AddDays(7), invitation.ExpiresAt, TimeSpan.FromSeconds(1));

        var token = await app.LatestInvitationTokenAsync(avaRecord.Email);
        Assert.True(token.Length >= 22, "at least 128 random bits");
        var patients = (await drLee.GetFromJsonAsync<Page<PatientRow>>("/api/practice/patients?search=ava", PortalClients.Json))!;
        Assert.Equal("invited", patients.Items[0].PortalStatus);

        using var anonymous = app.CreateClient();
        var details = (await anonymous.GetFromJsonAsync<InvitationDetails>($"/api/invitations/{token}", PortalClients.Json))!;
        Assert.Equal(practice.Name, details.PracticeName);
        Assert.Equal("Ava", details.GivenName);
        Assert.False(details.AccountExists);

        using var accepted = await anonymous.AcceptAsync(token, AvaPassword);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var userId = (await accepted.Content.ReadFromJsonAsync<Accepted>(PortalClients.Json))!.UserId;

        using var ava = await app.SignedInClientAsync(avaRecord.Email, AvaPassword);
        var me = (await ava.GetFromJsonAsync<Me>("/api/me", PortalClients.Json))!;
        Assert.Equal(userId, me.UserId);
        Assert.Equal([avaRecord.Id], me.PatientIds);

        await app.RunMessagingAsync();
        var notifications = (await drLee.GetFromJsonAsync<Page<Notification>>("/api/practice/notifications", PortalClients.Json))!;
        var notification = Assert.Single(notifications.Items);
        Assert.Equal("invitationAccepted", notification.Kind);
        Assert.Equal(avaRecord.Id, notification.PatientId);
        var afterwards = (await drLee.GetFromJsonAsync<Page<PatientRow>>("/api/practice/patients?search=ava", PortalClients.Json))!;
        Assert.Equal("active", afterwards.Items[0].PortalStatus);
        var list = (await drLee.GetFromJsonAsync<Page<Invitation>>("/api/practice/invitations?status=accepted", PortalClients.Json))!;
        Assert.Equal("Sam Lee", list.Items[0].InvitedBy!.Name);
    }

    [Fact]
    public async Task A_used_link_is_410_used_and_an_unknown_one_404()
    {
        var practice = await app.NewPracticeAsync();
        var ava = await practice.AddPatientAsync();
        using var drLee = await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password);
        (await drLee.InviteAsync(ava.Id)).Dispose();
        var token = await app.LatestInvitationTokenAsync(ava.Email);
        using var anonymous = app.CreateClient();
        (await anonymous.AcceptAsync(token, AvaPassword)).Dispose();

        await ProblemAssert.IsProblemAsync(await anonymous.AcceptAsync(token, AvaPassword), HttpStatusCode.Gone, "invitations.used");
        await ProblemAssert.IsProblemAsync(await anonymous.GetAsync($"/api/invitations/{token}"), HttpStatusCode.Gone, "invitations.used");
        await ProblemAssert.IsProblemAsync(await anonymous.GetAsync("/api/invitations/not-a-real-token-at-all"), HttpStatusCode.NotFound, "invitations.not-found");
    }

    [Fact]
    public async Task An_expired_link_is_410_expired_and_the_expiry_job_resets_the_patient_status()
    {
        var practice = await app.NewPracticeAsync();
        var ava = await practice.AddPatientAsync();
        var drLeeEmail = await practice.AddPractitionerAsync();
        using var drLee = await app.SignedInClientAsync(drLeeEmail, TestPractice.Password);
        (await drLee.InviteAsync(ava.Id)).Dispose();
        var token = await app.LatestInvitationTokenAsync(ava.Email);

        app.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));
        using var drLeeNextWeek = await app.SignedInClientAsync(drLeeEmail, TestPractice.Password);   // access tokens last 15 minutes

        using var anonymous = app.CreateClient();
        await ProblemAssert.IsProblemAsync(await anonymous.GetAsync($"/api/invitations/{token}"), HttpStatusCode.Gone, "invitations.expired");
        await ProblemAssert.IsProblemAsync(await anonymous.AcceptAsync(token, AvaPassword), HttpStatusCode.Gone, "invitations.expired");
        var expired = (await drLeeNextWeek.GetFromJsonAsync<Page<Invitation>>("/api/practice/invitations?status=expired", PortalClients.Json))!;
        Assert.Equal(1, expired.Total);

        await app.RunJobAsync("invitations.expire-invitations");
        await app.RunMessagingAsync();
        var patients = (await drLeeNextWeek.GetFromJsonAsync<Page<PatientRow>>("/api/practice/patients?search=ava", PortalClients.Json))!;
        Assert.Equal("notInvited", patients.Items[0].PortalStatus);
        using var again = await drLeeNextWeek.InviteAsync(ava.Id);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    [Fact]
    public async Task A_revoked_link_is_410_revoked_and_revoking_twice_is_409()
    {
        var practice = await app.NewPracticeAsync();
        var ava = await practice.AddPatientAsync();
        using var drLee = await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password);
        var id = (await (await drLee.InviteAsync(ava.Id)).Content.ReadFromJsonAsync<Invitation>(PortalClients.Json))!.Id;
        var token = await app.LatestInvitationTokenAsync(ava.Email);

        using var revoked = await drLee.PostAsync($"/api/practice/invitations/{id}/revoke", null);
        Assert.Equal("revoked", (await revoked.Content.ReadFromJsonAsync<Invitation>(PortalClients.Json))!.Status);

        using var anonymous = app.CreateClient();
        await ProblemAssert.IsProblemAsync(await anonymous.AcceptAsync(token, AvaPassword), HttpStatusCode.Gone, "invitations.revoked");
        await ProblemAssert.IsProblemAsync(await drLee.PostAsync($"/api/practice/invitations/{id}/revoke", null), HttpStatusCode.Conflict, "invitations.not-pending");
    }

    [Fact]
    public async Task Resend_gives_a_new_link_and_expiry_and_the_old_link_stops_working()
    {
        var practice = await app.NewPracticeAsync();
        var ava = await practice.AddPatientAsync();
        var drLeeEmail = await practice.AddPractitionerAsync();
        using var drLee = await app.SignedInClientAsync(drLeeEmail, TestPractice.Password);
        var id = (await (await drLee.InviteAsync(ava.Id)).Content.ReadFromJsonAsync<Invitation>(PortalClients.Json))!.Id;
        var oldToken = await app.LatestInvitationTokenAsync(ava.Email);
        app.Clock.Advance(TimeSpan.FromDays(2));
        using var drLeeLater = await app.SignedInClientAsync(drLeeEmail, TestPractice.Password);

        using var resent = await drLeeLater.PostAsync($"/api/practice/invitations/{id}/resend", null);
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.Equal(app.Clock.GetUtcNow().AddDays(7), (await resent.Content.ReadFromJsonAsync<Invitation>(PortalClients.Json))!.ExpiresAt, TimeSpan.FromSeconds(1));
        var newToken = await app.LatestInvitationTokenAsync(ava.Email);
        Assert.NotEqual(oldToken, newToken);

        using var anonymous = app.CreateClient();
        await ProblemAssert.IsProblemAsync(await anonymous.AcceptAsync(oldToken, AvaPassword), HttpStatusCode.Gone, "invitations.revoked");
        using var accepted = await anonymous.AcceptAsync(newToken, AvaPassword);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Fact]
    public async Task A_weak_password_is_400_and_the_link_still_works()
    {
        var practice = await app.NewPracticeAsync();
        var ava = await practice.AddPatientAsync();
        using var drLee = await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password);
        (await drLee.InviteAsync(ava.Id)).Dispose();
        var token = await app.LatestInvitationTokenAsync(ava.Email);
        using var anonymous = app.CreateClient();

        var problem = await ProblemAssert.IsProblemAsync(await anonymous.AcceptAsync(token, "short"), HttpStatusCode.BadRequest, "invitations.password-required");
        Assert.NotEmpty(ProblemAssert.FieldErrors(problem, "password"));
        await ProblemAssert.IsProblemAsync(await anonymous.AcceptAsync(token, "aaaaaaaaaaaaaaaa"), HttpStatusCode.BadRequest, IdentityErrorCodes.WeakPassword);

        Assert.Equal(HttpStatusCode.Created, (await anonymous.AcceptAsync(token, AvaPassword)).StatusCode);
    }

    private sealed record Person(string Name);

    private sealed record Invitation(Guid Id, string Status, string? Email, DateTimeOffset ExpiresAt, Person? InvitedBy);

    private sealed record Page<T>(int Total, List<T> Items);

    private sealed record PatientRow(string PortalStatus);

    private sealed record InvitationDetails(string PracticeName, string GivenName, bool AccountExists);

    private sealed record Accepted(Guid UserId);

    private sealed record Me(Guid UserId, List<Guid> PatientIds);

    private sealed record Notification(string Kind, Guid? PatientId);
}
