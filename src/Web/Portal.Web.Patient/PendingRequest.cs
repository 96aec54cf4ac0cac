using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Web.Components.Api;

namespace Portal.Web.Patient;

/// <summary>
/// The patient's change still waiting for their practice (at most one per part of the record). The edit pages start
/// from it, so a new edit builds on what was asked (the practice gets one request with both) instead of undoing it.
/// </summary>
public static class PendingRequest
{
    /// <summary>
    /// The pending request for <paramref name="subject"/> (<c>profile</c>, <c>healthRecord</c>) of one record, if any.
    /// When it cannot be read, the page must not offer its form: an edit made without it would undo what was asked.
    /// </summary>
    public static async Task<(MyChangeRequest? Request, ApiProblem? Problem)> FindAsync(PortalApi api, Guid patientId, string subject)
    {
        var result = await api.GetAsync<Page<MyChangeRequest>>(
            MyRecords.RouteFor(patientId, $"api/portal/change-requests?status=pending&subject={subject}&pageSize=1"));
        return (result.Value?.Items.FirstOrDefault(), result.Problem);
    }

    /// <summary><paramref name="record"/> with the values <paramref name="request"/> asks for.</summary>
    public static T AskedIn<T>(T record, MyChangeRequest request)
    {
        var asked = JsonSerializer.SerializeToNode(record, PortalApi.Json)!.AsObject();
        foreach (var change in request.Changes)
        {
            asked[change.Field] = change.To is { } to ? JsonNode.Parse(to.GetRawText()) : null;
        }

        return asked.Deserialize<T>(PortalApi.Json)!;
    }

    /// <summary>The edit that withdraws <paramref name="request"/>: each of its fields set back to the record's value today.</summary>
    public static JsonObject Withdrawal<T>(T record, MyChangeRequest request)
    {
        var today = JsonSerializer.SerializeToNode(record, PortalApi.Json)!.AsObject();
        var body = new JsonObject();
        foreach (var change in request.Changes)
        {
            body[change.Field] = today[change.Field]?.DeepClone();
        }

        return body;
    }
}
