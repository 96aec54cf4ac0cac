using System.Net;
using System.Net.Http.Json;
using Portal.Modules.Identity.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Invitations.Tests;

/// <summary>Practitioners end a patient account's access to a record, in force at once for tokens already issued.</summary>
public sealed class UnlinkTests(PortalApp app) : IClassFixture<PortalApp>
{
    private const string AvaPassword = "Ava's own long passphrase";

    private async Task<Guid> AvaJoinsAsync(HttpClient practitioner, TestPatient ava)
    {
        (await practitioner.InviteAsync(ava.Id)).EnsureSuccessStatusCode();
        var token = await app.LatestInvitationTokenAsync(ava.Email);
        using var anonymous = app.CreateClient();
        using var accepted = await anonymous.AcceptAsync(token, AvaPassword);
        return (await accepted.Content.ReadFromJsonAsync<Accepted>(PortalClients.Json))!.UserId;
    }

    [Fact]
    public async Task Unlinking_ends_the_patients_access_at_once_even_with_a_token_issued_before()
    {
        var practice = await app.NewPracticeAsync();
        var avaRecord = await practice.AddPatientAsync();
        using var drLee = await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password);
        var avaId = await AvaJoinsAsync(drLee, avaRecord);
        using var ava = await app.SignedInClientAsync(avaRecord.Email, AvaPassword);
        Assert.Equal(HttpStatusCode.OK, (await ava.GetAsync("/api/portal/profile")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ava.GetAsync($"/api/portal/profile?patientId={avaRecord.Id}")).StatusCode);

        using var unlinked = await drLee.DeleteAsync($"/api/practice/patients/{avaRecord.Id}/portal-access");

        Assert.Equal(HttpStatusCode.NoContent, unlinked.StatusCode);
        await ProblemAssert.IsProblemAsync(await ava.GetAsync("/api/portal/profile"), HttpStatusCode.BadRequest, "portal.patient-required");
        await ProblemAssert.IsProblemAsync(
            await ava.GetAsync($"/api/portal/profile?patientId={avaRecord.Id}"), HttpStatusCode.NotFound, "portal.patient-not-found");
        await ProblemAssert.IsProblemAsync(
            await ava.GetAsync($"/api/portal/health-record?patientId={avaRecord.Id}"), HttpStatusCode.NotFound, "portal.patient-not-found");
        Assert.Empty((await ava.GetFromJsonAsync<Me>("/api/me", PortalClients.Json))!.PatientIds);

        // The account itself stays (it may hold other practices' records); only this record's access ended.
        Assert.Equal(HttpStatusCode.OK, (await ava.GetAsync("/api/me")).StatusCode);
        var logged = Assert.Single(await app.PublishedAsync<SecurityEventOccurred>("identity"), e => e.Kind == SecurityEventKind.PatientUnlinked && e.AccountId == avaId);
        Assert.Equal(avaId, logged.AccountId);
        Assert.Equal(practice.Id, logged.PracticeGroupId);
    }

    [Fact]
    public async Task The_record_goes_back_to_not_invited_can_be_invited_again_and_the_access_log_says_who_unlinked()
    {
        var practice = await app.NewPracticeAsync();
        var avaRecord = await practice.AddPatientAsync();
        using var drLee = await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password);
        await AvaJoinsAsync(drLee, avaRecord);
        await app.RunMessagingAsync();
        Assert.Equal("active", await PortalStatusAsync(drLee, avaRecord));

        (await drLee.DeleteAsync($"/api/practice/patients/{avaRecord.Id}/portal-access")).EnsureSuccessStatusCode();
        await app.RunMessagingAsync();

        Assert.Equal("notInvited", await PortalStatusAsync(drLee, avaRecord));
        var log = (await drLee.GetFromJsonAsync<AccessLog>($"/api/practice/patients/{avaRecord.Id}/access-log?pageSize=200", PortalClients.Json))!;
        var newest = log.Items.First(e => e.Subject == "portalAccess");
        Assert.Equal("unlinked", newest.Action);
        Assert.Equal("Sam Lee", newest.ActorName);

        using var invitedAgain = await drLee.InviteAsync(avaRecord.Id);
        Assert.Equal(HttpStatusCode.Created, invitedAgain.StatusCode);
        var token = await app.LatestInvitationTokenAsync(avaRecord.Email);
        using var ava = await app.SignedInClientAsync(avaRecord.Email, AvaPassword);
        Assert.Equal(HttpStatusCode.Created, (await ava.AcceptAsync(token, null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ava.GetAsync("/api/portal/profile")).StatusCode);
        await app.RunMessagingAsync();
        Assert.Equal("active", await PortalStatusAsync(drLee, avaRecord));
    }

    [Fact]
    public async Task Another_groups_patient_is_404_a_record_without_a_link_is_404_not_linked_and_a_patient_cannot_unlink()
    {
        var practice = await app.NewPracticeAsync();
        var avaRecord = await practice.AddPatientAsync();
        var noah = await practice.AddPatientAsync();
        using var drLee = await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password);
        await AvaJoinsAsync(drLee, avaRecord);
        using var summit = await (await app.NewPracticeAsync()).SignedInAdminAsync();
        using var ava = await app.SignedInClientAsync(avaRecord.Email, AvaPassword);

        await ProblemAssert.IsProblemAsync(
            await summit.DeleteAsync($"/api/practice/patients/{avaRecord.Id}/portal-access"), HttpStatusCode.NotFound, "patients.not-found");
        await ProblemAssert.IsProblemAsync(
            await drLee.DeleteAsync($"/api/practice/patients/{noah.Id}/portal-access"), HttpStatusCode.NotFound, "portal-access.not-linked");
        await ProblemAssert.IsProblemAsync(
            await drLee.DeleteAsync($"/api/practice/patients/{Guid.NewGuid()}/portal-access"), HttpStatusCode.NotFound, "patients.not-found");
        Assert.Equal(HttpStatusCode.Forbidden, (await ava.DeleteAsync($"/api/practice/patients/{avaRecord.Id}/portal-access")).StatusCode);
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.DeleteAsync($"/api/practice/patients/{avaRecord.Id}/portal-access")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await ava.GetAsync("/api/portal/profile")).StatusCode);
        (await drLee.DeleteAsync($"/api/practice/patients/{avaRecord.Id}/portal-access")).EnsureSuccessStatusCode();
        await ProblemAssert.IsProblemAsync(
            await drLee.DeleteAsync($"/api/practice/patients/{avaRecord.Id}/portal-access"), HttpStatusCode.NotFound, "portal-access.not-linked");
    }

    private static async Task<string?> PortalStatusAsync(HttpClient practitioner, TestPatient patient) =>
        (await practitioner.GetFromJsonAsync<PatientRow>($"/api/practice/patients/{patient.Id}", PortalClients.Json))!.PortalStatus;

    private sealed record Accepted(Guid UserId);

    private sealed record Me(List<Guid> PatientIds);

    private sealed record PatientRow(string? PortalStatus);

    private sealed record LogEntry(string? Subject, string? Action, string? ActorName);

    private sealed record AccessLog(List<LogEntry> Items);
}
