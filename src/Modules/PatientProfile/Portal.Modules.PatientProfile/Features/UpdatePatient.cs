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

public sealed class UpdatePatientEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPracticeRoutes("Patients").MapPut("/patients/{patientId:guid}", async (Guid patientId, PatientUpdate body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new UpdatePatient(patientId, body.GivenName, body.FamilyName, body.PreferredName, body.DateOfBirth, body.Sex,
                    body.Email, body.MobilePhone, body.Address, body.EmergencyContact, body.Version), ct)).ToHttpResult())
            .WithSummary("Replace a patient's personal details (a practitioner's edit applies directly); send the version you opened, 409 patients.stale if it changed")
            .Produces<PatientResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

/// <summary>The body of the practitioner's PUT: every detail, and the <see cref="Version"/> the edit was made on.</summary>
public sealed record PatientUpdate(
    string GivenName,
    string FamilyName,
    string? PreferredName,
    DateOnly? DateOfBirth,
    Sex? Sex,
    string? Email,
    string? MobilePhone,
    AddressDto? Address,
    EmergencyContactDto? EmergencyContact,
    int? Version);

public sealed record UpdatePatient(
    Guid PatientId,
    string GivenName,
    string FamilyName,
    string? PreferredName,
    DateOnly? DateOfBirth,
    Sex? Sex,
    string? Email,
    string? MobilePhone,
    AddressDto? Address,
    EmergencyContactDto? EmergencyContact,
    int? Version) : ICommand<Result<PatientResponse>>, IPatientDetails;

public sealed class UpdatePatientValidator : AbstractValidator<UpdatePatient>
{
    public UpdatePatientValidator(TimeProvider clock)
    {
        Include(new PatientDetailsValidator(clock));
        RuleFor(p => p.Version).NotNull().WithMessage("Send the version of the record you edited (from GET).");
    }
}

internal sealed class UpdatePatientHandler(
    PatientProfileDbContext db, ProfilePart part, RecordHistory history, RecordEmailNotice emailNotice, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<UpdatePatient, Result<PatientResponse>>
{
    public async ValueTask<Result<PatientResponse>> Handle(UpdatePatient command, CancellationToken cancellationToken)
    {
        var record = await PatientRecord.LoadAsync(db, currentUser.StaffPracticeGroupId, command.PatientId, cancellationToken);
        if (record is null)
        {
            return PatientErrors.NotFound;
        }

        var patient = record.Patient;
        if (patient.Version != command.Version)
        {
            return PracticeRecordSave.Stale;
        }

        var previousEmail = patient.Email;
        history.Apply(part, record, part.ToJson(PatientDetails.Normalized(command)), clock.GetUtcNow(), VersionSource.PracticeEdit);
        await emailNotice.TellIfChangedAsync(patient, previousEmail, cancellationToken);
        var saved = await PracticeRecordSave.SaveAsync(db, cancellationToken);
        return saved.IsFailure ? saved.Error! : PatientResponse.From(patient);
    }
}
