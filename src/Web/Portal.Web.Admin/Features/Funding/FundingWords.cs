using System.Globalization;
using System.Text.Json;
using Portal.Web.Components;
using Portal.Web.Components.Api;

namespace Portal.Web.Admin.Features.Funding;

/// <summary>
/// Funding details said in words for a practitioner: numbers grouped as on the card, the fund by its name, the card's
/// colour, how an NDIS plan is managed, dates as "1 Jul 2026". The schemes' own headings are the server's (<c>RecordTerms</c>).
/// </summary>
public static class FundingWords
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The scheme's name in the API (<c>privateHealth</c>), also its field in change requests and settings.</summary>
    public static string Name(FundingScheme scheme) => JsonNamingPolicy.CamelCase.ConvertName(scheme.ToString());

    /// <summary>The scheme a field names, if it is one.</summary>
    public static FundingScheme? SchemeOf(string field) =>
        Enum.GetValues<FundingScheme>().Cast<FundingScheme?>().FirstOrDefault(s => Name(s!.Value) == field);

    /// <summary>"2123 45670 1", as printed on the card.</summary>
    public static string MedicareNumber(string number) => CardNumbers.Medicare(number);

    /// <summary>"8003 6081 6669 0503".</summary>
    public static string Ihi(string ihi) => CardNumbers.Ihi(ihi);

    /// <summary>The card's valid-to month as printed on it: "01/2027".</summary>
    public static string ValidTo(string validTo) =>
        validTo.Length == 7 && validTo[4] == '-' ? $"{validTo[5..]}/{validTo[..4]}" : validTo;

    public static string Date(DateOnly date) => date.ToString(Labels.Date, Invariant);

    public static string CardColour(DvaCardColour colour) => colour switch
    {
        DvaCardColour.Gold => "Gold card",
        DvaCardColour.White => "White card",
        _ => "Orange card",
    };

    public static string Management(PlanManagement management) => management switch
    {
        PlanManagement.Self => "Self-managed",
        PlanManagement.Plan => "Plan-managed (by a plan manager)",
        _ => "NDIA-managed (agency-managed)",
    };

    public static string Expiry(MedicareExpiry expiry) =>
        expiry == MedicareExpiry.Expired ? "Medicare card has expired" : "Medicare card expires soon";

    public static string FundName(string code, IReadOnlyList<HealthFund> funds) =>
        funds.FirstOrDefault(f => string.Equals(f.Code, code, StringComparison.OrdinalIgnoreCase))?.Name ?? code;

    /// <summary>Each scheme on one line: "2123 45670 1, ref 1, valid to 01/2027".</summary>
    public static string Medicare(MedicareCard card) => $"{MedicareNumber(card.Number)}, ref {card.Irn}, valid to {ValidTo(card.ValidTo)}";

    public static string PrivateHealth(PrivateHealthCover cover, IReadOnlyList<HealthFund> funds) =>
        $"{FundName(cover.Fund, funds)}, membership {cover.MembershipNumber}" + (cover.MemberReference is { Length: > 0 } r ? $", member reference {r}" : "");

    public static string Ndis(NdisPlan plan)
    {
        var parts = new List<string> { plan.Number, Management(plan.PlanManagement).Split(' ')[0].ToLowerInvariant() };
        if (plan.PlanManager is { } manager) parts.Add($"plan manager {manager.Name} ({manager.Email})");
        if (Period(plan) is { } period) parts.Add(period);
        return string.Join(", ", parts);
    }

    /// <summary>"1 Jul 2026 to 30 Jun 2027", "from 1 Jul 2026", "to 30 Jun 2027", or null.</summary>
    public static string? Period(NdisPlan plan) => (plan.PlanStart, plan.PlanEnd) switch
    {
        ({ } start, { } end) => $"{Date(start)} to {Date(end)}",
        ({ } start, null) => $"from {Date(start)}",
        (null, { } end) => $"to {Date(end)}",
        _ => null,
    };

    public static string Dva(DvaCard card) => $"{card.FileNumber}, {CardColour(card.CardColour).ToLowerInvariant()}";

    /// <summary>
    /// A scheme's value in a change request (an object, a string for the IHI, null when absent) in words; "none" for
    /// nothing; a value of a shape this app does not know as its parts.
    /// </summary>
    public static string Describe(FundingScheme scheme, JsonElement? value, IReadOnlyList<HealthFund> funds)
    {
        if (value is not { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } v)
        {
            return "none";
        }

        try
        {
            return scheme switch
            {
                FundingScheme.Medicare => Medicare(v.Deserialize<MedicareCard>(ApiJson.Options)!),
                FundingScheme.PrivateHealth => PrivateHealth(v.Deserialize<PrivateHealthCover>(ApiJson.Options)!, funds),
                FundingScheme.Ndis => Ndis(v.Deserialize<NdisPlan>(ApiJson.Options)!),
                FundingScheme.Dva => Dva(v.Deserialize<DvaCard>(ApiJson.Options)!),
                _ => Ihi(v.GetString()!),
            };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException)
        {
            return Approvals.FieldValues.Show(v);
        }
    }
}
