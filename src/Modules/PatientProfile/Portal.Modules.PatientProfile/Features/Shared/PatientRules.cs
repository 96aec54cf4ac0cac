using FluentValidation;
using PhoneNumbers;

namespace Portal.Modules.PatientProfile.Features.Shared;

/// <summary>The validation that protects patients' data, shared by every slice that writes a patient.</summary>
internal static class PatientRules
{
    public static readonly string[] AustralianStates = ["ACT", "NSW", "NT", "QLD", "SA", "TAS", "VIC", "WA"];

    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>A valid phone number (Australian unless it starts with +), in E.164: <c>0412 345 678</c> → <c>+61412345678</c>.</summary>
    public static string? ToE164(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        try
        {
            var number = Phones.Parse(phone, "AU");
            return Phones.IsValidNumber(number) ? Phones.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;   // not a phone number at all: the validator reports it
        }
    }

    public static IRuleBuilderOptions<T, string?> ValidPhone<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(phone => phone is null || ToE164(phone) is not null)
            .WithMessage("Enter a valid phone number, e.g. 0412 345 678 or +61 2 9876 5432.");

    public static IRuleBuilderOptions<T, string> PersonName<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(100);
}

public sealed record AddressDto(string Line1, string? Line2, string Suburb, string State, string Postcode, string? Country);

public sealed record EmergencyContactDto(string Name, string Relationship, string Phone);

internal sealed class AddressValidator : AbstractValidator<AddressDto>
{
    public AddressValidator()
    {
        RuleFor(a => a.Line1).NotEmpty().MaximumLength(200);
        RuleFor(a => a.Line2).MaximumLength(200);
        RuleFor(a => a.Suburb).NotEmpty().MaximumLength(100);
        RuleFor(a => a.Country).Must(c => c is null or "AU").WithMessage("Only Australian addresses (AU) are supported.");
        RuleFor(a => a.State).NotEmpty().Must(s => PatientRules.AustralianStates.Contains(s))
            .WithMessage("Use an Australian state or territory: " + string.Join(", ", PatientRules.AustralianStates) + ".");
        RuleFor(a => a.Postcode).NotEmpty().Matches("^[0-9]{4}$").WithMessage("An Australian postcode has four digits.");
    }
}

internal sealed class EmergencyContactValidator : AbstractValidator<EmergencyContactDto>
{
    public EmergencyContactValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Relationship).NotEmpty().MaximumLength(100);
        RuleFor(c => c.Phone).NotEmpty().ValidPhone();
    }
}
