using System.Net;
using System.Net.Http.Json;
using Portal.Testing;
using Xunit;
using static Portal.Modules.Funding.Tests.FundingApi;

namespace Portal.Modules.Funding.Tests;

/// <summary>
/// Decisions and edits that cross: Funding's database and PatientProfile's are two, so the order of their saves
/// decides whether a rejected or withdrawn request can leave its values behind (docs/decisions/0017).
/// </summary>
public sealed class FundingRaceTests(PortalApp app) : IClassFixture<PortalApp>
{
    private const int Rounds = 6;

    private sealed record RecordVersion(string Subject, string Source);

    [Fact]
    public async Task An_approval_racing_a_rejection_applies_the_values_only_when_the_approval_wins()
    {
        var practice = await app.NewPracticeAsync();
        var record = await practice.AddPatientAsync();
        using var ava = await practice.SignedInPatientAsync(record);
        using var drLee = await app.SignedInPractitionerAsync(practice);
        using var admin = await practice.SignedInAdminAsync();
        for (var round = 1; round <= Rounds; round++)
        {
            var pending = await (await ava.PutAsJsonAsync("/api/portal/funding/medicare", new { number = "2123456701", irn = round, validTo = NextYear(app) }))
                .ReadAsync<Pending>(HttpStatusCode.Accepted);
            var approve = drLee.PostAsync($"/api/practice/change-requests/{pending.ChangeRequestId}/approve", null);
            var reject = admin.PostAsJsonAsync($"/api/practice/change-requests/{pending.ChangeRequestId}/reject", new { reason = "Bring the card" });
            using var approved = await approve;
            using var rejected = await reject;

            Assert.True(approved.IsSuccessStatusCode ^ rejected.IsSuccessStatusCode, $"approve {(int)approved.StatusCode}, reject {(int)rejected.StatusCode}");
            Assert.Equal(HttpStatusCode.Conflict, approved.IsSuccessStatusCode ? rejected.StatusCode : approved.StatusCode);
            var irn = (await ava.MyFundingAsync()).Medicare?.Irn;
            if (approved.IsSuccessStatusCode)
            {
                Assert.Equal(round, irn);
            }
            else
            {
                Assert.NotEqual(round, irn);   // the rejected card never reached the record
            }
        }

        var approvals = (await drLee.GetFromJsonAsync<Page<RecordVersion>>($"/api/practice/patients/{record.Id}/versions?subject=funding", PortalClients.Json))!.Items;
        var funding = await ava.MyFundingAsync();
        Assert.Equal(funding.Version, approvals.Count);   // every change the record holds is in its history, once
    }

    [Fact]
    public async Task An_approval_racing_the_patients_withdrawal_never_applies_a_withdrawn_request()
    {
        var practice = await app.NewPracticeAsync();
        var record = await practice.AddPatientAsync();
        using var ava = await practice.SignedInPatientAsync(record);
        using var drLee = await app.SignedInPractitionerAsync(practice);
        for (var round = 1; round <= Rounds; round++)
        {
            var pending = await (await ava.PutAsJsonAsync("/api/portal/funding/ihi", new { ihi = "8003608166690503" })).ReadAsync<Pending>(HttpStatusCode.Accepted);
            var approve = drLee.PostAsync($"/api/practice/change-requests/{pending.ChangeRequestId}/approve", null);
            var withdraw = ava.PostAsync($"/api/portal/change-requests/{pending.ChangeRequestId}/withdraw", null);
            using var approved = await approve;
            using var withdrawn = await withdraw;

            Assert.True(approved.IsSuccessStatusCode ^ withdrawn.IsSuccessStatusCode, $"approve {(int)approved.StatusCode}, withdraw {(int)withdrawn.StatusCode}");
            var ihi = (await ava.MyFundingAsync()).Ihi;
            Assert.Equal(approved.IsSuccessStatusCode ? "8003608166690503" : null, ihi);
            if (ihi is not null)
            {
                using var practiceRemoves = await drLee.PutAsJsonAsync($"/api/practice/patients/{record.Id}/funding", new { ihi = (string?)null });
                Assert.Equal(HttpStatusCode.OK, practiceRemoves.StatusCode);
            }
        }
    }

    [Fact]
    public async Task Of_three_approvals_at_once_one_applies_and_the_others_are_told_it_is_decided()
    {
        var practice = await app.NewPracticeAsync();
        var record = await practice.AddPatientAsync();
        using var ava = await practice.SignedInPatientAsync(record);
        using var drLee = await app.SignedInPractitionerAsync(practice);
        var pending = await (await ava.PutAsJsonAsync("/api/portal/funding/medicare", AvasCard(app))).ReadAsync<Pending>(HttpStatusCode.Accepted);

        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => drLee.PostAsync($"/api/practice/change-requests/{pending.ChangeRequestId}/approve", null)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.OK))
        {
            await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Conflict, "change-requests.already-decided");
        }

        var versions = (await drLee.GetFromJsonAsync<Page<RecordVersion>>($"/api/practice/patients/{record.Id}/versions?subject=funding", PortalClients.Json))!.Items;
        Assert.Equal([("funding", "approval")], versions.Select(v => (v.Subject, v.Source)));
    }

    [Fact]
    public async Task Two_identical_edits_at_once_change_the_record_once_and_record_one_version()
    {
        var practice = await app.NewPracticeAsync();
        await practice.PutPortalSettingsAsync("autoUpdate");
        var record = await practice.AddPatientAsync();
        using var ava = await practice.SignedInPatientAsync(record);
        using var drLee = await app.SignedInPractitionerAsync(practice);

        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => ava.PutAsJsonAsync("/api/portal/funding/ndis", new { number = "430012345", planManagement = "self" })));

        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.OK or HttpStatusCode.PreconditionFailed, $"{(int)a.StatusCode}"));
        var funding = await ava.MyFundingAsync();
        Assert.Equal(1, funding.Version);
        var versions = (await drLee.GetFromJsonAsync<Page<RecordVersion>>($"/api/practice/patients/{record.Id}/versions?subject=funding", PortalClients.Json))!.Items;
        Assert.Single(versions);
    }
}
