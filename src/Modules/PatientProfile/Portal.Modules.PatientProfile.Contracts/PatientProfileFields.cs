using Portal.Shared.Abstractions;

namespace Portal.Modules.PatientProfile.Contracts;

/// <summary>A name as the API and the events say it (<c>mobilePhone</c>) and the words a person reads for it (<c>mobile phone</c>).</summary>
public sealed record RecordField(string Name, string Label)
{
    /// <summary>The label where it starts a line, as a form's label or a table's header: <c>Mobile phone</c>.</summary>
    public string Heading => Label.Length == 0 ? Label : string.Concat(Label[..1].ToUpperInvariant(), Label[1..]);
}

/// <summary>
/// The vocabulary of a patient's record: its parts (as change requests and the access log name them) and their
/// fields (as change requests and the practice's "always approve" list name them), each with its label. The labels are
/// written here once: notifications and emails say them, and the web apps read them from <c>GET /api/record-fields</c>.
/// A label is as it reads inside a sentence ("asked to change their mobile phone"); <see cref="RecordField.Heading"/>
/// starts a line.
/// </summary>
public static class PatientProfileFields
{
    public static readonly RecordField ProfilePart = new(CamelCaseNames.Of(RecordPart.Profile), "personal details");

    /// <summary>The personal details, in the order a form shows them.</summary>
    public static readonly IReadOnlyList<RecordField> Profile =
    [
        new("givenName", "given name"),
        new("familyName", "family name"),
        new("preferredName", "preferred name"),
        new("dateOfBirth", "date of birth"),
        new("sex", "sex"),
        new("email", "email"),
        new("mobilePhone", "mobile phone"),
        new("address", "address"),
        new("emergencyContact", "emergency contact"),
    ];

    public static readonly RecordField HealthRecordPart = new(CamelCaseNames.Of(RecordPart.HealthRecord), "health record");

    /// <summary>The health record's lists, in the order a form shows them.</summary>
    public static readonly IReadOnlyList<RecordField> HealthRecord =
    [
        new("allergies", "allergies"),
        new("medications", "medications"),
        new("conditions", "conditions"),
    ];

    public static readonly RecordField FundingPart = new(CamelCaseNames.Of(RecordPart.Funding), "funding details");

    /// <summary>
    /// The funding details, one field per scheme, in the order a form shows them. A scheme is one field (compared,
    /// approved and always-approved whole): a new Medicare number never applies with the old card's IRN and expiry.
    /// </summary>
    public static readonly IReadOnlyList<RecordField> Funding =
    [
        new("medicare", "Medicare card"),
        new("privateHealth", "private health insurance"),
        new("ndis", "NDIS plan"),
        new("dva", "DVA card"),
        new("ihi", "Individual Healthcare Identifier (IHI)"),
    ];

    /// <summary>The names of the personal details.</summary>
    public static readonly IReadOnlyList<string> All = Profile.Select(field => field.Name).ToList();

    /// <summary>
    /// The fields a practice may put on its "always approve" list: the personal details and the funding schemes. (The
    /// health record needs no list: a change to what the practice recorded always waits.)
    /// </summary>
    public static readonly IReadOnlyList<string> Approvable = Profile.Concat(Funding).Select(field => field.Name).ToList();

    private static readonly Dictionary<string, string> Labels =
        new[] { ProfilePart, HealthRecordPart, FundingPart }.Concat(Profile).Concat(HealthRecord).Concat(Funding)
            .ToDictionary(term => term.Name, term => term.Label, StringComparer.Ordinal);

    /// <summary>The name and label of a part of the record.</summary>
    public static RecordField Of(RecordPart part) => part switch
    {
        RecordPart.Profile => ProfilePart,
        RecordPart.HealthRecord => HealthRecordPart,
        RecordPart.Funding => FundingPart,
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, null),
    };

    /// <summary>The fields of a part of the record, in the order a form shows them.</summary>
    public static IReadOnlyList<RecordField> FieldsOf(RecordPart part) => part switch
    {
        RecordPart.Profile => Profile,
        RecordPart.HealthRecord => HealthRecord,
        RecordPart.Funding => Funding,
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, null),
    };

    /// <summary>What a person reads for a part of the record: <c>personal details</c>, <c>health record</c>.</summary>
    public static string LabelOf(RecordPart part) => Of(part).Label;

    /// <summary>What a person reads for a part (<c>profile</c>) or a field (<c>mobilePhone</c>) of the record; a name it does not know as it is.</summary>
    public static string LabelOf(string name) => Labels.GetValueOrDefault(name, name);

    /// <summary>Fields as a sentence names them: <c>preferred name, mobile phone</c>.</summary>
    public static string LabelsOf(IEnumerable<string> names) => string.Join(", ", names.Select(LabelOf));
}
