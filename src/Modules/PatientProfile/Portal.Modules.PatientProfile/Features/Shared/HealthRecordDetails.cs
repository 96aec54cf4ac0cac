using FluentValidation;
using Portal.Modules.PatientProfile.Contracts;

namespace Portal.Modules.PatientProfile.Features.Shared;

/// <summary>A health record's content: <c>{allergies, medications, conditions}</c>.</summary>
public interface IHealthRecordContent
{
    IReadOnlyList<AllergyDto> Allergies { get; }
    IReadOnlyList<MedicationDto> Medications { get; }
    IReadOnlyList<ConditionDto> Conditions { get; }
}

/// <summary>The health record as the patient's portal shows and edits it (the fields of <c>PATCH /api/portal/health-record</c>).</summary>
public sealed record HealthRecordDetails(
    IReadOnlyList<AllergyDto> Allergies,
    IReadOnlyList<MedicationDto> Medications,
    IReadOnlyList<ConditionDto> Conditions) : IHealthRecordContent
{
    /// <summary>Valid content as stored: text trimmed, blanks as null.</summary>
    internal static HealthRecordDetails Normalized(IHealthRecordContent d) => new(
        d.Allergies.Select(a => new AllergyDto(a.Substance.Trim(), Blank(a.Reaction), a.Severity, a.RecordedBy)).ToList(),
        d.Medications.Select(m => new MedicationDto(m.Name.Trim(), Blank(m.Dose), Blank(m.Frequency), m.RecordedBy)).ToList(),
        d.Conditions.Select(c => new ConditionDto(c.Name.Trim(), Blank(c.Since), c.RecordedBy)).ToList());

    /// <summary>
    /// <paramref name="next"/> with each entry's <c>recordedBy</c> set by the server, never by the caller: an entry
    /// that is still as it was keeps its author; a new entry, or one <paramref name="editor"/> changed, is the editor's,
    /// except that a patient's change to a practice entry stays the practice's (it waits for approval, see
    /// <see cref="KeepingPracticeEntries"/>). Entries are matched by substance or name (any case).
    /// </summary>
    internal static HealthRecordDetails Attributed(HealthRecordDetails current, HealthRecordDetails next, EntrySource editor) => new(
        HealthEntries.Attribute(current.Allergies, next.Allergies, editor),
        HealthEntries.Attribute(current.Medications, next.Medications, editor),
        HealthEntries.Attribute(current.Conditions, next.Conditions, editor));

    /// <summary>
    /// What of a patient's <paramref name="next"/> applies without approval: everything but changes to and removals
    /// of entries the practice recorded, which stay as they are in <paramref name="current"/>.
    /// </summary>
    internal static HealthRecordDetails KeepingPracticeEntries(HealthRecordDetails current, HealthRecordDetails next) => new(
        HealthEntries.KeepPracticeEntries(current.Allergies, next.Allergies),
        HealthEntries.KeepPracticeEntries(current.Medications, next.Medications),
        HealthEntries.KeepPracticeEntries(current.Conditions, next.Conditions));

    /// <summary>Entries stored before their author was recorded count as the practice's: the safe side.</summary>
    internal HealthRecordDetails WithKnownAuthors() => new(
        Allergies.Select(a => a with { RecordedBy = a.RecordedBy ?? EntrySource.Practice }).ToList(),
        Medications.Select(m => m with { RecordedBy = m.RecordedBy ?? EntrySource.Practice }).ToList(),
        Conditions.Select(c => c with { RecordedBy = c.RecordedBy ?? EntrySource.Practice }).ToList());

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>An entry of one of the health record's lists: what identifies it (substance or name) and who recorded it.</summary>
internal interface IHealthEntry<TSelf>
    where TSelf : IHealthEntry<TSelf>
{
    string Key { get; }
    EntrySource? RecordedBy { get; }
    TSelf By(EntrySource? source);
}

internal static class HealthEntries
{
    public static IReadOnlyList<T> Attribute<T>(IReadOnlyList<T> current, IReadOnlyList<T> next, EntrySource editor)
        where T : IHealthEntry<T>
    {
        var unmatched = current.ToList();
        return next.Select(entry =>
        {
            var before = TakeMatch(unmatched, entry);
            if (before is null)
            {
                return entry.By(editor);
            }

            var author = before.RecordedBy ?? EntrySource.Practice;
            return entry.By(SameContent(before, entry) || (editor == EntrySource.Patient && author == EntrySource.Practice) ? author : editor);
        }).ToList();
    }

    public static IReadOnlyList<T> KeepPracticeEntries<T>(IReadOnlyList<T> current, IReadOnlyList<T> next)
        where T : IHealthEntry<T>
    {
        var unmatched = current.ToList();
        var kept = next.Select(entry => TakeMatch(unmatched, entry) is { RecordedBy: not EntrySource.Patient } before ? before : entry).ToList();
        foreach (var removed in unmatched.Where(e => e.RecordedBy != EntrySource.Patient))
        {
            kept.Insert(Math.Min(IndexOf(current, removed), kept.Count), removed);   // back where it was
        }

        return kept;
    }

    /// <summary>
    /// How a list changed entry by entry, with entries matched as <see cref="Attribute{T}"/> matches them: each entry
    /// added, changed (who recorded it aside) or removed, in the order of the new list and then the removed ones. An
    /// entry that stayed as it was is not listed.
    /// </summary>
    public static IReadOnlyList<(T? Before, T? After)> Compare<T>(IReadOnlyList<T> before, IReadOnlyList<T> after)
        where T : class, IHealthEntry<T>
    {
        var unmatched = before.ToList();
        var changes = new List<(T? Before, T? After)>();
        foreach (var entry in after)
        {
            var was = TakeMatch(unmatched, entry);
            if (was is null || !SameContent(was, entry))
            {
                changes.Add((was, entry));
            }
        }

        changes.AddRange(unmatched.Select(removed => ((T?)removed, (T?)null)));
        return changes;
    }

    private static T? TakeMatch<T>(List<T> candidates, T entry)
        where T : IHealthEntry<T>
    {
        var index = candidates.FindIndex(c => string.Equals(c.Key, entry.Key, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            return default;
        }

        var match = candidates[index];
        candidates.RemoveAt(index);
        return match;
    }

    private static bool SameContent<T>(T a, T b)
        where T : IHealthEntry<T> => Equals(a.By(null), b.By(null));

    private static int IndexOf<T>(IReadOnlyList<T> list, T entry)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (Equals(list[i], entry))
            {
                return i;
            }
        }

        return list.Count;
    }
}

public sealed record AllergyDto(string Substance, string? Reaction, AllergySeverity? Severity, EntrySource? RecordedBy = null) : IHealthEntry<AllergyDto>
{
    string IHealthEntry<AllergyDto>.Key => Substance.Trim();
    AllergyDto IHealthEntry<AllergyDto>.By(EntrySource? source) => this with { RecordedBy = source };
}

public sealed record MedicationDto(string Name, string? Dose, string? Frequency, EntrySource? RecordedBy = null) : IHealthEntry<MedicationDto>
{
    string IHealthEntry<MedicationDto>.Key => Name.Trim();
    MedicationDto IHealthEntry<MedicationDto>.By(EntrySource? source) => this with { RecordedBy = source };
}

/// <summary>A condition and since when: <c>"2019"</c>, <c>"2019-06"</c> or <c>"2019-06-30"</c> (patients rarely know the day).</summary>
public sealed record ConditionDto(string Name, string? Since, EntrySource? RecordedBy = null) : IHealthEntry<ConditionDto>
{
    string IHealthEntry<ConditionDto>.Key => Name.Trim();
    ConditionDto IHealthEntry<ConditionDto>.By(EntrySource? source) => this with { RecordedBy = source };
}

internal sealed class HealthRecordDetailsValidator : AbstractValidator<IHealthRecordContent>
{
    private const int MaxEntries = 100;

    public HealthRecordDetailsValidator(TimeProvider clock)
    {
        RuleFor(r => r.Allergies).Cascade(CascadeMode.Stop).NotNull().Must(l => l.Count <= MaxEntries).WithMessage($"At most {MaxEntries} allergies.");
        RuleForEach(r => r.Allergies).NotNull().ChildRules(allergy =>
        {
            allergy.RuleFor(a => a.Substance).NotEmpty().MaximumLength(200);
            allergy.RuleFor(a => a.Reaction).MaximumLength(500);
            allergy.RuleFor(a => a.Severity).IsInEnum();
        });
        RuleFor(r => r.Medications).Cascade(CascadeMode.Stop).NotNull().Must(l => l.Count <= MaxEntries).WithMessage($"At most {MaxEntries} medications.");
        RuleForEach(r => r.Medications).NotNull().ChildRules(medication =>
        {
            medication.RuleFor(m => m.Name).NotEmpty().MaximumLength(200);
            medication.RuleFor(m => m.Dose).MaximumLength(100);
            medication.RuleFor(m => m.Frequency).MaximumLength(100);
        });
        RuleFor(r => r.Conditions).Cascade(CascadeMode.Stop).NotNull().Must(l => l.Count <= MaxEntries).WithMessage($"At most {MaxEntries} conditions.");
        RuleForEach(r => r.Conditions).NotNull().ChildRules(condition =>
        {
            condition.RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
            condition.RuleFor(c => c.Since)
                .Must(since => since is null || PartialDate.IsValidAndNotAfter(since, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(1))))
                .WithMessage("Use a year, a month or a day that is not in the future: 2019, 2019-06 or 2019-06-30.");
        });
    }
}

/// <summary>A year, a month or a day in ISO form.</summary>
internal static class PartialDate
{
    public static bool IsValidAndNotAfter(string value, DateOnly latest)
    {
        var formats = new[] { "yyyy", "yyyy-MM", "yyyy-MM-dd" };
        return DateOnly.TryParseExact(value.Trim(), formats, System.Globalization.CultureInfo.InvariantCulture,
                   System.Globalization.DateTimeStyles.None, out var date)
               && date <= latest && date.Year >= 1900;
    }
}
