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

public sealed class CreatePatientEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPracticeRoutes("Patients").MapPost("/patients", async (CreatePatient command, ISender sender, CancellationToken ct) =>
                (await sender.Send(command, ct)).ToCreatedResult(p => $"/api/practice/patients/{p.Id}"))
            .WithSummary("Add a patient to the practice")
            .Produces<PatientResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
}

public sealed record CreatePatient(
    string GivenName,
    string FamilyName,
    string? PreferredName,
    DateOnly? DateOfBirth,
    Sex? Sex,
    string? Email,
    string? MobilePhone,
    AddressDto? Address,
    EmergencyContactDto? EmergencyContact) : ICommand<Result<PatientResponse>>, IPatientDetails;

public sealed class CreatePatientValidator : AbstractValidator<CreatePatient>
{
    public CreatePatientValidator(TimeProvider clock) => Include(new PatientDetailsValidator(clock));
}

internal sealed class CreatePatientHandler(PatientProfileDbContext db, PatientAuditLog audit, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<CreatePatient, Result<PatientResponse>>
{
    public ValueTask<Result<PatientResponse>> Handle(CreatePatient command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var patient = Patient.New(Guid.CreateVersion7(), currentUser.StaffPracticeGroupId, currentUser.UserId, now);
        PatientDetails.WriteTo(patient, command, now);   // version 1
        db.Patients.Add(patient);
        db.HealthRecords.Add(HealthRecord.For(patient, now));
        audit.RecordChange(patient, PatientAccessAction.Created);
        return ValueTask.FromResult<Result<PatientResponse>>(PatientResponse.From(patient));
    }
}
