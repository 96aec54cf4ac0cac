using System.Net;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Invitations.Tests;

/// <summary>Practitioners end a patient account's access to a record, in force at once for tokens already issued.</summary>
public sealed class UnlinkTests : IAsyncLifetime
{
    private const string AvaPassword = "Ava's own long passphrase";
    private readonly PortalApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<Guid> AvaJoinsAsync(HttpClient practitioner)
    {
        (await practitioner.InviteAsync(DemoPatients.AvaNguyenId)).EnsureSuccessStatusCode();
        var token = await _app.LatestInvitationTokenAsync("ava@example.test");
        using var anonymous = _app.CreateClient();
        using var accepted = await anonymous.AcceptAsync(token, AvaPassword);
        return (await accepted.JsonAsync()).GetProperty("userId").GetGuid();
    }

    [Fact]
    public async Task Unlinking_ends_the_patients_access_at_once_even_with_a_token_issued_before()
    {
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        var avaId = await AvaJoinsAsync(drLee);
        using var ava = await _app.SignedInClientAsync("ava@example.test", AvaPassword);
        Assert.Equal(HttpStatusCode.OK, (await ava.GetAsync("/api/portal/profile")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ava.GetAsync($"/api/portal/profile?patientId={DemoPatients.AvaNguyenId}")).StatusCode);

        using var unlinked = await drLee.DeleteAsync($"/api/practice/patients/{DemoPatients.AvaNguyenId}/portal-access");

        Assert.Equal(HttpStatusCode.NoContent, unlinked.StatusCode);
        await ProblemAssert.IsProblemAsync(await ava.GetAsync("/api/portal/profile"), HttpStatusCode.BadRequest, "portal.patient-required");
        await ProblemAssert.IsProblemAsync(
            await ava.GetAsync($"/api/portal/profile?patientId={DemoPatients.AvaNguyenId}"), HttpStatusCode.NotFound, "portal.patient-not-found");
        await ProblemAssert.IsProblemAsync(
            await ava.GetAsync($"/api/portal/health-record?patientId={DemoPatients.AvaNguyenId}"), HttpStatusCode.NotFound, "portal.patient-not-found");
        Assert.Empty((await (await ava.GetAsync("/api/me")).JsonAsync()).GetProperty("patientIds").EnumerateArray());

        // The account itself stays (it may hold other practices' records); only this record's access ended.
        Assert.Equal(HttpStatusCode.OK, (await ava.GetAsync("/api/me")).StatusCode);
        var logged = Assert.Single(await _app.PublishedAsync<SecurityEventOccurred>("identity"), e => e.Kind == SecurityEventKind.PatientUnlinked);
        Assert.Equal(avaId, logged.AccountId);
        Assert.Equal(DemoData.HarbourHealthId, logged.PracticeGroupId);
    }

    [Fact]
    public async Task The_record_goes_back_to_not_invited_can_be_invited_again_and_the_access_log_says_who_unlinked()
    {
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        await AvaJoinsAsync(drLee);
        await _app.RunMessagingAsync();
        Assert.Equal("active", await PortalStatusAsync(drLee));

        (await drLee.DeleteAsync($"/api/practice/patients/{DemoPatients.AvaNguyenId}/portal-access")).EnsureSuccessStatusCode();
        await _app.RunMessagingAsync();

        Assert.Equal("notInvited", await PortalStatusAsync(drLee));
        var log = await (await drLee.GetAsync($"/api/practice/patients/{DemoPatients.AvaNguyenId}/access-log?pageSize=200")).JsonAsync();
        var newest = log.GetProperty("items").EnumerateArray().First(e => e.GetProperty("subject").GetString() == "portalAccess");
        Assert.Equal("unlinked", newest.GetProperty("action").GetString());
        Assert.Equal("Sam Lee", newest.GetProperty("actorName").GetString());

        using var invitedAgain = await drLee.InviteAsync(DemoPatients.AvaNguyenId);
        Assert.Equal(HttpStatusCode.Created, invitedAgain.StatusCode);
        var token = await _app.LatestInvitationTokenAsync("ava@example.test");
        using var ava = await _app.SignedInClientAsync("ava@example.test", AvaPassword);
        Assert.Equal(HttpStatusCode.Created, (await ava.AcceptAsync(token, null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ava.GetAsync("/api/portal/profile")).StatusCode);
        await _app.RunMessagingAsync();
        Assert.Equal("active", await PortalStatusAsync(drLee));
    }

    [Fact]
    public async Task Another_groups_patient_is_404_a_record_without_a_link_is_404_not_linked_and_a_patient_cannot_unlink()
    {
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        await AvaJoinsAsync(drLee);
        using var summit = await _app.SignedInClientAsync(DemoData.SummitAdminEmail);
        using var ava = await _app.SignedInClientAsync("ava@example.test", AvaPassword);

        await ProblemAssert.IsProblemAsync(
            await summit.DeleteAsync($"/api/practice/patients/{DemoPatients.AvaNguyenId}/portal-access"), HttpStatusCode.NotFound, "patients.not-found");
        await ProblemAssert.IsProblemAsync(
            await drLee.DeleteAsync($"/api/practice/patients/{DemoPatients.NoahSmithId}/portal-access"), HttpStatusCode.NotFound, "portal-access.not-linked");
        await ProblemAssert.IsProblemAsync(
            await drLee.DeleteAsync($"/api/practice/patients/{Guid.NewGuid()}/portal-access"), HttpStatusCode.NotFound, "patients.not-found");
        Assert.Equal(HttpStatusCode.Forbidden, (await ava.DeleteAsync($"/api/practice/patients/{DemoPatients.AvaNguyenId}/portal-access")).StatusCode);
        using var anonymous = _app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.DeleteAsync($"/api/practice/patients/{DemoPatients.AvaNguyenId}/portal-access")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await ava.GetAsync("/api/portal/profile")).StatusCode);
        (await drLee.DeleteAsync($"/api/practice/patients/{DemoPatients.AvaNguyenId}/portal-access")).EnsureSuccessStatusCode();
        await ProblemAssert.IsProblemAsync(
            await drLee.DeleteAsync($"/api/practice/patients/{DemoPatients.AvaNguyenId}/portal-access"), HttpStatusCode.NotFound, "portal-access.not-linked");
    }

    private static async Task<string?> PortalStatusAsync(HttpClient practitioner) =>
        (await (await practitioner.GetAsync($"/api/practice/patients/{DemoPatients.AvaNguyenId}")).JsonAsync()).GetProperty("portalStatus").GetString();
}
