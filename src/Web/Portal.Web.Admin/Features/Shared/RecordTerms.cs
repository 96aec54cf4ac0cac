using Microsoft.Extensions.Caching.Memory;
using Portal.Web.Components;
using Portal.Web.Server.Api;

namespace Portal.Web.Admin.Features.Shared;

/// <summary>
/// The words people read for the parts and fields of a record, as the server says them (<c>GET /api/record-fields</c>,
/// kept for ten minutes): the pages write no field label of their own. A name the server does not know reads as itself.
/// </summary>
public sealed class RecordTerms(PortalWebApi api, IMemoryCache cache)
{
    private Dictionary<string, RecordTerm> _terms = [];
    private IReadOnlyList<RecordPartTerms> _parts = [];

    public async Task LoadAsync()
    {
        if (_terms.Count > 0)
        {
            return;
        }

        if (cache.Get<RecordVocabulary>(CacheKey) is not { } vocabulary)
        {
            if ((await api.GetAsync<RecordVocabulary>("api/record-fields")).Value is not { } read)
            {
                return;
            }

            vocabulary = cache.Set(CacheKey, read, TimeSpan.FromMinutes(10));
        }

        _parts = vocabulary.Parts;
        _terms = vocabulary.Parts.Concat<RecordTerm>(vocabulary.Parts.SelectMany(part => part.Fields)).ToDictionary(term => term.Name);
    }

    private const string CacheKey = "Portal.Web.Admin.RecordTerms";

    /// <summary>Inside a sentence: "mobile phone".</summary>
    public string Label(string name) => _terms.TryGetValue(name, out var term) ? term.Label : name;

    /// <summary>Starting a line, as a form's label: "Mobile phone".</summary>
    public string Heading(string name) => _terms.TryGetValue(name, out var term) ? term.Heading : name;

    /// <summary>The fields of a part (<c>profile</c>), in the order of its form.</summary>
    public IReadOnlyList<RecordTerm> FieldsOf(string part) => _parts.FirstOrDefault(p => p.Name == part)?.Fields ?? [];

    /// <summary>Fields in a sentence: "given name, family name and date of birth".</summary>
    public string Sentence(IEnumerable<string>? names)
    {
        var labels = (names ?? []).Select(Label).ToList();
        return labels.Count <= 1 ? string.Concat(labels) : string.Join(", ", labels[..^1]) + " and " + labels[^1];
    }
}
