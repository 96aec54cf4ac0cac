using Microsoft.Extensions.Caching.Memory;
using Portal.Web.Components.Api;
using Portal.Web.Server.Api;

namespace Portal.Web.Admin.Features.Funding;

/// <summary>One of the funding schemes, each a field of the record part <c>funding</c> (the API's names: <see cref="FundingWords.Name"/>).</summary>
public enum FundingScheme
{
    Medicare,
    PrivateHealth,
    Ndis,
    Dva,
    Ihi,
}

/// <summary>What saving (or removing) one scheme came to.</summary>
public enum FundingSaveOutcome
{
    Saved,
    /// <summary>Someone else changed the funding details since the form was opened: nothing was saved.</summary>
    Stale,
    Refused,
}

public sealed record FundingSaveAnswer(FundingSaveOutcome Outcome, PatientFunding? Funding, ApiProblem? Problem);

/// <summary>
/// A patient's funding details as the practice sees them: <c>GET</c>/<c>PUT /api/practice/patients/{id}/funding</c>
/// (one scheme at a time, guarded by the version read) and the registered health funds (<c>GET /api/practice/health-funds</c>,
/// kept for an hour).
/// </summary>
public sealed class FundingClient(PortalWebApi api, IMemoryCache cache)
{
    private const string FundsKey = "Portal.Web.Admin.HealthFunds";

    public Task<ApiResult<PatientFunding>> GetAsync(Guid patientId) =>
        api.GetAsync<PatientFunding>($"api/practice/patients/{patientId}/funding");

    /// <summary>Replaces one scheme (<paramref name="value"/> null removes it), only on <paramref name="version"/>.</summary>
    public async Task<FundingSaveAnswer> SaveAsync(Guid patientId, FundingScheme scheme, object? value, int version)
    {
        var body = new Dictionary<string, object?> { [FundingWords.Name(scheme)] = value, ["version"] = version };
        var result = await api.SendAsync<PatientFunding>(HttpMethod.Put, $"api/practice/patients/{patientId}/funding", body);
        return result.Problem switch
        {
            null => new FundingSaveAnswer(FundingSaveOutcome.Saved, result.Value, null),
            { Code: "patients.stale" } problem => new FundingSaveAnswer(FundingSaveOutcome.Stale, null, problem),
            var problem => new FundingSaveAnswer(FundingSaveOutcome.Refused, null, problem),
        };
    }

    /// <summary>The registered funds by code (empty when they could not be read: a fund then reads as its code).</summary>
    public async Task<IReadOnlyList<HealthFund>> HealthFundsAsync()
    {
        if (cache.Get<IReadOnlyList<HealthFund>>(FundsKey) is { } funds)
        {
            return funds;
        }

        var read = await api.GetAsync<List<HealthFund>>("api/practice/health-funds");
        return read.Value is { Count: > 0 } list ? cache.Set<IReadOnlyList<HealthFund>>(FundsKey, list, TimeSpan.FromHours(1)) : [];
    }
}

/// <summary>The API's funding details: each scheme optional; <see cref="MedicareExpiry"/> when the card expires soon or has.</summary>
public sealed record PatientFunding(
    Guid PatientId, MedicareCard? Medicare, PrivateHealthCover? PrivateHealth, NdisPlan? Ndis, DvaCard? Dva, string? Ihi, int Version,
    MedicareExpiry? MedicareExpiry = null)
{
    public bool Has(FundingScheme scheme) => scheme switch
    {
        FundingScheme.Medicare => Medicare is not null,
        FundingScheme.PrivateHealth => PrivateHealth is not null,
        FundingScheme.Ndis => Ndis is not null,
        FundingScheme.Dva => Dva is not null,
        _ => Ihi is not null,
    };
}

/// <summary>A Medicare card: 10 digits, the patient's reference number (1-9), valid to the end of a month (<c>YYYY-MM</c>).</summary>
public sealed record MedicareCard(string Number, int Irn, string ValidTo);

public sealed record PrivateHealthCover(string Fund, string MembershipNumber, string? MemberReference);

public enum PlanManagement
{
    Self,
    Plan,
    Ndia,
}

public sealed record PlanManager(string Name, string Email);

public sealed record NdisPlan(string Number, PlanManagement PlanManagement, PlanManager? PlanManager, DateOnly? PlanStart, DateOnly? PlanEnd);

public enum DvaCardColour
{
    Gold,
    White,
    Orange,
}

public sealed record DvaCard(string FileNumber, DvaCardColour CardColour);

public enum MedicareExpiry
{
    ExpiresSoon,
    Expired,
}

public sealed record HealthFund(string Code, string Name);
