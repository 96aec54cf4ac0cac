using System.Net;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Invitations.Tests;

/// <summary>
/// Two accepts of one link at once, on a Host of the test's own (as before). In the Host shared by
/// <see cref="InvitationFlowTests"/>, warm, the losing accept sometimes answered 409 instead of 410: it passed the
/// "still pending" check before the winner committed and then found the account the winner had just made.
/// </summary>
public sealed class ConcurrentAcceptTests : IAsyncLifetime
{
    private readonly PortalApp app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Two_accepts_of_one_link_at_once_make_exactly_one_account()
    {
        var practice = await app.NewPracticeAsync();
        var noah = await practice.AddPatientAsync();
        using var drLee = await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password);
        (await drLee.InviteAsync(noah.Id)).Dispose();
        var token = await app.LatestInvitationTokenAsync(noah.Email);
        using var first = app.CreateClient();
        using var second = app.CreateClient();

        var responses = await Task.WhenAll(first.AcceptAsync(token, "Noah's first passphrase"), second.AcceptAsync(token, "Noah's other passphrase"));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Gone);
        var signIns = await Task.WhenAll(app.PostLoginAsync(noah.Email, "Noah's first passphrase"), app.PostLoginAsync(noah.Email, "Noah's other passphrase"));
        Assert.Single(signIns, r => r.StatusCode == HttpStatusCode.OK);
    }
}
