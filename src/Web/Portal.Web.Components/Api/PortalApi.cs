using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Web.Components.Api;

/// <summary>
/// The REST API as the web apps call it, exactly as any other client would: bearer token, JSON, ProblemDetails.
/// An expired access token is renewed once with the refresh token, then the call is repeated.
/// </summary>
public sealed class PortalApi(HttpClient http, AuthSession session)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public Task<ApiResult<T>> GetAsync<T>(string url) => SendAsync<T>(HttpMethod.Get, url, null);

    public Task<ApiResult<T>> PostAsync<T>(string url, object? body = null) => SendAsync<T>(HttpMethod.Post, url, body);

    public Task<ApiResult<T>> PutAsync<T>(string url, object body, string? ifMatch = null) => SendAsync<T>(HttpMethod.Put, url, body, ifMatch);

    public Task<ApiResult<T>> PatchAsync<T>(string url, object body, string? ifMatch = null) => SendAsync<T>(HttpMethod.Patch, url, body, ifMatch);

    public async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string url, object? body, string? ifMatch = null)
    {
        try
        {
            using var response = await SendWithRenewalAsync(method, url, body, ifMatch);
            var etag = response.Headers.ETag?.Tag;
            if (!response.IsSuccessStatusCode)
            {
                return new ApiResult<T>(default, await ApiProblem.ReadAsync(response), (int)response.StatusCode, etag);
            }

            var value = response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0
                ? default
                : await response.Content.ReadFromJsonAsync<T>(Json);
            return new ApiResult<T>(value, null, (int)response.StatusCode, etag);
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

    private async Task<HttpResponseMessage> SendWithRenewalAsync(HttpMethod method, string url, object? body, string? ifMatch)
    {
        var response = await http.SendAsync(Request(method, url, body, ifMatch));
        if (response.StatusCode != HttpStatusCode.Unauthorized || session.AccessToken is null || !await session.RenewAsync())
        {
            return response;
        }

        response.Dispose();
        return await http.SendAsync(Request(method, url, body, ifMatch));
    }

    private HttpRequestMessage Request(HttpMethod method, string url, object? body, string? ifMatch)
    {
        var request = new HttpRequestMessage(method, url);
        if (session.AccessToken is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        return request;
    }
}
