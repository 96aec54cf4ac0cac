using FluentValidation;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Modules.PatientProfile.Domain;

namespace Portal.Modules.PatientProfile.Features.Shared;

/// <summary>The personal details of a patient record: what a practitioner sets and a patient may ask to change.</summary>
public interface IPatientDetails
{
    string GivenName { get; }
    string FamilyName { get; }
    string? PreferredName { get; }
    DateOnly? DateOfBirth { get; }
    Sex? Sex { get; }
    string? Email { get; }
    string? MobilePhone { get; }
    AddressDto? Address { get; }
    EmergencyContactDto? EmergencyContact { get; }
}

/// <summary>The personal details as the patient's portal shows and edits them (the fields of <c>PATCH /api/portal/profile</c>).</summary>
public sealed record PatientDetails(
    string GivenName,
    string FamilyName,
    string? PreferredName,
    DateOnly? DateOfBirth,
    Sex? Sex,
    string? Email,
    string? MobilePhone,
    AddressDto? Address,
    EmergencyContactDto? EmergencyContact) : IPatientDetails
{
    internal static PatientDetails From(Patient p) => new(
        p.GivenName,
        p.FamilyName,
        p.PreferredName,
        p.DateOfBirth,
        p.Sex,
        p.Email,
        p.MobilePhone,
        p.Address is { } a ? new AddressDto(a.Line1, a.Line2, a.Suburb, a.State, a.Postcode, a.Country) : null,
        p.EmergencyContact is { } c ? new EmergencyContactDto(c.Name, c.Relationship, c.Phone) : null);

    /// <summary>Valid details as stored: trimmed, blanks as null, phones in E.164, the country set.</summary>
    internal static PatientDetails Normalized(IPatientDetails d) => new(
        d.GivenName.Trim(),
        d.FamilyName.Trim(),
        Blank(d.PreferredName),
        d.DateOfBirth,
        d.Sex,
        Blank(d.Email),
        PatientRules.ToE164(d.MobilePhone),
        d.Address is { } a ? new AddressDto(a.Line1.Trim(), Blank(a.Line2), a.Suburb.Trim(), a.State, a.Postcode, a.Country ?? "AU") : null,
        d.EmergencyContact is { } c ? new EmergencyContactDto(c.Name.Trim(), c.Relationship.Trim(), PatientRules.ToE164(c.Phone)!) : null);

    /// <summary>Writes valid details into the record and moves its version on.</summary>
    internal static void WriteTo(Patient patient, IPatientDetails details, DateTimeOffset now)
    {
        var d = Normalized(details);
        patient.ChangeDetails(d.GivenName, d.FamilyName, d.PreferredName, d.DateOfBirth!.Value, d.Sex, d.Email, d.MobilePhone,
            d.Address is { } a ? new Address(a.Line1, a.Line2, a.Suburb, a.State, a.Postcode, a.Country!) : null,
            d.EmergencyContact is { } c ? new EmergencyContact(c.Name, c.Relationship, c.Phone) : null,
            now);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>The rules every write of personal details passes, whoever makes it.</summary>
internal sealed class PatientDetailsValidator : AbstractValidator<IPatientDetails>
{
    public PatientDetailsValidator(TimeProvider clock)
    {
        RuleFor(p => p.GivenName).PersonName();
        RuleFor(p => p.FamilyName).PersonName();
        RuleFor(p => p.PreferredName).MaximumLength(100);
        RuleFor(p => p.DateOfBirth).NotNull()
            // One day of slack: a baby born today in Sydney is born "tomorrow" in UTC terms for part of the day.
            .Must(d => d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(1))).WithMessage("The date of birth cannot be in the future.")
            .Must(d => d >= new DateOnly(1900, 1, 1)).WithMessage("The date of birth is too far in the past.");
        RuleFor(p => p.Sex).IsInEnum();
        RuleFor(p => p.Email).EmailAddress().MaximumLength(256);
        RuleFor(p => p.MobilePhone).ValidPhone();
        RuleFor(p => p.Address!).SetValidator(new AddressValidator()).When(p => p.Address is not null);
        RuleFor(p => p.EmergencyContact!).SetValidator(new EmergencyContactValidator()).When(p => p.EmergencyContact is not null);
    }
}
