using System.Globalization;
using System.Text.Json.Nodes;
using Portal.Web.Components;

namespace Portal.Web.Patient.Features.Funding;

/// <summary>The funding pages' own words: a scheme's value in lines to read, and where each number is found on the card.</summary>
public static class FundingText
{
    /// <summary>A scheme's value as lines of text (empty when not given).</summary>
    public static IReadOnlyList<string> Lines(FundingScheme scheme, JsonObject? value, IReadOnlyList<HealthFundChoice> funds)
    {
        if (value is null)
        {
            return [];
        }

        var form = FundingForm.From(scheme, value);
        return scheme.Name switch
        {
            "medicare" => [$"Card number {CardNumbers.Medicare(form.Number)}", $"Reference number {form.Irn}", $"Valid to {Month(form.ValidTo)}"],
            "privateHealth" => [funds.FirstOrDefault(f => f.Code == form.Fund)?.Name ?? form.Fund ?? "",
                $"Membership number {form.MembershipNumber}", .. form.MemberReference is { } reference ? [$"Member reference {reference}"] : Array.Empty<string>()],
            "ndis" => [$"Participant number {CardNumbers.Grouped(form.Number, 3, 3, 3)}", Management(form),
                .. form.PlanStart is not null || form.PlanEnd is not null ? [$"Plan {Day(form.PlanStart) ?? "…"} to {Day(form.PlanEnd) ?? "…"}"] : Array.Empty<string>()],
            "dva" => [$"File number {form.FileNumber}", $"{Colour(form.CardColour)} card"],
            _ => [CardNumbers.Ihi(form.Ihi)],
        };
    }

    /// <summary>Where to find the numbers, in plain words.</summary>
    public static string Help(FundingScheme scheme) => scheme.Name switch
    {
        "medicare" => "Your card number is the 10-digit number across the middle of your green Medicare card. Your reference number is the single digit to the left of your name. Valid to is at the bottom of the card.",
        "privateHealth" => "Choose your health fund, then give the membership number on your fund card. The member reference, if your card has one, is the short number beside your name.",
        "ndis" => "Your NDIS number is the 9-digit participant number on your NDIS plan and on letters from the NDIA. Your plan says how it is managed and its start and end dates.",
        "dva" => "Your DVA file number is at the top right of your Veteran Card, for example NX123456. Say the colour of the card: gold, white or orange.",
        _ => "Your Individual Healthcare Identifier (IHI) is a 16-digit number starting 8003 60. Find it in your My Health Record, or in the Medicare account in myGov.",
    };

    /// <summary>"January 2027" from <c>2027-01</c>.</summary>
    public static string Month(string? validTo) =>
        FundingForm.MonthOf(validTo) is { } month
            ? DateTime.ParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture).ToString("MMMM yyyy", CultureInfo.InvariantCulture) : validTo ?? "";

    public static string Colour(string? colour) => colour switch
    {
        "gold" => "Gold",
        "white" => "White",
        "orange" => "Orange",
        _ => colour ?? "",
    };

    public static string ManagementChoice(string value) => value switch
    {
        "self" => "Self-managed",
        "plan" => "Plan-managed (a plan manager pays your providers)",
        _ => "NDIA-managed (agency-managed)",
    };

    private static string Management(FundingForm form) => form.PlanManagement switch
    {
        "self" => "Self-managed",
        "plan" => $"Plan-managed by {form.ManagerName} ({form.ManagerEmail})",
        "ndia" => "NDIA-managed",
        _ => "",
    };

    private static string? Day(string? date) =>
        DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day.ToString("d MMM yyyy", CultureInfo.InvariantCulture) : null;
}
