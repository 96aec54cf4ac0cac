using System.Text.RegularExpressions;
using Portal.Shared.Abstractions;

namespace Portal.Modules.Funding.Domain;

/// <summary>
/// The published rules of Australia's funding identifiers, each answering the identifier as kept (spaces removed, upper
/// case) or the error its field shows. What a person types on a phone ("2123 45670 1") is accepted as written on the card.
/// </summary>
internal static partial class FundingIdentifiers
{
    private static readonly int[] MedicareWeights = [1, 3, 7, 9, 1, 3, 7, 9];

    /// <summary>
    /// A Medicare card number: 10 digits, the first 2 to 6; the ninth is the check digit (the first eight weighted
    /// 1, 3, 7, 9, 1, 3, 7, 9, summed, modulo 10); the tenth is the card's issue number.
    /// </summary>
    public static Result<string> MedicareNumber(string? typed)
    {
        var number = Compact(typed);
        if (number.Length != 10 || !number.All(char.IsAsciiDigit) || number[0] is < '2' or > '6')
        {
            return FundingErrors.InvalidMedicareNumber;
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (number[i] - '0') * MedicareWeights[i];
        }

        return sum % 10 == number[8] - '0' ? number : FundingErrors.InvalidMedicareNumber;
    }

    /// <summary>The individual reference number: the patient's line on the card, 1 to 9.</summary>
    public static Result<int> MedicareIrn(int? irn) => irn is >= 1 and <= 9 ? irn.Value : FundingErrors.InvalidIrn;

    /// <summary>A card is valid to the end of its valid-to month; a month before this one (in the patient's practice's today) has expired.</summary>
    public static Result<DateOnly> MedicareValidTo(string? yearMonth, DateOnly today)
    {
        if (yearMonth is null || !MedicareMonth().IsMatch(yearMonth.Trim()))
        {
            return Error.Validation("validation.failed", "Give the valid-to month as on the card, as YYYY-MM.", "validTo");
        }

        var month = new DateOnly(int.Parse(yearMonth.Trim()[..4]), int.Parse(yearMonth.Trim()[5..]), 1);
        return month < new DateOnly(today.Year, today.Month, 1) ? FundingErrors.MedicareExpired : month;
    }

    /// <summary>An Individual Healthcare Identifier: 16 digits, prefix 800360 (individuals), valid by the Luhn check.</summary>
    public static Result<string> Ihi(string? typed)
    {
        var ihi = Compact(typed);
        return ihi.Length == 16 && ihi.StartsWith("800360", StringComparison.Ordinal) && ihi.All(char.IsAsciiDigit) && PassesLuhn(ihi)
            ? ihi
            : FundingErrors.InvalidIhi;
    }

    /// <summary>An NDIS participant number: 9 digits.</summary>
    public static Result<string> NdisNumber(string? typed)
    {
        var number = Compact(typed);
        return number.Length == 9 && number.All(char.IsAsciiDigit) ? number : FundingErrors.InvalidNdisNumber;
    }

    /// <summary>
    /// A DVA file number: the state letter (N, V, Q, W, S, T), the war code (letters, none for some), the digits, and an
    /// optional dependant letter; at most 9 characters.
    /// </summary>
    public static Result<string> DvaFileNumber(string? typed)
    {
        var number = Compact(typed).ToUpperInvariant();
        return number.Length <= 9 && DvaFile().IsMatch(number) ? number : FundingErrors.InvalidDvaFileNumber;
    }

    private static bool PassesLuhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }

    /// <summary>As typed from a card: spaces and hyphens between groups are not part of the number.</summary>
    private static string Compact(string? typed) => string.Concat((typed ?? "").Where(c => c is not (' ' or '-')));

    [GeneratedRegex(@"^(19|20)[0-9]{2}-(0[1-9]|1[0-2])$")]
    private static partial Regex MedicareMonth();

    [GeneratedRegex(@"^[NVQWST][A-Z]{0,3}[0-9]{1,6}[A-Z]?$")]
    private static partial Regex DvaFile();
}
