using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Portal.Testing;
using Xunit;
using static Portal.Modules.Funding.Tests.FundingApi;

namespace Portal.Modules.Funding.Tests;

/// <summary>
/// A patient's funding edits follow the practice's policy exactly as profile edits do, through PatientProfile's change
/// requests: applied, sent for approval (one waiting request, carried and withdrawn), or refused; decided in the same
/// queue with the same conflict check.
/// </summary>
public sealed class FundingEditPolicyTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task Under_auto_update_a_scheme_applies_at_once_and_is_kept_as_the_card_says_it()
    {
        var practice = await app.NewPracticeAsync();
        await practice.PutPortalSettingsAsync("autoUpdate");
        var record = await practice.AddPatientAsync();
        using var ava = await practice.SignedInPatientAsync(record);
        Assert.Equal(0, (await ava.MyFundingAsync()).Version);

        var applied = await (await ava.PutAsJsonAsync("/api/portal/funding/medicare", AvasCard(app))).ReadAsync<Applied>(HttpStatusCode.OK);

        Assert.Equal("applied", applied.Outcome);
        Assert.Equal(new Medicare("2123456701", 1, NextYear(app)), applied.Funding.Medicare);   // spaces as printed are not kept
        Assert.Equal(1, applied.Funding.Version);
        Assert.Equal(applied.Funding with { FieldsNeedingApproval = null }, await ava.MyFundingAsync() with { FieldsNeedingApproval = null });
        Assert.Empty(applied.Funding.FieldsNeedingApproval!);
        using var staff = await practice.SignedInAdminAsync();
        Assert.Empty(await staff.PendingRequestsAsync());

        var ihi = await (await ava.PutAsJsonAsync("/api/portal/funding/ihi", new { ihi = "8003 6081 6669 0503" })).ReadAsync<Applied>(HttpStatusCode.OK);
        Assert.Equal("8003608166690503", ihi.Funding.Ihi);
        Assert.NotNull(ihi.Funding.Medicare);   // another scheme is left as it is

        var removed = await (await ava.DeleteAsync("/api/portal/funding/medicare")).ReadAsync<Applied>(HttpStatusCode.OK);
        Assert.Null(removed.Funding.Medicare);
        Assert.Equal(3, removed.Funding.Version);
    }

    [Fact]
    public async Task Under_require_approval_nothing_changes_until_a_practitioner_approves_in_the_shared_queue()
    {
        var practice = await app.NewPracticeAsync();   // requireApproval is the default
        var record = await practice.AddPatientAsync();
        using var ava = await practice.SignedInPatientAsync(record);
        using var drLee = await app.SignedInPractitionerAsync(practice);

        var pending = await (await ava.PutAsJsonAsync("/api/portal/funding/medicare", AvasCard(app))).ReadAsync<Pending>(HttpStatusCode.Accepted);

        Assert.Equal(["medicare"], pending.PendingFields);
        var mine = await ava.MyFundingAsync();
        Assert.Null(mine.Medicare);
        Assert.Equal("requireApproval", mine.PatientUpdates);
        Assert.Equal(["medicare", "privateHealth", "ndis", "dva", "ihi"], mine.FieldsNeedingApproval);
        var request = Assert.Single(await drLee.PendingRequestsAsync());   // the same queue as profile changes
        Assert.Equal((pending.ChangeRequestId, "funding", record.Id), (request.Id, request.Subject, request.PatientId));
        var change = Assert.Single(request.Changes);
        Assert.Equal("medicare", change.Field);
        Assert.Null(change.From);
        Assert.Equal("2123456701", change.To!["number"]!.GetValue<string>());

        using var approved = await drLee.PostAsync($"/api/practice/change-requests/{request.Id}/approve", null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(new Medicare("2123456701", 1, NextYear(app)), (await ava.MyFundingAsync()).Medicare);
        var log = await app.AccessLogAsync(drLee, record.Id);
        Assert.Contains(log, entry => entry is { Action: "changeApproved", Subject: "funding" });
    }

    [Fact]
    public async Task A_second_edit_while_one_waits_is_carried_in_one_request_and_setting_it_back_withdraws_it()
    {
        var practice = await app.NewPracticeAsync();
        var record = await practice.AddPatientAsync();
        using var ava = await practice.SignedInPatientAsync(record);
        using var drLee = await app.SignedInPractitionerAsync(practice);

        var first = await (await ava.PutAsJsonAsync("/api/portal/funding/medicare", AvasCard(app))).ReadAsync<Pending>(HttpStatusCode.Accepted);
        var second = await (await ava.PutAsJsonAsync("/api/portal/funding/dva", new { fileNumber = "nx123456", cardColour = "gold" })).ReadAsync<Pending>(HttpStatusCode.Accepted);

        Assert.NotEqual(first.ChangeRequestId, second.ChangeRequestId);
        var request = Assert.Single(await drLee.PendingRequestsAsync());
        Assert.Equal(second.ChangeRequestId, request.Id);
        Assert.Equal(["dva", "medicare"], request.Changes.Select(c => c.Field).Order());
        Assert.Equal("NX123456", request.Changes.Single(c => c.Field == "dva").To!["fileNumber"]!.GetValue<string>());

        await (await ava.PutAsJsonAsync("/api/portal/funding/dva", new { fileNumber = "NX123456", cardColour = "gold" })).ReadAsync<Pending>(HttpStatusCode.Accepted);
        Assert.Equal(second.ChangeRequestId, Assert.Single(await drLee.PendingRequestsAsync()).Id);   // asked again: the same request

        await (await ava.DeleteAsync("/api/portal/funding/dva")).ReadAsync<Pending>(HttpStatusCode.Accepted);
        var withdrawn = await (await ava.DeleteAsync("/api/portal/funding/medicare")).ReadAsync<Applied>(HttpStatusCode.OK);
        Assert.Equal("withdrawn", withdrawn.Outcome);
        Assert.Empty(await drLee.PendingRequestsAsync());
        Assert.Equal(0, (await ava.MyFundingAsync()).Version);
    }

    [Fact]
    public async Task Approving_after_the_practice_changed_the_scheme_is_a_named_conflict_until_applied_anyway()
    {
        var practice = await app.NewPracticeAsync();
        var record = await practice.AddPatientAsync();
        using var ava = await practice.SignedInPatientAsync(record);
        using var drLee = await app.SignedInPractitionerAsync(practice);
        var pending = await (await ava.PutAsJsonAsync("/api/portal/funding/medicare", AvasCard(app))).ReadAsync<Pending>(HttpStatusCode.Accepted);
        using (var practiceEdit = await drLee.PutAsJsonAsync($"/api/practice/patients/{record.Id}/funding",
                   new { medicare = new { number = "3950386862", irn = 2, validTo = NextYear(app) } }))
        {
            Assert.Equal(HttpStatusCode.OK, practiceEdit.StatusCode);
        }

        var conflict = await ProblemAssert.IsProblemAsync(
            await drLee.PostAsync($"/api/practice/change-requests/{pending.ChangeRequestId}/approve", null), HttpStatusCode.Conflict, "change-requests.conflict");
        Assert.Equal(["medicare"], conflict.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("3950386862", (await ava.MyFundingAsync()).Medicare!.Number);

        using var forced = await drLee.PostAsJsonAsync($"/api/practice/change-requests/{pending.ChangeRequestId}/approve", new { force = true });
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Equal("2123456701", (await ava.MyFundingAsync()).Medicare!.Number);
    }

    [Fact]
    public async Task A_rejected_funding_request_changes_nothing_and_the_patient_reads_the_reason()
    {
        var practice = await app.NewPracticeAsync();
        var record = await practice.AddPatientAsync();
        using var ava = await practice.SignedInPatientAsync(record);
        using var drLee = await app.SignedInPractitionerAsync(practice);
        var pending = await (await ava.PutAsJsonAsync("/api/portal/funding/ihi", new { ihi = "8003608166690503" })).ReadAsync<Pending>(HttpStatusCode.Accepted);

        using var rejected = await drLee.PostAsJsonAsync($"/api/practice/change-requests/{pending.ChangeRequestId}/reject", new { reason = "Please bring your card to your next visit." });

        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Null((await ava.MyFundingAsync()).Ihi);
        var mine = await ava.GetStringAsync("/api/portal/change-requests");
        Assert.Contains("Please bring your card", mine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Under_disabled_the_edit_is_refused_and_nothing_is_kept()
    {
        var practice = await app.NewPracticeAsync();
        await practice.PutPortalSettingsAsync("disabled");
        var record = await practice.AddPatientAsync();
        using var ava = await practice.SignedInPatientAsync(record);

        await ProblemAssert.IsProblemAsync(await ava.PutAsJsonAsync("/api/portal/funding/medicare", AvasCard(app)), HttpStatusCode.Forbidden, "profile.updates-disabled");
        await ProblemAssert.IsProblemAsync(await ava.DeleteAsync("/api/portal/funding/ihi"), HttpStatusCode.Forbidden, "profile.updates-disabled");

        var funding = await ava.MyFundingAsync();
        Assert.Equal((0, null, "disabled"), (funding.Version, funding.Medicare, funding.PatientUpdates));
        Assert.Empty(funding.FieldsNeedingApproval!);
    }

    [Fact]
    public async Task Funding_fields_on_the_always_approve_list_wait_under_auto_update_while_the_others_apply()
    {
        var practice = await app.NewPracticeAsync();
        await practice.SetAlwaysApproveAsync("medicare", "ihi", "familyName");
        var record = await practice.AddPatientAsync();
        using var ava = await practice.SignedInPatientAsync(record);
        using var drLee = await app.SignedInPractitionerAsync(practice);
        Assert.Equal(["medicare", "ihi"], (await ava.MyFundingAsync()).FieldsNeedingApproval);

        var waits = await (await ava.PutAsJsonAsync("/api/portal/funding/medicare", AvasCard(app))).ReadAsync<Pending>(HttpStatusCode.Accepted);
        var applies = await (await ava.PutAsJsonAsync("/api/portal/funding/dva", new { fileNumber = "QX901533B", cardColour = "white" })).ReadAsync<Applied>(HttpStatusCode.OK);

        Assert.Equal(["medicare"], waits.PendingFields);
        Assert.Equal("applied", applies.Outcome);
        Assert.Equal(new Dva("QX901533B", "white"), applies.Funding.Dva);
        Assert.Null(applies.Funding.Medicare);
        var request = Assert.Single(await drLee.PendingRequestsAsync());
        Assert.Equal(["medicare"], request.Changes.Select(c => c.Field));
    }

    [Fact]
    public async Task Removing_a_scheme_on_the_always_approve_list_waits_too()
    {
        var practice = await app.NewPracticeAsync();
        await practice.SetAlwaysApproveAsync("medicare");
        var record = await practice.AddPatientAsync();
        using var ava = await practice.SignedInPatientAsync(record);
        using var drLee = await app.SignedInPractitionerAsync(practice);
        using (var practiceEdit = await drLee.PutAsJsonAsync($"/api/practice/patients/{record.Id}/funding", new { medicare = AvasCard(app) }))
        {
            Assert.Equal(HttpStatusCode.OK, practiceEdit.StatusCode);
        }

        var waits = await (await ava.DeleteAsync("/api/portal/funding/medicare")).ReadAsync<Pending>(HttpStatusCode.Accepted);

        Assert.Equal(["medicare"], waits.PendingFields);
        Assert.NotNull((await ava.MyFundingAsync()).Medicare);
        var change = Assert.Single(Assert.Single(await drLee.PendingRequestsAsync()).Changes);
        Assert.Equal(("medicare", (JsonNode?)null), (change.Field, change.To));
        using var approved = await drLee.PostAsync($"/api/practice/change-requests/{waits.ChangeRequestId}/approve", null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Null((await ava.MyFundingAsync()).Medicare);
    }

    [Fact]
    public async Task The_funding_fields_are_not_on_the_always_approve_list_by_default_and_an_unknown_one_is_refused()
    {
        var practice = await app.NewPracticeAsync();
        using var admin = await practice.SignedInAdminAsync();
        var settings = await admin.GetFromJsonAsync<JsonObject>("/api/practice/settings/portal", PortalClients.Json);
        Assert.Equal(["dateOfBirth", "familyName", "givenName", "sex"], settings!["alwaysApproveFields"]!.AsArray().Select(f => f!.GetValue<string>()));

        await ProblemAssert.IsProblemAsync(await admin.PutAsJsonAsync("/api/practice/settings/portal",
                new { portalEnabled = true, patientInvitations = true, patientUpdates = "autoUpdate", noteSharing = false, alwaysApproveFields = new[] { "medicareNumber" } }),
            HttpStatusCode.BadRequest, "validation.failed");
    }
}
