using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Web.Components.Api;
using Portal.Web.Patient.Features.Requests;
using Portal.Web.Server.Api;

namespace Portal.Web.Patient.Features.Funding;

/// <summary>
/// The patient's funding details: <c>GET /api/portal/funding</c>, one scheme given, replaced or removed at a time
/// (<c>PUT/DELETE /api/portal/funding/{scheme}</c>), and the registered health funds (<c>GET /api/portal/health-funds</c>).
/// </summary>
public sealed class MyFundingClient(PortalWebApi api)
{
    public Task<ApiResult<MyFunding>> GetAsync(Guid patientId) => api.GetAsync<MyFunding>($"api/portal/funding?patientId={patientId}");

    public Task<ApiResult<IReadOnlyList<HealthFundChoice>>> HealthFundsAsync() => api.GetAsync<IReadOnlyList<HealthFundChoice>>("api/portal/health-funds");

    /// <summary>Gives or replaces one scheme at the version shown; nothing is sent when it is what the patient last asked for.</summary>
    public async Task<EditResult> SaveAsync(Guid patientId, FundingScheme scheme, int version, JsonNode? shown, JsonObject typed)
    {
        if (shown is not null && JsonNode.DeepEquals(WithoutNulls(shown), typed))
        {
            return EditResult.NothingChanged;
        }

        // The IHI is a single value: its body is {ihi: "..."}; the other schemes' bodies are the scheme's object.
        return EditResult.From(await api.SendAsync<EditAnswer>(HttpMethod.Put, Route(patientId, scheme), typed, $"\"{version}\""));
    }

    /// <summary>Removes one scheme from the funding details (under approval, a request to remove it).</summary>
    public async Task<EditResult> RemoveAsync(Guid patientId, FundingScheme scheme, int version) =>
        EditResult.From(await api.SendAsync<EditAnswer>(HttpMethod.Delete, Route(patientId, scheme), null, $"\"{version}\""));

    /// <summary>The value with its empty members left out, as a form's body leaves them out.</summary>
    private static JsonNode? WithoutNulls(JsonNode? node)
    {
        if (node is not JsonObject value)
        {
            return node?.DeepClone();
        }

        var copy = new JsonObject();
        foreach (var (name, member) in value.Where(m => m.Value is not null))
        {
            copy[name] = WithoutNulls(member);
        }

        return copy;
    }

    private static string Route(Guid patientId, FundingScheme scheme) => $"api/portal/funding/{scheme.Name}?patientId={patientId}";
}

/// <summary><c>GET /api/portal/funding</c>: each scheme as stored (a JSON object, the IHI a string), null when not given.</summary>
public sealed record MyFunding(
    Guid PatientId, JsonObject? Medicare, JsonObject? PrivateHealth, JsonObject? Ndis, JsonObject? Dva, string? Ihi, int Version,
    string? MedicareExpiry = null, IReadOnlyList<string>? FieldsNeedingApproval = null, UpdatePolicy PatientUpdates = UpdatePolicy.RequireApproval)
{
    /// <summary>One scheme's value as the API keeps it (the IHI as <c>{ihi}</c>, as its form sends it), or null.</summary>
    public JsonObject? ValueOf(FundingScheme scheme) => scheme.Name switch
    {
        "medicare" => Medicare,
        "privateHealth" => PrivateHealth,
        "ndis" => Ndis,
        "dva" => Dva,
        _ => Ihi is null ? null : new JsonObject { ["ihi"] = Ihi },
    };

    public bool ExpiresSoon => MedicareExpiry == "expiresSoon";

    public bool Expired => MedicareExpiry == "expired";

    /// <summary>Whether a change to <paramref name="scheme"/> waits for the practice under its policy.</summary>
    public bool NeedsApproval(FundingScheme scheme) =>
        PatientUpdates == UpdatePolicy.RequireApproval || (FieldsNeedingApproval ?? []).Contains(scheme.Name, StringComparer.Ordinal);

    /// <summary>
    /// The schemes as the patient last asked for them: a scheme a waiting request changes is that request's value
    /// (<c>null</c>: asked to remove it); the others as recorded.
    /// </summary>
    public IReadOnlyDictionary<string, JsonObject?> AskedIn(IReadOnlyList<MyChangeRequest> pending)
    {
        var asked = FundingScheme.All.ToDictionary(s => s.Name, ValueOf);
        foreach (var change in pending.SelectMany(r => r.Changes).Where(c => asked.ContainsKey(c.Field)))
        {
            asked[change.Field] = Waiting(change);
        }

        return asked;
    }

    /// <summary>The schemes a waiting request changes, with the value it asks for (null: to remove it).</summary>
    public static IReadOnlyDictionary<string, JsonObject?> WaitingIn(IReadOnlyList<MyChangeRequest> pending) =>
        pending.SelectMany(r => r.Changes).GroupBy(c => c.Field).ToDictionary(g => g.Key, g => Waiting(g.Last()));

    private static JsonObject? Waiting(FieldChange change) => change.To switch
    {
        { ValueKind: JsonValueKind.Object } to => JsonNode.Parse(to.GetRawText())!.AsObject(),
        { ValueKind: JsonValueKind.String } ihi => new JsonObject { ["ihi"] = ihi.GetString() },
        _ => null,
    };
}

/// <summary>One of <c>GET /api/portal/health-funds</c>.</summary>
public sealed record HealthFundChoice(string Code, string Name);

/// <summary>A funding scheme: its API name, its page's address (<c>/funding/{Slug}</c>), and its form's field names.</summary>
public sealed record FundingScheme(string Name, string Slug)
{
    /// <summary>The part of the record the funding details are (a change request's <c>subject</c>).</summary>
    public const string Part = "funding";

    public static readonly FundingScheme Medicare = new("medicare", "medicare");
    public static readonly FundingScheme PrivateHealth = new("privateHealth", "private-health");
    public static readonly FundingScheme Ndis = new("ndis", "ndis");
    public static readonly FundingScheme Dva = new("dva", "dva");
    public static readonly FundingScheme Ihi = new("ihi", "ihi");

    /// <summary>In the order the pages show them (as the server's record fields list them).</summary>
    public static readonly IReadOnlyList<FundingScheme> All = [Medicare, PrivateHealth, Ndis, Dva, Ihi];

    public static FundingScheme? FromSlug(string? slug) => All.FirstOrDefault(s => string.Equals(s.Slug, slug, StringComparison.OrdinalIgnoreCase));

    public static FundingScheme? FromName(string? name) => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));

    public string Page => $"funding/{Slug}";
}
