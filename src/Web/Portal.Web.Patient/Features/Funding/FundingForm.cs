using System.Globalization;
using System.Text.Json.Nodes;

namespace Portal.Web.Patient.Features.Funding;

/// <summary>
/// One scheme's form, as typed (every field text, as a form posts it): filled from the scheme's value, and the body
/// its PUT sends. The rules are the API's; the form only checks what it must to build the body (the IRN is a number).
/// </summary>
public sealed class FundingForm
{
    public string? Number { get; set; }
    public string? Irn { get; set; }
    public string? ValidTo { get; set; }
    public string? Fund { get; set; }
    public string? MembershipNumber { get; set; }
    public string? MemberReference { get; set; }
    public string? PlanManagement { get; set; }
    public string? ManagerName { get; set; }
    public string? ManagerEmail { get; set; }
    public string? PlanStart { get; set; }
    public string? PlanEnd { get; set; }
    public string? FileNumber { get; set; }
    public string? CardColour { get; set; }
    public string? Ihi { get; set; }

    public static FundingForm From(FundingScheme scheme, JsonObject? value)
    {
        var form = new FundingForm();
        if (value is null)
        {
            return form;
        }

        switch (scheme.Name)
        {
            case "medicare":
                (form.Number, form.Irn, form.ValidTo) = (Text(value, "number"), Text(value, "irn"), Text(value, "validTo"));
                break;
            case "privateHealth":
                (form.Fund, form.MembershipNumber, form.MemberReference) = (Text(value, "fund"), Text(value, "membershipNumber"), Text(value, "memberReference"));
                break;
            case "ndis":
                (form.Number, form.PlanManagement, form.PlanStart, form.PlanEnd) =
                    (Text(value, "number"), Text(value, "planManagement"), Text(value, "planStart"), Text(value, "planEnd"));
                if (value["planManager"] is JsonObject manager)
                {
                    (form.ManagerName, form.ManagerEmail) = (Text(manager, "name"), Text(manager, "email"));
                }

                break;
            case "dva":
                (form.FileNumber, form.CardColour) = (Text(value, "fileNumber"), Text(value, "cardColour"));
                break;
            default:
                form.Ihi = Text(value, "ihi");
                break;
        }

        return form;
    }

    /// <summary>What the form itself must refuse before anything is sent, by the API's field names.</summary>
    public Dictionary<string, string[]> Check(FundingScheme scheme)
    {
        var errors = new Dictionary<string, string[]>();
        if (scheme == FundingScheme.Medicare && !string.IsNullOrWhiteSpace(Irn) && !int.TryParse(Irn.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            errors["medicare.irn"] = ["The individual reference number is the single digit (1 to 9) beside your name on the Medicare card."];
        }

        if (scheme == FundingScheme.Medicare && !string.IsNullOrWhiteSpace(ValidTo) && MonthOf(ValidTo) is null)
        {
            errors["medicare.validTo"] = ["Give the valid-to month as on the card, for example 01/27."];
        }

        if (scheme == FundingScheme.Ndis && !string.IsNullOrWhiteSpace(PlanStart) && DateOf(PlanStart) is null)
        {
            errors["ndis.planStart"] = ["Give the plan's start date, for example 1/07/2026."];
        }

        if (scheme == FundingScheme.Ndis && !string.IsNullOrWhiteSpace(PlanEnd) && DateOf(PlanEnd) is null)
        {
            errors["ndis.planEnd"] = ["Give the plan's end date, for example 30/06/2027."];
        }

        return errors;
    }

    /// <summary>The PUT's body (members with no value left out).</summary>
    public JsonObject ToBody(FundingScheme scheme) => scheme.Name switch
    {
        "medicare" => Body(("number", Compact(Number)), ("irn", int.TryParse(Irn?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var irn) ? irn : null),
            ("validTo", MonthOf(ValidTo) ?? Blank(ValidTo))),
        "privateHealth" => Body(("fund", Blank(Fund)), ("membershipNumber", Blank(MembershipNumber)), ("memberReference", Blank(MemberReference))),
        "ndis" => Body(("number", Compact(Number)), ("planManagement", Blank(PlanManagement)),
            ("planManager", PlanManagement == "plan" ? Body(("name", Blank(ManagerName)), ("email", Blank(ManagerEmail))) : null),
            ("planStart", DateOf(PlanStart)), ("planEnd", DateOf(PlanEnd))),
        "dva" => Body(("fileNumber", Blank(FileNumber)), ("cardColour", Blank(CardColour))),
        _ => new JsonObject { ["ihi"] = Compact(Ihi) ?? "" },
    };

    /// <summary>A month as the API takes it (<c>YYYY-MM</c>) from what a card says (<c>01/27</c>, <c>01/2027</c>) or a month field sends.</summary>
    public static string? MonthOf(string? text)
    {
        var t = text?.Trim() ?? "";
        if (DateTime.TryParseExact(t, ["yyyy-MM", "MM/yy", "M/yy", "MM/yyyy", "M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        }

        return null;
    }

    private static string? DateOf(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), ["yyyy-MM-dd", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    private static string? Text(JsonObject value, string name) => value[name]?.ToString();

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>A number as typed from a card, its spaces left out: "2123 45670 1" is 2123456701.</summary>
    private static string? Compact(string? text) => Blank(text)?.Replace(" ", "", StringComparison.Ordinal);

    private static JsonObject Body(params (string Name, JsonNode? Value)[] members)
    {
        var body = new JsonObject();
        foreach (var (name, value) in members.Where(m => m.Value is not null))
        {
            body[name] = value;
        }

        return body;
    }
}
