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
        app.MapPost("/api/practice/patients", async (CreatePatient command, ISender sender, CancellationToken ct) =>
                (await sender.Send(command, ct)).ToCreatedResult(p => $"/api/practice/patients/{p.Id}"))
            .RequireAuthorization(Policies.Practitioner)
            .WithTags("Patients")
            .WithSummary("Add a patient to the practice")
            .Produces<PatientResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
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
    EmergencyContactDto? EmergencyContact) : ICommand<Result<PatientResponse>>;

public sealed class CreatePatientValidator : AbstractValidator<CreatePatient>
{
    public CreatePatientValidator(TimeProvider clock)
    {
        RuleFor(p => p.GivenName).PersonName();
        RuleFor(p => p.FamilyName).PersonName();
        RuleFor(p => p.PreferredName).MaximumLength(100);
        RuleFor(p => p.DateOfBirth).NotNull()
            .Must(d => d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(1))).WithMessage("The date of birth cannot be in the future.")
            .Must(d => d >= new DateOnly(1900, 1, 1)).WithMessage("The date of birth is too far in the past.");
        RuleFor(p => p.Sex).IsInEnum();
        RuleFor(p => p.Email).EmailAddress().MaximumLength(256);
        RuleFor(p => p.MobilePhone).ValidPhone();
        RuleFor(p => p.Address!).SetValidator(new AddressValidator()).When(p => p.Address is not null);
        RuleFor(p => p.EmergencyContact!).SetValidator(new EmergencyContactValidator()).When(p => p.EmergencyContact is not null);
    }
}

internal sealed class CreatePatientHandler(PatientProfileDbContext db, PatientAuditLog audit, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<CreatePatient, Result<PatientResponse>>
{
    public ValueTask<Result<PatientResponse>> Handle(CreatePatient command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var patient = new Patient
        {
            Id = Guid.CreateVersion7(),
            PracticeGroupId = currentUser.PracticeGroupId!.Value,
            GivenName = command.GivenName.Trim(),
            FamilyName = command.FamilyName.Trim(),
            PreferredName = string.IsNullOrWhiteSpace(command.PreferredName) ? null : command.PreferredName.Trim(),
            DateOfBirth = command.DateOfBirth!.Value,
            Sex = command.Sex,
            Email = string.IsNullOrWhiteSpace(command.Email) ? null : command.Email.Trim(),
            MobilePhone = PatientRules.ToE164(command.MobilePhone),
            Address = command.Address is { } a
                ? new Address(a.Line1.Trim(), a.Line2?.Trim(), a.Suburb.Trim(), a.State, a.Postcode, a.Country ?? "AU")
                : null,
            EmergencyContact = command.EmergencyContact is { } c
                ? new EmergencyContact(c.Name.Trim(), c.Relationship.Trim(), PatientRules.ToE164(c.Phone)!)
                : null,
            CreatedAt = now,
            CreatedBy = currentUser.UserId,
            UpdatedAt = now,
            Version = 1,
        };
        db.Patients.Add(patient);
        audit.RecordChange(patient, PatientAccessAction.Created);
        return ValueTask.FromResult<Result<PatientResponse>>(PatientResponse.From(patient));
    }
}
