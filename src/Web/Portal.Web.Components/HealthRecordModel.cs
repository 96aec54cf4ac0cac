namespace Portal.Web.Components;

/// <summary>The health-record form: rows the person edits, and the API's lists.</summary>
public sealed class HealthRecordModel
{
    public List<Row> Allergies { get; set; } = [];
    public List<Row> Medications { get; set; } = [];
    public List<Row> Conditions { get; set; } = [];

    public sealed class Row
    {
        public string Substance { get; set; } = string.Empty;
        public string? Reaction { get; set; }
        public string? Severity { get; set; }
        public string Name { get; set; } = string.Empty;
        public string? Dose { get; set; }
        public string? Frequency { get; set; }
        public string? Since { get; set; }

        /// <summary>Who recorded the entry (<c>patient</c> or <c>practice</c>), as the API said; never sent back.</summary>
        public string? RecordedBy { get; set; }
    }

    public static HealthRecordModel From(HealthRecordLists lists) => new()
    {
        Allergies = lists.Allergies.Select(a => new Row { Substance = a.Substance, Reaction = a.Reaction, Severity = a.Severity, RecordedBy = a.RecordedBy }).ToList(),
        Medications = lists.Medications.Select(m => new Row { Name = m.Name, Dose = m.Dose, Frequency = m.Frequency, RecordedBy = m.RecordedBy }).ToList(),
        Conditions = lists.Conditions.Select(c => new Row { Name = c.Name, Since = c.Since, RecordedBy = c.RecordedBy }).ToList(),
    };

    /// <summary>The three lists as the API takes them.</summary>
    public HealthRecordLists ToLists() => new(
        Allergies.Select(a => new AllergyItem(a.Substance.Trim(), Blank(a.Reaction), Blank(a.Severity))).ToList(),
        Medications.Select(m => new MedicationItem(m.Name.Trim(), Blank(m.Dose), Blank(m.Frequency))).ToList(),
        Conditions.Select(c => new ConditionItem(c.Name.Trim(), Blank(c.Since))).ToList());

    /// <summary>Rows left empty: field → message, before anything is sent.</summary>
    public Dictionary<string, string[]> Check()
    {
        var missing = new Dictionary<string, string[]>();
        for (var i = 0; i < Allergies.Count; i++) if (string.IsNullOrWhiteSpace(Allergies[i].Substance)) missing[$"allergies[{i}].substance"] = ["Enter the substance, or remove the row."];
        for (var i = 0; i < Medications.Count; i++) if (string.IsNullOrWhiteSpace(Medications[i].Name)) missing[$"medications[{i}].name"] = ["Enter the medication, or remove the row."];
        for (var i = 0; i < Conditions.Count; i++) if (string.IsNullOrWhiteSpace(Conditions[i].Name)) missing[$"conditions[{i}].name"] = ["Enter the condition, or remove the row."];
        return missing;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed record HealthRecordLists(IReadOnlyList<AllergyItem> Allergies, IReadOnlyList<MedicationItem> Medications, IReadOnlyList<ConditionItem> Conditions);

/// <summary>An allergy; <paramref name="RecordedBy"/> is read from the API (who recorded it) and left null when sending.</summary>
public sealed record AllergyItem(string Substance, string? Reaction, string? Severity, string? RecordedBy = null);

public sealed record MedicationItem(string Name, string? Dose, string? Frequency, string? RecordedBy = null);

public sealed record ConditionItem(string Name, string? Since, string? RecordedBy = null);
