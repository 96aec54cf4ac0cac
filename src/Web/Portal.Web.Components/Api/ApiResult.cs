using System.Net;
using System.Text.Json;

namespace Portal.Web.Components.Api;

/// <summary>An API error as the UI shows it: the stable <c>code</c>, a readable message, and messages per field.</summary>
public sealed record ApiProblem(int Status, string Code, string Message, IReadOnlyDictionary<string, string[]> FieldErrors)
{
    public static readonly ApiProblem Network = new(0, "network", "Portal cannot be reached. Check your connection and try again.", Empty);

    public static readonly ApiProblem Unreadable = new(0, "unreadable", "Portal answered something this page does not understand. Reload the page and try again.", Empty);

    private static IReadOnlyDictionary<string, string[]> Empty => new Dictionary<string, string[]>();

    /// <summary>The messages for one field (camelCase path, e.g. <c>address.postcode</c>), or null.</summary>
    public string? For(string field) => FieldErrors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    /// <summary>The extension member <paramref name="name"/> of the ProblemDetails (e.g. the conflicting <c>fields</c>).</summary>
    public JsonElement? Extension { get; init; }

    public static async Task<ApiProblem> ReadAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        try
        {
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var root = document.RootElement;
            var code = root.TryGetProperty("code", out var c) ? c.GetString() ?? "error" : "error";
            var message = root.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : DefaultMessage(response.StatusCode);
            var fields = new Dictionary<string, string[]>();
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in errors.EnumerateObject())
                {
                    fields[field.Name] = field.Value.EnumerateArray().Select(m => m.GetString() ?? string.Empty).ToArray();
                }
            }

            return new ApiProblem(status, code, message, fields) { Extension = root.Clone() };
        }
        catch (JsonException)
        {
            return new ApiProblem(status, "error", DefaultMessage(response.StatusCode), Empty);
        }
    }

    private static string DefaultMessage(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => "Please sign in again.",
        HttpStatusCode.Forbidden => "You are not allowed to do this.",
        HttpStatusCode.NotFound => "This was not found.",
        HttpStatusCode.TooManyRequests => "Too many attempts. Wait a minute and try again.",
        _ => "Something went wrong. Please try again.",
    };
}

/// <summary>One page of a list that can grow: <c>{items, total}</c> (docs/api-conventions.md).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total);

/// <summary>
/// One field of a change: <c>{field, from, to, entries}</c>, the values as the API stored them; for a list of the
/// health record, <c>entries</c> are the entries added, changed and removed.
/// </summary>
public sealed record FieldChange(string Field, JsonElement? From, JsonElement? To, IReadOnlyList<EntryChange>? Entries = null);

/// <summary>One entry of a list: <c>{change, from, to}</c>, <c>change</c> one of <c>added</c>, <c>changed</c>, <c>removed</c>.</summary>
public sealed record EntryChange(string Change, JsonElement? From, JsonElement? To);

/// <summary>What a call answered: a value, or a problem to show.</summary>
public sealed record ApiResult<T>(T? Value, ApiProblem? Problem, int Status, string? ETag = null)
{
    public bool IsSuccess => Problem is null;
}
