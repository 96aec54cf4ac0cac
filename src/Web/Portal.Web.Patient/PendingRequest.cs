using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Web.Components.Api;

namespace Portal.Web.Patient;

/// <summary>
/// The patient's changes still waiting for their practice (normally one per part of the record; the API carries all
/// of them into the next edit). The edit pages start from them, so a new edit builds on what was asked instead of
/// undoing it.
/// </summary>
public static class PendingRequest
{
    /// <summary>
    /// The waiting requests for <paramref name="subject"/> (<c>profile</c>, <c>healthRecord</c>) of one record, oldest first.
    /// When they cannot be read, the page must not offer its form: an edit made without them would undo what was asked.
    /// </summary>
    public static async Task<(IReadOnlyList<MyChangeRequest> Requests, ApiProblem? Problem)> FindAsync(PortalApi api, Guid patientId, string subject)
    {
        var result = await api.GetAsync<Page<MyChangeRequest>>(
            MyRecords.RouteFor(patientId, $"api/portal/change-requests?status=pending&subject={subject}&pageSize=100"));
        var waiting = result.Value?.Items.Where(r => r.Status == "pending" && r.Subject == subject).OrderBy(r => r.SubmittedAt).ToList() ?? [];
        return (waiting, result.Problem);
    }

    /// <summary><paramref name="record"/> with the values the <paramref name="requests"/> ask for, the newest winning.</summary>
    public static T AskedIn<T>(T record, IReadOnlyList<MyChangeRequest> requests)
    {
        var asked = JsonSerializer.SerializeToNode(record, PortalApi.Json)!.AsObject();
        foreach (var change in requests.SelectMany(r => r.Changes))
        {
            asked[change.Field] = change.To is { } to ? JsonNode.Parse(to.GetRawText()) : null;
        }

        return asked.Deserialize<T>(PortalApi.Json)!;
    }

    /// <summary>The edit that withdraws the <paramref name="requests"/>: each of their fields set back to the record's value today.</summary>
    public static JsonObject Withdrawal<T>(T record, IReadOnlyList<MyChangeRequest> requests)
    {
        var today = JsonSerializer.SerializeToNode(record, PortalApi.Json)!.AsObject();
        var body = new JsonObject();
        foreach (var field in requests.SelectMany(r => r.Changes).Select(c => c.Field).Distinct())
        {
            body[field] = today[field]?.DeepClone();
        }

        return body;
    }
}
