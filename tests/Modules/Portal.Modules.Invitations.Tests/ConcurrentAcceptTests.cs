using System.Net;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Invitations.Tests;

/// <summary>
/// Two accepts of one link at once, several times in one warm Host. The losing accept once sometimes answered 409: it
/// passed the "still pending" check before the winner committed and then found the account the winner had just made.
/// The claim now comes before those checks, so the loser waits for the winner and finds the link used.
/// </summary>
public sealed class ConcurrentAcceptTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task Two_accepts_of_one_link_at_once_make_exactly_one_account(int round)
    {
        var practice = await app.NewPracticeAsync();
        var noah = await practice.AddPatientAsync();
        using var practitioner = await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password);
        (await practitioner.InviteAsync(noah.Id)).Dispose();
        var token = await app.LatestInvitationTokenAsync(noah.Email);
        using var first = app.CreateClient();
        using var second = app.CreateClient();

        var responses = await Task.WhenAll(first.AcceptAsync(token, "Noah's first passphrase"), second.AcceptAsync(token, "Noah's other passphrase"));

        var statuses = string.Join(", ", responses.Select(r => (int)r.StatusCode));
        Assert.True(responses.Count(r => r.StatusCode == HttpStatusCode.Created) == 1, $"round {round}: {statuses}");
        Assert.True(responses.Count(r => r.StatusCode == HttpStatusCode.Gone) == 1, $"round {round}: {statuses}");
        var signIns = await Task.WhenAll(app.PostLoginAsync(noah.Email, "Noah's first passphrase"), app.PostLoginAsync(noah.Email, "Noah's other passphrase"));
        Assert.Single(signIns, r => r.StatusCode == HttpStatusCode.OK);
    }
}
