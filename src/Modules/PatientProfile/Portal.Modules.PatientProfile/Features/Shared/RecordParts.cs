using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Modules.PatientProfile.Data;
using Portal.Modules.PatientProfile.Domain;
using Portal.Modules.PortalSettings.Contracts;
using Portal.Shared.Abstractions;
using Portal.Shared.Behaviors;

namespace Portal.Modules.PatientProfile.Features.Shared;

/// <summary>A patient's record, loaded for a change: the personal details and the health record.</summary>
internal sealed record PatientRecord(Patient Patient, HealthRecord HealthRecord)
{
    public string PatientName => $"{Patient.GivenName} {Patient.FamilyName}";

    /// <summary>The parts other modules keep, as read for this change (<see cref="KeptElsewherePart.LoadAsync"/>).</summary>
    public Dictionary<RecordPart, KeptPartState> Kept { get; } = [];

    /// <summary>The record, tracked for a change, only if it belongs to <paramref name="practiceGroupId"/>.</summary>
    public static async Task<PatientRecord?> LoadAsync(PatientProfileDbContext db, Guid practiceGroupId, Guid patientId, CancellationToken cancellationToken)
    {
        var patient = await db.Patients.SingleOrDefaultAsync(p => p.Id == patientId && p.PracticeGroupId == practiceGroupId, cancellationToken);
        if (patient is null)
        {
            return null;
        }

        var healthRecord = await db.HealthRecords.SingleAsync(h => h.PatientId == patientId, cancellationToken);
        return new PatientRecord(patient, healthRecord);
    }
}

/// <summary>
/// A part of the record a patient edits (personal details, health record), seen as JSON fields: the shape change
/// requests compare, store and apply. A patch names only fields of the part; anything else is refused, not ignored.
/// </summary>
internal interface IRecordPart
{
    /// <summary>The part, as change requests, versions, events and the access log name it.</summary>
    RecordPart Subject { get; }

    /// <summary>How people read it: "personal details", "health record".</summary>
    string Label { get; }

    JsonObject Read(PatientRecord record);

    /// <summary>The part's own version (each part is versioned apart), for <c>If-Match</c>.</summary>
    int VersionOf(PatientRecord record);

    /// <summary>
    /// The part's full new value: <paramref name="current"/> with the patch's fields, validated and normalised.
    /// Only the patched fields are judged: a stored value that older rules let in does not block an unrelated edit.
    /// </summary>
    Result<JsonObject> Merge(JsonObject current, JsonObject patch);

    /// <summary>
    /// What of a patient's <paramref name="merged"/> value may apply at once under auto update: the fields (or entries)
    /// that always wait for a practitioner keep their <paramref name="current"/> value.
    /// </summary>
    JsonObject ApplicableAtOnce(JsonObject current, JsonObject merged, PortalSettingsSnapshot settings);

    /// <summary>Stores a value <see cref="Merge"/> produced and moves the part's version on.</summary>
    void Write(PatientRecord record, JsonObject value, DateTimeOffset now);

    /// <summary>Whether another module keeps the part, and commits it itself (<see cref="CommitKeptAsync"/>).</summary>
    bool IsKeptElsewhere => false;

    /// <summary>Reads the part into <paramref name="record"/> where another module keeps it; the parts kept here come with the record.</summary>
    Task LoadAsync(PatientRecord record, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Commits what <see cref="Write"/> stored where another module keeps the part, before PatientProfile saves; false
    /// when the part changed there since it was loaded. The parts kept here are saved with PatientProfile's unit of work.
    /// </summary>
    Task<bool> CommitKeptAsync(PatientRecord record, DateTimeOffset now, CancellationToken cancellationToken) => Task.FromResult(true);
}

internal abstract class RecordPart<TFields>(IOptions<JsonOptions> jsonOptions, IValidator<TFields> validator) : IRecordPart
    where TFields : class
{
    protected JsonSerializerOptions Json => jsonOptions.Value.SerializerOptions;

    public abstract RecordPart Subject { get; }
    public abstract string Label { get; }

    public JsonObject Read(PatientRecord record) => ToJson(ReadFields(record));

    public abstract int VersionOf(PatientRecord record);

    public Result<JsonObject> Merge(JsonObject current, JsonObject patch)
    {
        var fieldNames = Json.GetTypeInfo(typeof(TFields)).Properties.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var unknown = patch.Select(field => field.Key).Where(name => !fieldNames.Contains(name)).ToList();
        if (unknown.Count > 0)
        {
            return Invalid(unknown.ToDictionary(name => name, _ => new[] { $"This is not a field of your {Label} that you can change." }));
        }

        var merged = current.DeepClone().AsObject();
        foreach (var field in patch)
        {
            merged[field.Key] = field.Value?.DeepClone();
        }

        TFields? fields;
        try
        {
            fields = merged.Deserialize<TFields>(Json);
        }
        catch (JsonException e)
        {
            // The path names the field with a value of the wrong type ("$.address.postcode"); the message stays ours.
            var field = e.Path is { Length: > 2 } path ? path[2..] : "body";
            return Invalid(new Dictionary<string, string[]> { [field] = ["This value has the wrong type or format."] });
        }

        if (fields is null)
        {
            return Invalid(new Dictionary<string, string[]> { ["body"] = ["Send the fields to change as a JSON object."] });
        }

        var errors = validator.Validate(fields).Errors
            .Select(f => (Field: FieldName.ToCamelCasePath(f.PropertyName), f.ErrorMessage))
            .Where(f => patch.ContainsKey(f.Field.Split('.', '[')[0]))
            .ToList();
        if (errors.Count > 0)
        {
            return Invalid(errors.GroupBy(f => f.Field).ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray()));
        }

        return ToJson(AttributedToPatient(current, Normalize(fields)));
    }

    public abstract JsonObject ApplicableAtOnce(JsonObject current, JsonObject merged, PortalSettingsSnapshot settings);

    /// <summary>Who recorded what, where a part keeps it (the health record's entries); the patient made this edit.</summary>
    protected virtual TFields AttributedToPatient(JsonObject current, TFields next) => next;

    protected TFields FieldsOf(JsonObject value) => value.Deserialize<TFields>(Json)!;

    public void Write(PatientRecord record, JsonObject value, DateTimeOffset now) =>
        WriteFields(record, value.Deserialize<TFields>(Json)!, now);

    protected abstract TFields ReadFields(PatientRecord record);
    protected abstract TFields Normalize(TFields fields);
    protected abstract void WriteFields(PatientRecord record, TFields fields, DateTimeOffset now);

    public JsonObject ToJson(TFields fields) => JsonSerializer.SerializeToNode(fields, Json)!.AsObject();

    private static Error Invalid(Dictionary<string, string[]> errors) =>
        Error.Validation("validation.failed", "One or more fields are not valid.") with { FieldErrors = errors };
}

/// <summary>The practice's "always approve" list under auto update, for the parts whose fields it names (personal details, funding schemes).</summary>
internal static class AlwaysApproved
{
    /// <summary>The part's fields on the practice's list, in the list's order.</summary>
    public static IReadOnlyList<string> Fields(RecordPart part, PortalSettingsSnapshot settings)
    {
        var partFields = PatientProfileFields.FieldsOf(part).Select(field => field.Name).ToHashSet(StringComparer.Ordinal);
        return settings.AlwaysApproveFields.Names.Where(partFields.Contains).ToList();
    }

    /// <summary><paramref name="merged"/>, except that the part's fields on the list keep their <paramref name="current"/> value: those wait.</summary>
    public static JsonObject KeepingCurrent(RecordPart part, JsonObject current, JsonObject merged, PortalSettingsSnapshot settings)
    {
        var applicable = merged.DeepClone().AsObject();
        foreach (var field in Fields(part, settings))
        {
            applicable[field] = current[field]?.DeepClone();
        }

        return applicable;
    }
}

internal sealed class ProfilePart(IOptions<JsonOptions> jsonOptions, TimeProvider clock)
    : RecordPart<PatientDetails>(jsonOptions, new PatientDetailsValidator(clock))
{
    public override RecordPart Subject => RecordPart.Profile;
    public override string Label => PatientProfileFields.ProfilePart.Label;

    public override int VersionOf(PatientRecord record) => record.Patient.Version;

    protected override PatientDetails ReadFields(PatientRecord record) => PatientDetails.From(record.Patient);
    protected override PatientDetails Normalize(PatientDetails fields) => PatientDetails.Normalized(fields);

    protected override void WriteFields(PatientRecord record, PatientDetails fields, DateTimeOffset now) =>
        PatientDetails.WriteTo(record.Patient, fields, now);

    public override JsonObject ApplicableAtOnce(JsonObject current, JsonObject merged, PortalSettingsSnapshot settings) =>
        AlwaysApproved.KeepingCurrent(Subject, current, merged, settings);
}

internal sealed class HealthRecordPart(IOptions<JsonOptions> jsonOptions, TimeProvider clock)
    : RecordPart<HealthRecordDetails>(jsonOptions, new HealthRecordDetailsValidator(clock))
{
    public override RecordPart Subject => RecordPart.HealthRecord;
    public override string Label => PatientProfileFields.HealthRecordPart.Label;

    /// <summary>
    /// How the content is stored: independent of the API's strict reading (a field removed one day must not make
    /// every stored record unreadable).
    /// </summary>
    internal static readonly JsonSerializerOptions Storage = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public override int VersionOf(PatientRecord record) => record.HealthRecord.Version;

    protected override HealthRecordDetails ReadFields(PatientRecord record) => Parse(record.HealthRecord.Content);

    /// <summary>No field by name: changing or removing an entry the practice recorded always waits.</summary>
    public override JsonObject ApplicableAtOnce(JsonObject current, JsonObject merged, PortalSettingsSnapshot settings) =>
        ToJson(HealthRecordDetails.KeepingPracticeEntries(FieldsOf(current), FieldsOf(merged)));

    protected override HealthRecordDetails AttributedToPatient(JsonObject current, HealthRecordDetails next) =>
        HealthRecordDetails.Attributed(FieldsOf(current), next, EntrySource.Patient);

    /// <summary>A practitioner's new content, each entry attributed (theirs where new or changed).</summary>
    public HealthRecordDetails AttributedToPractice(PatientRecord record, HealthRecordDetails next) =>
        HealthRecordDetails.Attributed(ReadFields(record), next, EntrySource.Practice);
    protected override HealthRecordDetails Normalize(HealthRecordDetails fields) => HealthRecordDetails.Normalized(fields);

    protected override void WriteFields(PatientRecord record, HealthRecordDetails fields, DateTimeOffset now)
    {
        record.HealthRecord.Rewrite(JsonSerializer.Serialize(fields, Storage), now);
    }

    public HealthRecordDetails Parse(string content) => JsonSerializer.Deserialize<HealthRecordDetails>(content, Storage)!.WithKnownAuthors();
}

/// <summary>A part another module keeps, as loaded for one change, and what the change wrote to it.</summary>
internal sealed class KeptPartState(KeptRecordPart loaded)
{
    public int LoadedVersion { get; } = loaded.Version;
    public JsonObject Value { get; set; } = loaded.Value;
    public int Version { get; set; } = loaded.Version;
    public bool Written => Version != LoadedVersion;
}

/// <summary>
/// A part of the record another module keeps (<see cref="IRecordPartKeeper"/>: Funding's funding details), seen as the
/// editor, the change requests and the history see the parts kept here. Its fields are whole values (a scheme each);
/// under auto update those on the practice's "always approve" list wait.
/// </summary>
internal sealed class KeptElsewherePart(IRecordPartKeeper keeper) : IRecordPart
{
    public RecordPart Subject => keeper.Subject;
    public string Label => PatientProfileFields.LabelOf(Subject);
    public bool IsKeptElsewhere => true;

    public async Task LoadAsync(PatientRecord record, CancellationToken cancellationToken) =>
        record.Kept[Subject] = new KeptPartState(await keeper.ReadAsync(record.Patient.PracticeGroupId, record.Patient.Id, cancellationToken));

    public JsonObject Read(PatientRecord record) => State(record).Value.DeepClone().AsObject();

    public int VersionOf(PatientRecord record) => State(record).Version;

    public Result<JsonObject> Merge(JsonObject current, JsonObject patch) => keeper.Merge(current, patch);

    public JsonObject ApplicableAtOnce(JsonObject current, JsonObject merged, PortalSettingsSnapshot settings) =>
        AlwaysApproved.KeepingCurrent(Subject, current, merged, settings);

    public void Write(PatientRecord record, JsonObject value, DateTimeOffset now)
    {
        // A field set to null (a scheme removed, or kept at "none" while it waits for approval) is kept as no field.
        var kept = new JsonObject(value.Where(field => field.Value is not null).Select(field => KeyValuePair.Create(field.Key, (JsonNode?)field.Value!.DeepClone())));
        var state = State(record);
        if (!JsonNode.DeepEquals(state.Value, kept))
        {
            state.Value = kept;
            state.Version = state.LoadedVersion + 1;
        }
    }

    public async Task<bool> CommitKeptAsync(PatientRecord record, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var state = State(record);
        return !state.Written
               || await keeper.WriteAsync(new KeptRecordPartWrite(record.Patient.PracticeGroupId, record.Patient.Id, state.Value, state.LoadedVersion, now), cancellationToken);
    }

    private KeptPartState State(PatientRecord record) =>
        record.Kept.TryGetValue(Subject, out var state) ? state : throw new InvalidOperationException($"The {Label} were not loaded for this change.");
}

/// <summary>The record parts by <see cref="IRecordPart.Subject"/>: those kept here, and those other modules keep and register.</summary>
internal sealed class RecordParts(ProfilePart profile, HealthRecordPart healthRecord, IEnumerable<IRecordPartKeeper> keepers)
{
    public IRecordPart Of(RecordPart subject) => subject switch
    {
        RecordPart.Profile => profile,
        RecordPart.HealthRecord => healthRecord,
        _ => keepers.FirstOrDefault(keeper => keeper.Subject == subject) is { } keeper
            ? new KeptElsewherePart(keeper)
            : throw new InvalidOperationException($"No module keeps the record part '{subject}'."),
    };
}
