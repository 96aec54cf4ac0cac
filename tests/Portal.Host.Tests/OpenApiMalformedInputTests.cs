using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Portal.Host.Tests;

/// <summary>
/// Walks the OpenAPI document and sends every operation malformed input (wrong types, nulls, huge strings, duplicate
/// keys, bodies of the wrong shape, malformed query values) and ids it must not reach (unknown ids, another patient's,
/// another practice group's), as a signed-in practitioner and as a signed-in patient. No answer may be a 5xx, and none
/// of the requests that must fail may be a 2xx.
/// </summary>
public sealed class OpenApiMalformedInputTests(PortalApp app, ITestOutputHelper output) : IClassFixture<PortalApp>
{
    private const string PatientEmail = "walker@example.test";
    private const string PatientPassword = "a long patient password";
    private const int HugeLength = 100_000;

    /// <summary>Calls that end the caller's own session: every later request would only test the 401.</summary>
    private static readonly HashSet<string> Skipped = ["post /api/auth/logout"];

    [Fact]
    public async Task No_operation_answers_malformed_input_or_a_foreign_id_with_a_5xx_or_an_unearned_2xx()
    {
        using var anonymous = app.CreateClient();
        var document = JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!.AsObject();
        await app.LinkPatientRecordAsync(PatientEmail, PatientPassword, DemoPatients.AvaNguyenId, DemoData.HarbourHealthId);
        var callers = new[]
        {
            // Dr Lee's own patient for the patientId routes; Summit's patient is another group's.
            new Caller("practitioner", await app.SignedInClientAsync(DemoData.DrLeeEmail), DemoPatients.MiaChenId,
                [Guid.NewGuid(), DemoPatients.JackTaylorId]),
            // Ava's account; Noah is another patient of the same practice, Jack one of another group.
            new Caller("patient", await app.SignedInClientAsync(PatientEmail, PatientPassword), DemoPatients.AvaNguyenId,
                [Guid.NewGuid(), DemoPatients.NoahSmithId, DemoPatients.JackTaylorId]),
        };

        var failures = new List<string>();
        var sent = 0;
        var schemas = document["components"]?["schemas"]?.AsObject();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            if (!path.StartsWith("/api/", StringComparison.Ordinal) || path.StartsWith("/api/dev/", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var (method, operationNode) in item!.AsObject())
            {
                if (method is not ("get" or "post" or "put" or "patch" or "delete") || Skipped.Contains($"{method} {path}"))
                {
                    continue;
                }

                var operation = new Operation(method, path, operationNode!.AsObject(), schemas);
                foreach (var caller in callers)
                {
                    foreach (var probe in operation.Probes(caller))
                    {
                        using var request = probe.ToRequest();
                        using var response = await caller.Client.SendAsync(request);
                        sent++;
                        var status = (int)response.StatusCode;
                        if (status >= 500 || (probe.MustFail && status is >= 200 and < 300))
                        {
                            var body = await response.Content.ReadAsStringAsync();
                            failures.Add($"{caller.Name}: {method.ToUpperInvariant()} {probe.Url} [{probe.What}] answered {status}: {Truncate(body)}");
                        }
                    }
                }
            }
        }

        output.WriteLine($"{sent} requests sent.");
        failures.ForEach(output.WriteLine);
        Assert.True(sent > 500, $"only {sent} requests: the walk found too few operations");
        Assert.True(failures.Count == 0, $"{failures.Count} answers that must not be:\n" + string.Join("\n", failures));
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";

    private sealed record Caller(string Name, HttpClient Client, Guid OwnPatientId, Guid[] ForeignIds);

    /// <summary>One request to send: what it tries, and whether a 2xx would be wrong.</summary>
    private sealed record Probe(string Method, string Url, string? Body, string What, bool MustFail)
    {
        public HttpRequestMessage ToRequest()
        {
            var request = new HttpRequestMessage(new HttpMethod(Method.ToUpperInvariant()), Url);
            if (Body is not null)
            {
                request.Content = new StringContent(Body, Encoding.UTF8, "application/json");
            }

            return request;
        }
    }

    private sealed class Operation(string method, string path, JsonObject operation, JsonObject? schemas)
    {
        private JsonArray Parameters => operation["parameters"]?.AsArray() ?? [];

        private JsonNode? BodySchema => operation["requestBody"]?["content"]?["application/json"]?["schema"];

        public IEnumerable<Probe> Probes(Caller caller)
        {
            var pathParameters = Parameters.Where(p => (string?)p!["in"] == "path").Select(p => (string)p!["name"]!).ToList();
            var queryParameters = Parameters.Where(p => (string?)p!["in"] == "query").Select(p => p!.AsObject()).ToList();
            var plausibleBody = BodySchema is { } bodySchema ? Plausible(bodySchema, 0)?.ToJsonString() : null;

            // Ids the caller must not reach, each path parameter in turn (with a body that could otherwise succeed).
            foreach (var parameter in pathParameters)
            {
                foreach (var foreign in caller.ForeignIds)
                {
                    yield return new Probe(method, Url(caller, (parameter, foreign.ToString())), plausibleBody, $"{parameter}={foreign}", MustFail: true);
                }

                yield return new Probe(method, Url(caller, (parameter, "not-an-id")), plausibleBody, $"{parameter} malformed", MustFail: true);
                yield return new Probe(method, Url(caller, (parameter, new string('9', 5000))), plausibleBody, $"{parameter} huge", MustFail: true);
            }

            // Another patient's record through the portal's patientId selector.
            if (path.StartsWith("/api/portal/", StringComparison.Ordinal) && queryParameters.Any(q => (string?)q["name"] == "patientId"))
            {
                foreach (var foreign in caller.ForeignIds)
                {
                    yield return new Probe(method, Url(caller) + $"?patientId={foreign}", plausibleBody, $"patientId={foreign}", MustFail: true);
                }
            }

            foreach (var query in queryParameters)
            {
                var name = (string)query["name"]!;
                var schema = Resolve(query["schema"]);
                if (WrongTypeText(schema) is { } wrong)
                {
                    yield return new Probe(method, Url(caller) + $"?{name}={Uri.EscapeDataString(wrong)}", plausibleBody, $"query {name} of the wrong type", MustFail: true);
                }

                yield return new Probe(method, Url(caller) + $"?{name}={new string('x', 10_000)}", plausibleBody, $"query {name} huge", MustFail: false);
            }

            if (BodySchema is not { } body)
            {
                yield break;
            }

            var url = Url(caller);
            // A JSON null is no body at all, which an operation with an optional body accepts.
            var bodyRequired = (bool?)operation["requestBody"]?["required"] == true;
            yield return new Probe(method, url, "null", "null body", MustFail: bodyRequired);
            foreach (var (raw, what) in new[] { ("[]", "array body"), ("\"text\"", "string body"), ("42", "number body"), ("{\"a\":", "truncated body") })
            {
                yield return new Probe(method, url, raw, what, MustFail: true);
            }

            if (Resolve(body) is not JsonObject objectSchema || objectSchema["properties"] is not JsonObject properties || properties.Count == 0)
            {
                yield break;
            }

            var plausible = (JsonObject)Plausible(body, 0)!;
            foreach (var (name, property) in properties)
            {
                var wrongType = plausible.DeepClone().AsObject();
                wrongType[name] = WrongType(Resolve(property));
                yield return new Probe(method, url, wrongType.ToJsonString(), $"{name} of the wrong type", MustFail: true);

                if (IsText(Resolve(property)))
                {
                    var huge = plausible.DeepClone().AsObject();
                    huge[name] = new string('x', HugeLength);
                    yield return new Probe(method, url, huge.ToJsonString(), $"{name} huge", MustFail: true);
                }
            }

            var nulls = new JsonObject(properties.Select(p => KeyValuePair.Create<string, JsonNode?>(p.Key, null)));
            yield return new Probe(method, url, nulls.ToJsonString(), "every field null", MustFail: false);

            var first = properties.First().Key;
            var duplicate = plausible.ToJsonString().TrimEnd('}') + (plausible.Count > 0 ? "," : string.Empty)
                            + $"{JsonSerializer.Serialize(first)}:{plausible[first]?.ToJsonString() ?? "null"}}}";
            yield return new Probe(method, url, duplicate, $"{first} twice", MustFail: true);
        }

        private string Url(Caller caller, (string Name, string Value)? replaced = null)
        {
            var url = path;
            foreach (var name in Parameters.Where(p => (string?)p!["in"] == "path").Select(p => (string)p!["name"]!))
            {
                var value = replaced is { } r && r.Name == name
                    ? r.Value
                    : name.Equals("patientId", StringComparison.OrdinalIgnoreCase) ? caller.OwnPatientId.ToString() : Guid.NewGuid().ToString();
                url = url.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
            }

            return url;
        }

        private JsonNode? Resolve(JsonNode? schema)
        {
            for (var depth = 0; depth < 10 && schema?["$ref"] is { } reference; depth++)
            {
                schema = schemas?[((string)reference!).Split('/')[^1]];
            }

            return schema;
        }

        private static IEnumerable<string> TypesOf(JsonNode? schema) => schema?["type"] switch
        {
            JsonValue single => [(string)single!],
            JsonArray several => several.Select(t => (string)t!),
            _ => [],
        };

        private static bool IsText(JsonNode? schema) =>
            TypesOf(schema).Contains("string") && schema?["enum"] is null && schema?["format"] is null;

        private JsonNode? Plausible(JsonNode schema, int depth)
        {
            var resolved = Resolve(schema);
            if (resolved is null || depth > 4)
            {
                return null;
            }

            if (resolved["enum"] is JsonArray values && values.FirstOrDefault(v => v is not null) is { } value)
            {
                return value.DeepClone();
            }

            var types = TypesOf(resolved).Where(t => t != "null").ToList();
            if (resolved["properties"] is JsonObject properties)
            {
                return new JsonObject(properties.Select(p => KeyValuePair.Create(p.Key, Plausible(p.Value!, depth + 1))));
            }

            return types.FirstOrDefault() switch
            {
                "string" => (string?)resolved["format"] switch
                {
                    "uuid" => Guid.NewGuid().ToString(),
                    "date" => "1990-04-12",
                    "date-time" => "2030-03-01T10:00:00+10:00",
                    "email" => "someone@example.test",
                    _ => "plausible text",
                },
                "integer" or "number" => 1,
                "boolean" => false,
                "array" => resolved["items"] is { } items ? new JsonArray(Plausible(items, depth + 1)) : new JsonArray(),
                "object" => new JsonObject(),
                _ => null,
            };
        }

        private static JsonNode WrongType(JsonNode? schema)
        {
            var types = TypesOf(schema).ToList();
            if (schema?["properties"] is not null || types.Contains("object"))
            {
                return "not an object";
            }

            return types.FirstOrDefault(t => t != "null") switch
            {
                "integer" or "number" => "not a number",
                "boolean" => "not a boolean",
                "array" => new JsonObject { ["not"] = "an array" },
                _ => JsonValue.Create(12345),
            };
        }

        private static string? WrongTypeText(JsonNode? schema) =>
            (string?)schema?["format"] == "uuid" || TypesOf(schema?["items"]).Any() && (string?)schema?["items"]?["format"] == "uuid" ? "not-a-guid"
            : TypesOf(schema).Contains("integer") || TypesOf(schema).Contains("number") ? "not-a-number"
            : TypesOf(schema).Contains("boolean") ? "not-a-boolean"
            : null;
    }
}
