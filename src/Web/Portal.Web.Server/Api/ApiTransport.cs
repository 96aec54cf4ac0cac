using Microsoft.AspNetCore.Http;

namespace Portal.Web.Server.Api;

/// <summary>
/// Sends the front end's calls to the REST API (<see cref="ApiAddress"/>) on behalf of the browser's request: the
/// browser's address and scheme travel as <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c> (so the API's sign-in
/// throttling, rate limits and audit trails see the person at the browser, not the server), its <c>User-Agent</c> names the device in
/// the sessions list, and an in-process call carries the front end's key (<see cref="WebFrontEnd"/>), without which
/// the API believes no forwarded header from loopback.
/// </summary>
public sealed class ApiTransport(IHttpClientFactory factory, ApiAddress address, WebFrontEnd frontEnd, IHttpContextAccessor accessor)
{
    /// <summary>The named <see cref="HttpClient"/> of the front end (tests on an in-memory server swap its handler).</summary>
    public const string ClientName = "Portal.Web.Api";

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        var client = factory.CreateClient(ClientName);
        client.BaseAddress = address.BaseAddress;
        if (accessor.HttpContext is { } browser)
        {
            if (address.InProcess)
            {
                request.Headers.TryAddWithoutValidation(WebFrontEnd.KeyHeader, frontEnd.Key);
            }

            if (browser.Connection.RemoteIpAddress is { } peer)
            {
                request.Headers.TryAddWithoutValidation("X-Forwarded-For", (peer.IsIPv4MappedToIPv6 ? peer.MapToIPv4() : peer).ToString());
            }

            request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", browser.Request.Scheme);
            if (browser.Request.Headers.UserAgent.ToString() is { Length: > 0 } userAgent)
            {
                request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
            }

            cancellationToken = cancellationToken.CanBeCanceled ? cancellationToken : browser.RequestAborted;
        }

        return await client.SendAsync(request, cancellationToken);
    }
}
