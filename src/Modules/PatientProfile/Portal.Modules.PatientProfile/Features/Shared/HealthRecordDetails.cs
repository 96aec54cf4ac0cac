using FluentValidation;

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
        d.Allergies.Select(a => new AllergyDto(a.Substance.Trim(), Blank(a.Reaction), a.Severity)).ToList(),
        d.Medications.Select(m => new MedicationDto(m.Name.Trim(), Blank(m.Dose), Blank(m.Frequency))).ToList(),
        d.Conditions.Select(c => new ConditionDto(c.Name.Trim(), Blank(c.Since))).ToList());

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed record AllergyDto(string Substance, string? Reaction, AllergySeverity? Severity);

public enum AllergySeverity
{
    Mild,
    Moderate,
    Severe,
}

public sealed record MedicationDto(string Name, string? Dose, string? Frequency);

/// <summary>A condition and since when: <c>"2019"</c>, <c>"2019-06"</c> or <c>"2019-06-30"</c> (patients rarely know the day).</summary>
public sealed record ConditionDto(string Name, string? Since);

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
