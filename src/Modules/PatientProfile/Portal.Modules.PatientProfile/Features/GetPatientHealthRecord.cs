using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Modules.PatientProfile.Data;
using Portal.Modules.PatientProfile.Domain;
using Portal.Modules.PatientProfile.Features.Shared;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.PatientProfile.Features;

public sealed class GetPatientHealthRecordEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPracticeRoutes("Patients").MapGet("/patients/{patientId:guid}/health-record", async (Guid patientId, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetPatientHealthRecord(patientId), ct)).ToHttpResult())
            .WithSummary("A patient's health record (allergies, medications, conditions); the read is recorded in the patient's access log")
            .Produces<PatientHealthRecordResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}

public sealed record PatientHealthRecordResponse(
    Guid PatientId,
    IReadOnlyList<AllergyDto> Allergies,
    IReadOnlyList<MedicationDto> Medications,
    IReadOnlyList<ConditionDto> Conditions,
    int Version,
    DateTimeOffset UpdatedAt)
{
    internal static PatientHealthRecordResponse From(HealthRecord record, HealthRecordDetails content) =>
        new(record.PatientId, content.Allergies, content.Medications, content.Conditions, record.Version, record.UpdatedAt);
}

public sealed record GetPatientHealthRecord(Guid PatientId) : IQuery<Result<PatientHealthRecordResponse>>;

internal sealed class GetPatientHealthRecordHandler(PatientProfileDbContext db, HealthRecordPart part, PatientAuditLog audit, ICurrentUser currentUser)
    : IQueryHandler<GetPatientHealthRecord, Result<PatientHealthRecordResponse>>
{
    public async ValueTask<Result<PatientHealthRecordResponse>> Handle(GetPatientHealthRecord query, CancellationToken cancellationToken)
    {
        var groupId = currentUser.StaffPracticeGroupId;
        var record = await db.HealthRecords.AsNoTracking()
            .SingleOrDefaultAsync(h => h.PatientId == query.PatientId && h.PracticeGroupId == groupId, cancellationToken);
        if (record is null)
        {
            return PatientErrors.NotFound;
        }

        await audit.RecordReadAsync(record.PatientId, record.PracticeGroupId, AccessLogSubject.HealthRecord, cancellationToken);
        return PatientHealthRecordResponse.From(record, part.Parse(record.Content));
    }
}
