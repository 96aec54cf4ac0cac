using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Modules.Identity.Contracts;
using Xunit;

namespace Portal.Testing;

public sealed record Tokens(string AccessToken, string RefreshToken, int ExpiresIn);

/// <summary>
/// Signing in through the real API, as a client app would. The tests' helpers are named by one convention: what
/// answers a signed-in <see cref="HttpClient"/> is <c>SignedInXxxAsync</c> (<see cref="SignedInClientAsync"/>,
/// <c>SignedInAvaAsync</c>); <c>PostXxxAsync</c> answers the raw response of one call; any other awaited step is
/// <c>VerbXxxAsync</c> (<c>LinkPatientRecordAsync</c>, <c>RunMessagingAsync</c>); a client made without a call is
/// <c>ClientXxx</c> (<see cref="ClientWith"/>).
/// </summary>
public static class PortalClients
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<HttpResponseMessage> PostLoginAsync(
        this PortalApp app, string email, string password = DemoData.Password, string? twoFactorCode = null, string? recoveryCode = null)
    {
        using var client = app.CreateClient();
        return await client.PostAsJsonAsync("/api/auth/login", new { email, password, twoFactorCode, recoveryCode });
    }

    public static async Task<Tokens> LoginAsync(this PortalApp app, string email, string password = DemoData.Password, string? twoFactorCode = null)
    {
        using var response = await app.PostLoginAsync(email, password, twoFactorCode);
        Assert.True(response.IsSuccessStatusCode, $"Sign-in of {email} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<Tokens>(Json))!;
    }

    /// <summary>A client that sends the access token of a fresh sign-in.</summary>
    public static async Task<HttpClient> SignedInClientAsync(this PortalApp app, string email, string password = DemoData.Password)
    {
        var tokens = await app.LoginAsync(email, password);
        return app.ClientWith(tokens.AccessToken);
    }

    public static HttpClient ClientWith(this PortalApp app, string accessToken)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Json));
}
