using Carter;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Modules.PatientProfile.Data;
using Portal.Modules.PatientProfile.Domain;
using Portal.Modules.PatientProfile.Features.Shared;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.PatientProfile.Features;

public sealed class UpdatePatientHealthRecordEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPracticeRoutes("Patients").MapPut("/patients/{patientId:guid}/health-record", async (Guid patientId, HealthRecordUpdate body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new UpdatePatientHealthRecord(patientId, body.Allergies, body.Medications, body.Conditions, body.Version), ct)).ToHttpResult())
            .WithSummary("Replace a patient's health record; send the version you opened, 409 patients.stale if it changed")
            .Produces<PatientHealthRecordResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

public sealed record HealthRecordUpdate(
    IReadOnlyList<AllergyDto> Allergies, IReadOnlyList<MedicationDto> Medications, IReadOnlyList<ConditionDto> Conditions, int? Version);

public sealed record UpdatePatientHealthRecord(
    Guid PatientId,
    IReadOnlyList<AllergyDto> Allergies,
    IReadOnlyList<MedicationDto> Medications,
    IReadOnlyList<ConditionDto> Conditions,
    int? Version) : ICommand<Result<PatientHealthRecordResponse>>, IHealthRecordContent;

public sealed class UpdatePatientHealthRecordValidator : AbstractValidator<UpdatePatientHealthRecord>
{
    public UpdatePatientHealthRecordValidator(TimeProvider clock)
    {
        Include(new HealthRecordDetailsValidator(clock));
        RuleFor(p => p.Version).NotNull().WithMessage("Send the version of the record you edited (from GET).");
    }
}

internal sealed class UpdatePatientHealthRecordHandler(
    PatientProfileDbContext db, HealthRecordPart part, RecordHistory history, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<UpdatePatientHealthRecord, Result<PatientHealthRecordResponse>>
{
    public async ValueTask<Result<PatientHealthRecordResponse>> Handle(UpdatePatientHealthRecord command, CancellationToken cancellationToken)
    {
        var record = await PatientRecord.LoadAsync(db, currentUser.StaffPracticeGroupId, command.PatientId, cancellationToken);
        if (record is null)
        {
            return PatientErrors.NotFound;
        }

        if (record.HealthRecord.Version != command.Version)
        {
            return PracticeRecordSave.Stale;
        }

        var content = part.AttributedToPractice(record, HealthRecordDetails.Normalized(command));
        history.Apply(part, record, part.ToJson(content), clock.GetUtcNow(), VersionSource.PracticeEdit);
        var saved = await PracticeRecordSave.SaveAsync(db, cancellationToken);
        return saved.IsFailure ? saved.Error! : PatientHealthRecordResponse.From(record.HealthRecord, content);
    }
}
