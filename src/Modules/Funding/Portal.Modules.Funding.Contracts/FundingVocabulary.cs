using System.Text.Json.Serialization;
using Portal.Shared.Abstractions;

namespace Portal.Modules.Funding.Contracts;

// The funding details as the API says them (GET /api/portal/funding and the practice's routes); the rules are the
// module's (Domain/FundingIdentifiers.cs, Domain/FundingDetails.cs).

/// <summary>A Medicare card: its 10-digit number, the patient's individual reference number (1-9) and its valid-to month <c>YYYY-MM</c>.</summary>
public sealed record MedicareCard(string? Number, int? Irn, string? ValidTo);

public sealed record PrivateHealthCover(string? Fund, string? MembershipNumber, string? MemberReference);

[JsonConverter(typeof(CamelCaseEnumConverter<PlanManagement>))]
public enum PlanManagement
{
    /// <summary>Self-managed: the participant pays and claims.</summary>
    Self,

    /// <summary>Plan-managed: a plan manager (named, with an email) pays the providers.</summary>
    Plan,

    /// <summary>NDIA-managed (agency-managed): the provider claims from the NDIA.</summary>
    Ndia,
}

public sealed record PlanManager(string? Name, string? Email);

public sealed record NdisPlan(string? Number, PlanManagement? PlanManagement, PlanManager? PlanManager, DateOnly? PlanStart, DateOnly? PlanEnd);

[JsonConverter(typeof(CamelCaseEnumConverter<DvaCardColour>))]
public enum DvaCardColour
{
    Gold,
    White,
    Orange,
}

public sealed record DvaCard(string? FileNumber, DvaCardColour? CardColour);

/// <summary>Where a Medicare card stands: on the wire <c>expiresSoon</c> (this month or next is its last) or <c>expired</c>.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<MedicareExpiry>))]
public enum MedicareExpiry
{
    ExpiresSoon,
    Expired,
}

/// <summary>One of Australia's registered private health insurers, by the code Portal keeps and the name people know.</summary>
public sealed record HealthFund(string Code, string Name);
