using System.Net;
using System.Net.Http.Json;
using Portal.Web.Components.Api;
using Portal.Web.Server.Session;

namespace Portal.Web.Server.Api;

/// <summary>
/// JSON over the REST API for the feature clients, exactly as any other client calls it: the session's bearer token,
/// ProblemDetails for errors. A token the API refuses is renewed once and the call repeated. Pages never use this:
/// they call a feature's client, which names the routes.
/// </summary>
public sealed class PortalWebApi(ApiTransport transport, WebSession session)
{
    public Task<ApiResult<T>> GetAsync<T>(string path) => SendAsync<T>(HttpMethod.Get, path, null);

    public Task<ApiResult<T>> PostAsync<T>(string path, object? body = null) => SendAsync<T>(HttpMethod.Post, path, body);

    public Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, object? body, string? ifMatch = null) =>
        CallAsync<T>(method, path, body, ifMatch, signedIn: true);

    /// <summary>A call without the session's token (sign-in, invitations, password reset).</summary>
    public Task<ApiResult<T>> AnonymousAsync<T>(HttpMethod method, string path, object? body = null) =>
        CallAsync<T>(method, path, body, null, signedIn: false);

    private async Task<ApiResult<T>> CallAsync<T>(HttpMethod method, string path, object? body, string? ifMatch, bool signedIn)
    {
        try
        {
            var token = signedIn ? await session.AccessTokenAsync() : null;
            if (signedIn && token is null)
            {
                return new ApiResult<T>(default, SignedOut, 401);
            }

            var response = await transport.SendAsync(Request(method, path, body, ifMatch, token));
            if (signedIn && response.StatusCode == HttpStatusCode.Unauthorized)
            {
                response.Dispose();
                if (!await session.RenewAsync() || await session.AccessTokenAsync() is not { } renewed)
                {
                    return new ApiResult<T>(default, SignedOut, 401);
                }

                response = await transport.SendAsync(Request(method, path, body, ifMatch, renewed));
            }

            using (response)
            {
                var etag = response.Headers.ETag?.Tag;
                if (!response.IsSuccessStatusCode)
                {
                    return new ApiResult<T>(default, await ApiProblem.ReadAsync(response), (int)response.StatusCode, etag);
                }

                var value = response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0
                    ? default
                    : await response.Content.ReadFromJsonAsync<T>(ApiJson.Options);
                return new ApiResult<T>(value, null, (int)response.StatusCode, etag);
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new ApiResult<T>(default, ApiProblem.Network, 0);
        }
        catch (System.Text.Json.JsonException)
        {
            return new ApiResult<T>(default, ApiProblem.Unreadable, 0);
        }
    }

    /// <summary>The session ended (signed out elsewhere, or expired): the page asks to sign in again.</summary>
    public static readonly ApiProblem SignedOut = new(401, "session.ended", "Your session has ended. Please sign in again.", new Dictionary<string, string[]>());

    private static HttpRequestMessage Request(HttpMethod method, string path, object? body, string? ifMatch, string? token)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: ApiJson.Options);
        }

        return request;
    }
}
