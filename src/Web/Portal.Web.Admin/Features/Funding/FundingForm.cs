using System.Globalization;
using System.Text.RegularExpressions;

namespace Portal.Web.Admin.Features.Funding;

/// <summary>
/// The funding tab's form as posted: the scheme edited, the button pressed, the version read, and every field as typed
/// (strings, so what was typed comes back as it was when something is wrong). <see cref="Build"/> turns one scheme's
/// fields into the API's value, or says which fields need attention before anything is sent (the server checks the numbers).
/// </summary>
public sealed partial class FundingForm
{
    public int Version { get; set; }
    public string? Scheme { get; set; }
    public string? Command { get; set; }

    public string? MedicareNumber { get; set; }
    public string? Irn { get; set; }
    public string? ValidTo { get; set; }
    public string? Fund { get; set; }
    public string? MembershipNumber { get; set; }
    public string? MemberReference { get; set; }
    public string? NdisNumber { get; set; }
    public string? PlanManagement { get; set; }
    public string? ManagerName { get; set; }
    public string? ManagerEmail { get; set; }
    public string? PlanStart { get; set; }
    public string? PlanEnd { get; set; }
    public string? FileNumber { get; set; }
    public string? CardColour { get; set; }
    public string? Ihi { get; set; }

    public static FundingForm From(PatientFunding funding) => new()
    {
        Version = funding.Version,
        MedicareNumber = funding.Medicare is { } m ? FundingWords.MedicareNumber(m.Number) : null,
        Irn = funding.Medicare?.Irn.ToString(CultureInfo.InvariantCulture),
        ValidTo = funding.Medicare is { } card ? FundingWords.ValidTo(card.ValidTo) : null,
        Fund = funding.PrivateHealth?.Fund,
        MembershipNumber = funding.PrivateHealth?.MembershipNumber,
        MemberReference = funding.PrivateHealth?.MemberReference,
        NdisNumber = funding.Ndis?.Number,
        PlanManagement = funding.Ndis is { } plan ? Wire(plan.PlanManagement) : null,
        ManagerName = funding.Ndis?.PlanManager?.Name,
        ManagerEmail = funding.Ndis?.PlanManager?.Email,
        PlanStart = funding.Ndis?.PlanStart?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        PlanEnd = funding.Ndis?.PlanEnd?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        FileNumber = funding.Dva?.FileNumber,
        CardColour = funding.Dva is { } dva ? Wire(dva.CardColour) : null,
        Ihi = funding.Ihi is { } ihi ? FundingWords.Ihi(ihi) : null,
    };

    /// <summary>An enum's word on the wire and in the form (<c>ndia</c>, <c>gold</c>).</summary>
    public static string Wire<T>(T value) where T : struct, Enum => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>One scheme's value for the API, or the fields (by the API's names, <c>medicare.irn</c>) that need attention.</summary>
    public (object? Value, Dictionary<string, string[]> Errors) Build(FundingScheme scheme)
    {
        var errors = new Dictionary<string, string[]>();
        object? value = null;
        switch (scheme)
        {
            case FundingScheme.Medicare:
                var number = Digits(MedicareNumber);
                if (number.Length == 0) errors["medicare.number"] = ["Enter the card number: the 10 digits on the card."];
                if (!int.TryParse(Irn?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var irn) || irn is < 1 or > 9)
                {
                    errors["medicare.irn"] = ["Enter the reference number: the single digit (1 to 9) beside the patient's name on the card."];
                }

                var month = Month(ValidTo);
                if (month is null) errors["medicare.validTo"] = ["Enter the month the card is valid to, as printed on it, e.g. 01/2027."];
                value = new MedicareCard(number, irn, month ?? "");
                break;
            case FundingScheme.PrivateHealth:
                if (string.IsNullOrWhiteSpace(Fund)) errors["privateHealth.fund"] = ["Choose the health fund."];
                if (string.IsNullOrWhiteSpace(MembershipNumber)) errors["privateHealth.membershipNumber"] = ["Enter the membership number on the fund's card."];
                value = new PrivateHealthCover(Fund?.Trim() ?? "", MembershipNumber?.Trim() ?? "", string.IsNullOrWhiteSpace(MemberReference) ? null : MemberReference.Trim());
                break;
            case FundingScheme.Ndis:
                var ndis = Digits(NdisNumber);
                if (ndis.Length == 0) errors["ndis.number"] = ["Enter the NDIS participant number: 9 digits."];
                var management = Enum.GetValues<PlanManagement>().Cast<PlanManagement?>().FirstOrDefault(m => Wire(m!.Value) == PlanManagement);
                if (management is null) errors["ndis.planManagement"] = ["Choose how the plan is managed."];
                var start = Day(PlanStart, "ndis.planStart", "start", errors);
                var end = Day(PlanEnd, "ndis.planEnd", "end", errors);
                var manager = management == Funding.PlanManagement.Plan ? new PlanManager(ManagerName?.Trim() ?? "", ManagerEmail?.Trim() ?? "") : null;
                value = new NdisPlan(ndis, management ?? default, manager, start, end);
                break;
            case FundingScheme.Dva:
                if (string.IsNullOrWhiteSpace(FileNumber)) errors["dva.fileNumber"] = ["Enter the DVA file number, e.g. NX123456."];
                var colour = Enum.GetValues<DvaCardColour>().Cast<DvaCardColour?>().FirstOrDefault(c => Wire(c!.Value) == CardColour);
                if (colour is null) errors["dva.cardColour"] = ["Choose the card's colour."];
                value = new DvaCard(FileNumber?.Trim().ToUpperInvariant() ?? "", colour ?? default);
                break;
            default:
                var ihi = Digits(Ihi);
                if (ihi.Length == 0) errors["ihi"] = ["Enter the IHI: 16 digits starting 800360."];
                value = ihi;
                break;
        }

        return (value, errors);
    }

    /// <summary>What was typed without the spaces people type between groups of digits.</summary>
    private static string Digits(string? typed) => string.Concat((typed ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-'));

    /// <summary>"01/2027", "1/27", "01-2027" or "2027-01" as the API's <c>2027-01</c>; null when it is none of these.</summary>
    public static string? Month(string? typed)
    {
        var text = typed?.Trim() ?? "";
        int year, month;
        if (CardMonth().Match(text) is { Success: true } card)
        {
            (month, year) = (int.Parse(card.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(card.Groups[2].Value, CultureInfo.InvariantCulture));
            year = year < 100 ? 2000 + year : year;
        }
        else if (IsoMonth().Match(text) is { Success: true } iso)
        {
            (year, month) = (int.Parse(iso.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(iso.Groups[2].Value, CultureInfo.InvariantCulture));
        }
        else
        {
            return null;
        }

        return month is >= 1 and <= 12 && year is >= 2000 and <= 2999 ? $"{year:D4}-{month:D2}" : null;
    }

    private static DateOnly? Day(string? typed, string field, string which, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        if (DateOnly.TryParseExact(typed.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors[field] = [$"Enter the plan's {which} date, e.g. 2027-03-01, or leave it empty."];
        return null;
    }

    [GeneratedRegex(@"^([0-9]{1,2})\s*[/.\-]\s*([0-9]{2}|[0-9]{4})$")]
    private static partial Regex CardMonth();

    [GeneratedRegex(@"^([0-9]{4})-([0-9]{1,2})$")]
    private static partial Regex IsoMonth();
}
