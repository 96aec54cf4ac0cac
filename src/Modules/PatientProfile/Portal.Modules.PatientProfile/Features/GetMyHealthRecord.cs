using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.PatientProfile.Data;
using Portal.Modules.PatientProfile.Domain;
using Portal.Modules.PatientProfile.Features.Shared;
using Portal.Modules.PortalSettings.Contracts;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.PatientProfile.Features;

public sealed class GetMyHealthRecordEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPatientRoutes("Patient portal").MapGet("/health-record", async (Guid? patientId, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetMyHealthRecord(patientId), ct)).ToHttpResult())
            .WithSummary("Your health record (allergies, medications, conditions), with how your practice handles changes you make")
            .Produces<MyHealthRecord>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}

public sealed record MyHealthRecord(
    Guid PatientId,
    IReadOnlyList<AllergyDto> Allergies,
    IReadOnlyList<MedicationDto> Medications,
    IReadOnlyList<ConditionDto> Conditions,
    PatientUpdatePolicy UpdatePolicy,
    int Version)
{
    internal static MyHealthRecord From(HealthRecord record, HealthRecordDetails content, PatientUpdatePolicy policy) =>
        new(record.PatientId, content.Allergies, content.Medications, content.Conditions, policy, record.Version);
}

public sealed record GetMyHealthRecord(Guid? PatientId) : IQuery<Result<MyHealthRecord>>;

internal sealed class GetMyHealthRecordHandler(PatientProfileDbContext db, PortalPatientSelector selector, HealthRecordPart part)
    : IQueryHandler<GetMyHealthRecord, Result<MyHealthRecord>>
{
    public async ValueTask<Result<MyHealthRecord>> Handle(GetMyHealthRecord query, CancellationToken cancellationToken)
    {
        var selected = await selector.SelectAsync(query.PatientId, cancellationToken);
        if (selected.IsFailure)
        {
            return selected.Error!;
        }

        var context = selected.Value;
        var record = await HealthRecordQuery(db, context.PatientId, context.PracticeGroupId, cancellationToken);
        if (record is null)
        {
            return PortalPatientSelector.NotFound;
        }

        return MyHealthRecord.From(record, part.Parse(record.Content), context.Settings.PatientUpdates);
    }

    // Compiled once, like the details page's read (docs/decisions/0012).
    private static readonly Func<PatientProfileDbContext, Guid, Guid, CancellationToken, Task<HealthRecord?>> HealthRecordQuery =
        EF.CompileAsyncQuery((PatientProfileDbContext db, Guid patientId, Guid practiceGroupId, CancellationToken _) =>
            db.HealthRecords.AsNoTracking().SingleOrDefault(h => h.PatientId == patientId && h.PracticeGroupId == practiceGroupId));
}
