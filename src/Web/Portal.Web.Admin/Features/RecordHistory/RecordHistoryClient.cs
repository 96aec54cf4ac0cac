using System.Text.Json;
using Portal.Web.Admin.Features.Shared;
using Portal.Web.Components.Api;
using Portal.Web.Server.Api;

namespace Portal.Web.Admin.Features.RecordHistory;

/// <summary>How a change came about (the API's <c>source</c>).</summary>
public enum ChangeSource
{
    PatientEdit,
    PracticeEdit,
    Approval,
    Restore,
}

/// <summary>What happened to one entry of a list of the health record.</summary>
public enum EntryChangeKind
{
    Added,
    Changed,
    Removed,
}

/// <summary>One applied change of the record: who, when, how, and each changed field as rows of text.</summary>
public sealed record HistoryEntry(Guid Id, RecordPart Subject, DateTimeOffset ChangedAt, string ChangedBy, ChangeSource Source, IReadOnlyList<ChangeRow> Rows);

/// <summary>A field before and after; for a list of the health record, one row per entry added, changed or removed.</summary>
public sealed record ChangeRow(string Field, EntryChangeKind? Entry, string From, string To);

public sealed record RestoreAnswer(HistoryEntry? Restored, ApiProblem? Problem);

/// <summary>
/// Every applied change of a patient's record, newest first (<c>GET /api/practice/patients/{id}/versions?subject=</c>),
/// and bringing back what was there before one (<c>POST …/versions/{versionId}/restore</c>, itself a new change).
/// </summary>
public sealed class RecordHistoryClient(PortalWebApi api, Funding.FundingClient funding)
{
    public const int PageSize = 20;

    public async Task<ApiResult<Page<HistoryEntry>>> ListAsync(Guid patientId, RecordPart? subject, int page)
    {
        var filter = subject switch
        {
            RecordPart.Profile => "&subject=profile",
            RecordPart.HealthRecord => "&subject=healthRecord",
            RecordPart.Funding => "&subject=funding",
            _ => string.Empty,
        };
        var result = await api.GetAsync<Page<VersionWire>>(
            $"api/practice/patients/{patientId}/versions?page={Math.Max(1, page)}&pageSize={PageSize}{filter}");
        var funds = await FundsFor(result.Value?.Items ?? []);
        var value = result.Value is { } versions ? new Page<HistoryEntry>(versions.Items.Select(v => Entry(v, funds)).ToList(), versions.Total) : null;
        return new ApiResult<Page<HistoryEntry>>(value, result.Problem, result.Status);
    }

    public async Task<RestoreAnswer> RestoreAsync(Guid patientId, Guid versionId)
    {
        var result = await api.PostAsync<VersionWire>($"api/practice/patients/{patientId}/versions/{versionId}/restore");
        var funds = await FundsFor(result.Value is { } read ? [read] : []);
        return new RestoreAnswer(result.Value is { } restored ? Entry(restored, funds) : null, result.Problem);
    }

    /// <summary>The health funds by name, read only when a funding change is shown (its fund is a code).</summary>
    private async Task<IReadOnlyList<Funding.HealthFund>> FundsFor(IEnumerable<VersionWire> versions) =>
        versions.Any(v => v.Subject == RecordPart.Funding) ? await funding.HealthFundsAsync() : [];

    private static HistoryEntry Entry(VersionWire v, IReadOnlyList<Funding.HealthFund> funds) =>
        new(v.Id, v.Subject, v.ChangedAt, v.ChangedBy.Name, v.Source, v.Changes.SelectMany(c => Rows(v.Subject, c, funds)).ToList());

    /// <summary>A funding scheme in words (as the funding tab says it); anything else as its parts.</summary>
    private static IEnumerable<ChangeRow> Rows(RecordPart subject, FieldChangeWire change, IReadOnlyList<Funding.HealthFund> funds) =>
        subject == RecordPart.Funding && Funding.FundingWords.SchemeOf(change.Field) is { } scheme
            ? [new ChangeRow(change.Field, null, Funding.FundingWords.Describe(scheme, change.From, funds), Funding.FundingWords.Describe(scheme, change.To, funds))]
            : Rows(change);

    private static IEnumerable<ChangeRow> Rows(FieldChangeWire change) => change.Entries is { Count: > 0 } entries
        ? entries.Select(e => new ChangeRow(change.Field, e.Change, e.From is null ? string.Empty : Show(e.From), e.To is null ? string.Empty : Show(e.To)))
        : [new ChangeRow(change.Field, null, Show(change.From), Show(change.To))];

    /// <summary>A value as text: objects as their parts (without who recorded them), lists one entry after another, nothing as "—".</summary>
    internal static string Show(JsonElement? value) => value is not { } v ? "—" : v.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => "—",
        JsonValueKind.String => v.GetString() ?? "—",
        JsonValueKind.Array => v.GetArrayLength() == 0 ? "(none)" : string.Join("; ", v.EnumerateArray().Select(e => Show(e))),
        JsonValueKind.Object => string.Join(", ", v.EnumerateObject()
            .Where(p => p.Value.ValueKind is not JsonValueKind.Null && p.Name != "recordedBy")
            .Select(p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.ToString())),
        _ => v.ToString(),
    };

    private sealed record VersionWire(
        Guid Id, RecordPart Subject, DateTimeOffset ChangedAt, AuthorWire ChangedBy, ChangeSource Source, IReadOnlyList<FieldChangeWire> Changes);

    private sealed record AuthorWire(Guid UserId, string Name);

    private sealed record FieldChangeWire(string Field, JsonElement? From, JsonElement? To, IReadOnlyList<EntryWire>? Entries);

    private sealed record EntryWire(EntryChangeKind Change, JsonElement? From, JsonElement? To);
}
