using System.Net.Mail;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Portal.Modules.Funding.Contracts;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Shared.Abstractions;

namespace Portal.Modules.Funding.Domain;

/// <summary>
/// A patient's funding details, each scheme optional: on the wire and in the database
/// <c>{medicare?, privateHealth?, ndis?, dva?, ihi?}</c>. Each scheme is one field of the record part "funding", so a
/// change request compares and applies a scheme whole.
/// </summary>
internal sealed record FundingDetails(MedicareCard? Medicare, PrivateHealthCover? PrivateHealth, NdisPlan? Ndis, DvaCard? Dva, string? Ihi)
{
    public static readonly FundingDetails None = new(null, null, null, null, null);

    /// <summary>Strict: a member the contract does not name is refused, not dropped.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The schemes' names, in the order forms show them (the record's vocabulary, <see cref="PatientProfileFields.Funding"/>).</summary>
    public static IReadOnlyList<string> Schemes { get; } = PatientProfileFields.Funding.Select(field => field.Name).ToList();

    public JsonObject ToJson() => JsonSerializer.SerializeToNode(this, Json)!.AsObject();

    public static FundingDetails FromJson(JsonObject value) => value.Deserialize<FundingDetails>(Json) ?? None;
}

internal static class MedicareCards
{
    /// <summary>The first day of the card's valid-to month: it is valid to the end of that month.</summary>
    public static DateOnly ValidToMonth(this MedicareCard card) => new(int.Parse(card.ValidTo![..4]), int.Parse(card.ValidTo[5..]), 1);
}

/// <summary>
/// Each scheme's rules: the value as kept (normalised), or the error with its field named inside the scheme
/// (<c>medicare.number</c>) and the contract's code.
/// </summary>
internal static class FundingRules
{
    /// <summary>The NDIS's first plans (trial sites, July 2013); a plan date before it is a typing mistake.</summary>
    private static readonly DateOnly NdisBegan = new(2013, 7, 1);

    private static readonly DateOnly LatestPlanDate = new(2099, 12, 31);

    public static Result<MedicareCard> Check(MedicareCard card, DateOnly today)
    {
        var number = FundingIdentifiers.MedicareNumber(card.Number);
        if (number.IsFailure)
        {
            return In("medicare", number.Error!);
        }

        var irn = FundingIdentifiers.MedicareIrn(card.Irn);
        if (irn.IsFailure)
        {
            return In("medicare", irn.Error!);
        }

        var validTo = FundingIdentifiers.MedicareValidTo(card.ValidTo, today);
        return validTo.IsFailure
            ? In("medicare", validTo.Error!)
            : new MedicareCard(number.Value, irn.Value, validTo.Value.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
    }

    public static Result<PrivateHealthCover> Check(PrivateHealthCover cover)
    {
        var fund = HealthFunds.Find(cover.Fund);
        if (fund is null)
        {
            return In("privateHealth", FundingErrors.UnknownHealthFund);
        }

        var membership = cover.MembershipNumber?.Trim() ?? "";
        if (membership.Length is 0 or > 20 || !membership.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-'))
        {
            return Invalid("privateHealth.membershipNumber", "Give the membership number on your health fund card: up to 20 letters and digits.");
        }

        var reference = string.IsNullOrWhiteSpace(cover.MemberReference) ? null : cover.MemberReference.Trim();
        if (reference is { Length: > 10 })
        {
            return Invalid("privateHealth.memberReference", "The member reference is the short number beside your name on the card (at most 10 characters).");
        }

        return new PrivateHealthCover(fund.Code, membership, reference);
    }

    public static Result<NdisPlan> Check(NdisPlan plan)
    {
        var number = FundingIdentifiers.NdisNumber(plan.Number);
        if (number.IsFailure)
        {
            return In("ndis", number.Error!);
        }

        if (plan.PlanManagement is not { } management)
        {
            return Invalid("ndis.planManagement", "Say how your plan is managed: self, plan (by a plan manager) or ndia.");
        }

        PlanManager? manager = null;
        if (management == PlanManagement.Plan)
        {
            var name = plan.PlanManager?.Name?.Trim() ?? "";
            var email = plan.PlanManager?.Email?.Trim() ?? "";
            if (name.Length is 0 or > 200)
            {
                return Invalid("ndis.planManager.name", "Give your plan manager's name (at most 200 characters).");
            }

            if (email.Length > 254 || !MailAddress.TryCreate(email, out var address) || address.Address != email)
            {
                return Invalid("ndis.planManager.email", "Give your plan manager's email address, where invoices go.");
            }

            manager = new PlanManager(name, email);
        }

        if (plan.PlanStart is { } first && (first < NdisBegan || first > LatestPlanDate))
        {
            return Invalid("ndis.planStart", "Give the plan's start date as on your plan.");
        }

        if (plan.PlanEnd is { } last && (last < NdisBegan || last > LatestPlanDate))
        {
            return Invalid("ndis.planEnd", "Give the plan's end date as on your plan.");
        }

        if (plan is { PlanStart: { } start, PlanEnd: { } end } && end < start)
        {
            return Invalid("ndis.planEnd", "The plan's end date is before its start date.");
        }

        return new NdisPlan(number.Value, management, manager, plan.PlanStart, plan.PlanEnd);
    }

    public static Result<DvaCard> Check(DvaCard card)
    {
        var number = FundingIdentifiers.DvaFileNumber(card.FileNumber);
        if (number.IsFailure)
        {
            return In("dva", number.Error!);
        }

        return card.CardColour is { } colour
            ? new DvaCard(number.Value, colour)
            : Invalid("dva.cardColour", "Say the colour of your DVA card: gold, white or orange.");
    }

    public static Result<string> CheckIhi(string? ihi) => FundingIdentifiers.Ihi(ihi);

    /// <summary>The identifier's error with its field named inside the scheme: <c>number</c> becomes <c>medicare.number</c>.</summary>
    private static Error In(string scheme, Error error) => error with
    {
        FieldErrors = error.FieldErrors.ToDictionary(field => $"{scheme}.{field.Key}", field => field.Value),
    };

    private static Error Invalid(string field, string message) => Error.Validation("validation.failed", message, field);
}
