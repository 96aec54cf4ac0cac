using System.Net;
using System.Net.Http.Json;
using Portal.Testing;
using Xunit;
using static Portal.Modules.Funding.Tests.FundingApi;

namespace Portal.Modules.Funding.Tests;

/// <summary>
/// Job <c>funding.medicare-expiry-notices</c> on a clock the test moves: a patient is told once per card when it expires
/// at the end of this month or next, or has expired; the patient and the practice read the same state from <c>medicareExpiry</c>.
/// </summary>
public sealed class MedicareExpiryNoticeTests(PortalApp app) : IClassFixture<PortalApp>
{
    private const string Job = "funding.medicare-expiry-notices";

    private sealed record Email(string To, string Subject, string Body);

    [Fact]
    public async Task A_card_expiring_next_month_is_told_once_by_email_and_shown_to_patient_and_practice_until_it_expires()
    {
        app.Clock.SetUtcNow(new DateTimeOffset(2031, 3, 10, 0, 0, 0, TimeSpan.Zero));
        var practice = await app.NewPracticeAsync();
        var record = await practice.AddPatientAsync();
        using var drLee = await app.SignedInPractitionerAsync(practice);
        using var ava = await practice.SignedInPatientAsync(record);
        var saved = await (await drLee.PutAsJsonAsync($"/api/practice/patients/{record.Id}/funding",
            new { medicare = new { number = "2123456701", irn = 3, validTo = "2031-06" } })).ReadAsync<FundingView>(HttpStatusCode.OK);
        Assert.Null(saved.MedicareExpiry);
        await app.RunJobAsync(Job);
        Assert.Empty(await NoticesAsync(record.Email));   // three months ahead: not yet

        app.Clock.SetUtcNow(new DateTimeOffset(2031, 5, 2, 0, 0, 0, TimeSpan.Zero));
        await app.RunJobAsync(Job);
        await app.RunJobAsync(Job);   // a second run finds the patient told

        var notice = Assert.Single(await NoticesAsync(record.Email));
        Assert.Equal("Your Medicare card expires soon", notice.Subject);
        Assert.Contains("ending 6701 (your reference number 3)", notice.Body, StringComparison.Ordinal);
        Assert.Contains("valid to the end of June 2031", notice.Body, StringComparison.Ordinal);
        Assert.Contains("/funding", notice.Body, StringComparison.Ordinal);
        using var avaLater = await practice.SignedInPatientAsync(record);   // signed in again on the moved clock
        Assert.Equal("expiresSoon", (await avaLater.MyFundingAsync()).MedicareExpiry);
        using var drLeeLater = await app.SignedInPractitionerAsync(practice);
        Assert.Equal("expiresSoon", (await drLeeLater.FundingOfAsync(record.Id)).MedicareExpiry);

        app.Clock.SetUtcNow(new DateTimeOffset(2031, 7, 1, 0, 0, 0, TimeSpan.Zero));
        await app.RunJobAsync(Job);
        Assert.Single(await NoticesAsync(record.Email));   // once per card, not again when it expires
        using var drLeeAfter = await app.SignedInPractitionerAsync(practice);
        Assert.Equal("expired", (await drLeeAfter.FundingOfAsync(record.Id)).MedicareExpiry);
    }

    [Fact]
    public async Task A_new_card_is_told_about_again_when_its_time_comes_and_a_card_already_expired_when_first_seen_says_so()
    {
        app.Clock.SetUtcNow(new DateTimeOffset(2032, 1, 15, 0, 0, 0, TimeSpan.Zero));
        var practice = await app.NewPracticeAsync();
        var record = await practice.AddPatientAsync();
        using var drLee = await app.SignedInPractitionerAsync(practice);
        await (await drLee.PutAsJsonAsync($"/api/practice/patients/{record.Id}/funding",
            new { medicare = new { number = "2123456701", irn = 1, validTo = "2032-01" } })).ReadAsync<FundingView>(HttpStatusCode.OK);
        app.Clock.SetUtcNow(new DateTimeOffset(2032, 2, 3, 0, 0, 0, TimeSpan.Zero));   // the job did not run in time: the card has expired

        await app.RunJobAsync(Job);

        var expired = Assert.Single(await NoticesAsync(record.Email));
        Assert.Equal("Your Medicare card has expired", expired.Subject);
        Assert.Contains("was valid to the end of January 2032", expired.Body, StringComparison.Ordinal);

        using var drLeeLater = await app.SignedInPractitionerAsync(practice);
        await (await drLeeLater.PutAsJsonAsync($"/api/practice/patients/{record.Id}/funding",
            new { medicare = new { number = "3950386862", irn = 1, validTo = "2032-03" } })).ReadAsync<FundingView>(HttpStatusCode.OK);
        await app.RunJobAsync(Job);
        Assert.Equal(2, (await NoticesAsync(record.Email)).Count);   // the new card ends next month: told once more
        Assert.Contains(await NoticesAsync(record.Email), n => n.Body.Contains("ending 6862", StringComparison.Ordinal));
    }

    private async Task<List<Email>> NoticesAsync(string to)
    {
        await app.RunMessagingAsync();
        using var anonymous = app.CreateClient();
        return (await anonymous.GetFromJsonAsync<List<Email>>($"/api/dev/mailbox?to={Uri.EscapeDataString(to)}", PortalClients.Json))!
            .Where(e => e.Subject.StartsWith("Your Medicare card", StringComparison.Ordinal)).ToList();
    }
}
