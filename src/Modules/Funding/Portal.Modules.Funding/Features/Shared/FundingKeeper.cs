using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.Funding.Contracts;
using Portal.Modules.Funding.Data;
using Portal.Modules.Funding.Domain;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Shared.Abstractions;
using Portal.Shared.Persistence;

namespace Portal.Modules.Funding.Features.Shared;

/// <summary>
/// The funding details as a part of the patient's record (<see cref="RecordPart.Funding"/>): PatientProfile's editor,
/// change requests and history read, validate and write them through here (docs/decisions/0011 and 0017).
/// </summary>
internal sealed class FundingKeeper(FundingDbContext db, TimeProvider clock) : IRecordPartKeeper
{
    public RecordPart Subject => RecordPart.Funding;

    public async Task<KeptRecordPart> ReadAsync(Guid practiceGroupId, Guid patientId, CancellationToken cancellationToken)
    {
        var record = await db.FundingRecordOfAsync(practiceGroupId, patientId, cancellationToken);
        return record is null ? new KeptRecordPart([], 0) : new KeptRecordPart(record.Details.ToJson(), record.Version);
    }

    public Result<JsonObject> Merge(JsonObject current, JsonObject patch)
    {
        var unknown = patch.Select(field => field.Key).Where(name => !FundingDetails.Schemes.Contains(name)).ToList();
        if (unknown.Count > 0)
        {
            return Error.Validation("validation.failed", "One or more fields are not valid.") with
            {
                FieldErrors = unknown.ToDictionary(name => name, _ => new[] { "This is not part of the funding details." }),
            };
        }

        var merged = current.DeepClone().AsObject();
        var today = FundingClock.Today(clock);
        foreach (var (scheme, value) in patch)
        {
            if (value is null)
            {
                merged.Remove(scheme);
                continue;
            }

            var checkedValue = Check(scheme, value, today);
            if (checkedValue.IsFailure)
            {
                return checkedValue.Error!;
            }

            merged[scheme] = checkedValue.Value;
        }

        // Kept without the schemes a patient does not have: "removed" and "never given" are the same.
        return FundingDetails.FromJson(merged).ToJson();
    }

    public async Task<bool> WriteAsync(KeptRecordPartWrite write, CancellationToken cancellationToken)
    {
        var details = FundingDetails.FromJson(write.Value);
        var record = await db.FundingRecords.SingleOrDefaultAsync(r => r.PatientId == write.PatientId, cancellationToken);
        if (record is not null && record.PracticeGroupId != write.PracticeGroupId)
        {
            return false;
        }

        if (record is null)
        {
            if (write.ExpectedVersion != 0)
            {
                return false;
            }

            record = FundingRecord.For(write.PracticeGroupId, write.PatientId);
            db.FundingRecords.Add(record);
        }
        else if (record.Version != write.ExpectedVersion)
        {
            return false;   // changed since it was read: PatientProfile decides again on the new values
        }

        if (!record.Rewrite(details, write.At))
        {
            return true;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);   // committed before PatientProfile saves the edit or decision
            return true;
        }
        catch (DbUpdateException exception) when (exception is DbUpdateConcurrencyException || UniqueViolation.Is(exception))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>One scheme's value from the wire, checked and normalised; a value of the wrong shape names its field.</summary>
    private static Result<JsonNode?> Check(string scheme, JsonNode value, DateOnly today)
    {
        try
        {
            return scheme switch
            {
                "medicare" => Node(FundingRules.Check(Read<MedicareCard>(value), today)),
                "privateHealth" => Node(FundingRules.Check(Read<PrivateHealthCover>(value))),
                "ndis" => Node(FundingRules.Check(Read<NdisPlan>(value))),
                "dva" => Node(FundingRules.Check(Read<DvaCard>(value))),
                _ => Node(FundingRules.CheckIhi(value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null)),
            };
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 2 } path ? $"{scheme}.{path[2..]}" : scheme;
            return Error.Validation("validation.failed", "This value has the wrong type or format.", field);
        }
    }

    private static T Read<T>(JsonNode value) => value.Deserialize<T>(FundingDetails.Json) ?? throw new JsonException("null");

    private static Result<JsonNode?> Node<T>(Result<T> result) =>
        result.IsFailure ? result.Error! : JsonSerializer.SerializeToNode(result.Value, FundingDetails.Json);
}
