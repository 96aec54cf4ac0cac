namespace Portal.Web.Components;

/// <summary>A name of the API and its words: <c>{name, label, heading}</c>.</summary>
public record RecordTerm(string Name, string Label, string Heading);

/// <summary>A part of the record with its fields: <c>{name, label, heading, fields}</c>.</summary>
public sealed record RecordPartTerms(string Name, string Label, string Heading, IReadOnlyList<RecordTerm> Fields) : RecordTerm(Name, Label, Heading);

/// <summary>What <c>GET /api/record-fields</c> answers.</summary>
public sealed record RecordVocabulary(IReadOnlyList<RecordPartTerms> Parts);
