using Portal.Modules.Funding.Contracts;
using Portal.Modules.Funding.Data;
using Portal.Modules.Funding.Domain;
using Portal.Modules.PortalSettings.Contracts;

namespace Portal.Modules.Funding.Features.Shared;

/// <summary>
/// A patient's funding details: <c>{patientId, medicare?, privateHealth?, ndis?, dva?, ihi?, version, medicareExpiry?}</c>.
/// <see cref="MedicareExpiry"/> says when the card expires this month or next (<c>expiresSoon</c>) or has (<c>expired</c>).
/// </summary>
public sealed record FundingResponse(
    Guid PatientId, MedicareCard? Medicare, PrivateHealthCover? PrivateHealth, NdisPlan? Ndis, DvaCard? Dva, string? Ihi, int Version)
{
    public MedicareExpiry? MedicareExpiry { get; init; }

    /// <summary>For the patient: the schemes whose change waits for the practice (all under <c>requireApproval</c>, the practice's list under <c>autoUpdate</c>).</summary>
    public IReadOnlyList<string>? FieldsNeedingApproval { get; init; }

    /// <summary>For the patient: the practice's policy for their edits.</summary>
    public PatientUpdatePolicy? PatientUpdates { get; init; }

    internal static async Task<FundingResponse> ReadAsync(FundingDbContext db, Guid practiceGroupId, Guid patientId, DateOnly today, CancellationToken cancellationToken)
    {
        var record = await db.FundingRecordOfAsync(practiceGroupId, patientId, cancellationToken);
        var details = record?.Details ?? FundingDetails.None;
        return new FundingResponse(patientId, details.Medicare, details.PrivateHealth, details.Ndis, details.Dva, details.Ihi, record?.Version ?? 0)
        {
            MedicareExpiry = FundingRecord.ExpiryOf(record?.MedicareValidTo, today),
        };
    }

    internal FundingResponse ForPatient(PortalSettingsSnapshot settings) => this with
    {
        PatientUpdates = settings.PatientUpdates,
        FieldsNeedingApproval = settings.PatientUpdates switch
        {
            PatientUpdatePolicy.RequireApproval => [.. FundingDetails.Schemes],
            PatientUpdatePolicy.AutoUpdate => FundingDetails.Schemes.Where(settings.AlwaysApproveFields.Contains).ToList(),
            _ => [],
        },
    };
}
