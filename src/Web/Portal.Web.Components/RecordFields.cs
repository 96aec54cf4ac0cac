using Portal.Web.Components.Api;

namespace Portal.Web.Components;

/// <summary>
/// The words people read for the parts and fields of a patient's record, as the server says them in its notifications
/// too (<c>GET /api/record-fields</c>, read once per app): the web apps write no label of their own. Before they are
/// loaded, and for a name the server does not know, a name reads as itself.
/// </summary>
public sealed class RecordFields(PortalApi api)
{
    private Dictionary<string, RecordTerm> _terms = [];
    private IReadOnlyList<RecordPartTerms> _parts = [];
    private Task? _loading;

    /// <summary>Reads the vocabulary the first time it is needed (callers at the same time share the read); a failed read is tried again by the next caller.</summary>
    public async Task LoadAsync()
    {
        if (_parts.Count > 0)
        {
            return;
        }

        await (_loading ??= ReadAsync());
        if (_parts.Count == 0)
        {
            _loading = null;
        }
    }

    private async Task ReadAsync()
    {
        if ((await api.GetAsync<RecordVocabulary>("api/record-fields")).Value is not { } vocabulary)
        {
            return;
        }

        _parts = vocabulary.Parts;
        _terms = vocabulary.Parts.Concat<RecordTerm>(vocabulary.Parts.SelectMany(part => part.Fields)).ToDictionary(term => term.Name);
    }

    /// <summary>A part (<c>profile</c>) or field (<c>mobilePhone</c>) inside a sentence: "mobile phone".</summary>
    public string Label(string name) => _terms.TryGetValue(name, out var term) ? term.Label : name;

    /// <summary>A part or field starting a line, as a form's label or a table's header: "Mobile phone".</summary>
    public string Heading(string name) => _terms.TryGetValue(name, out var term) ? term.Heading : name;

    /// <summary>The fields of a part, in the order of its form.</summary>
    public IReadOnlyList<RecordTerm> FieldsOf(string part) => _parts.FirstOrDefault(p => p.Name == part)?.Fields ?? [];

    /// <summary>Fields in a sentence: "given name, family name and date of birth".</summary>
    public string Sentence(IEnumerable<string>? names)
    {
        var labels = (names ?? []).Select(Label).ToList();
        return labels.Count <= 1 ? string.Concat(labels) : string.Join(", ", labels[..^1]) + " and " + labels[^1];
    }
}

/// <summary>A name of the API and its words: <c>{name, label, heading}</c>.</summary>
public record RecordTerm(string Name, string Label, string Heading);

/// <summary>A part of the record with its fields: <c>{name, label, heading, fields}</c>.</summary>
public sealed record RecordPartTerms(string Name, string Label, string Heading, IReadOnlyList<RecordTerm> Fields) : RecordTerm(Name, Label, Heading);

/// <summary>What <c>GET /api/record-fields</c> answers.</summary>
public sealed record RecordVocabulary(IReadOnlyList<RecordPartTerms> Parts);
