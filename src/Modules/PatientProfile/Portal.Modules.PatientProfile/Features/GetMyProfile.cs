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
using Portal.Modules.PortalSettings.Contracts;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.PatientProfile.Features;

public sealed class GetMyProfileEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPatientRoutes("Patient portal").MapGet("/profile", async (Guid? patientId, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetMyProfile(patientId), ct)).ToHttpResult())
            .WithSummary("Your personal details, with how your practice handles changes you make (updatePolicy) and which fields' changes will wait for its approval (fieldsNeedingApproval)")
            .Produces<MyProfile>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}

public sealed record MyProfile(
    Guid PatientId,
    string GivenName,
    string FamilyName,
    string? PreferredName,
    DateOnly DateOfBirth,
    Sex? Sex,
    string? Email,
    string? MobilePhone,
    AddressDto? Address,
    EmergencyContactDto? EmergencyContact,
    PatientUpdatePolicy UpdatePolicy,
    int Version)
{
    /// <summary>
    /// The fields whose change will wait for the practice's approval, so the patient knows before saving: every field
    /// under <c>requireApproval</c>, the practice's "always approve" list under <c>autoUpdate</c>, none when edits are refused.
    /// </summary>
    public IReadOnlyList<string> FieldsNeedingApproval { get; init; } = [];

    internal static MyProfile From(Patient patient, PortalSettingsSnapshot settings)
    {
        var d = PatientDetails.From(patient);
        return new MyProfile(patient.Id, d.GivenName, d.FamilyName, d.PreferredName, patient.DateOfBirth, d.Sex, d.Email, d.MobilePhone,
            d.Address, d.EmergencyContact, settings.PatientUpdates, patient.Version)
        {
            FieldsNeedingApproval = settings.PatientUpdates switch
            {
                PatientUpdatePolicy.RequireApproval => PatientProfileFields.All,
                PatientUpdatePolicy.AutoUpdate => settings.AlwaysApproveFields.Names.Where(PatientProfileFields.All.Contains).ToList(),
                _ => [],
            },
        };
    }
}

public sealed record GetMyProfile(Guid? PatientId) : IQuery<Result<MyProfile>>;

internal sealed class GetMyProfileHandler(PatientProfileDbContext db, PortalPatientSelector selector)
    : IQueryHandler<GetMyProfile, Result<MyProfile>>
{
    public async ValueTask<Result<MyProfile>> Handle(GetMyProfile query, CancellationToken cancellationToken)
    {
        var selected = await selector.SelectAsync(query.PatientId, cancellationToken);
        if (selected.IsFailure)
        {
            return selected.Error!;
        }

        var context = selected.Value;
        var patient = await PatientQuery(db, context.PatientId, context.PracticeGroupId, cancellationToken);
        if (patient is null)
        {
            return PortalPatientSelector.NotFound;
        }

        return MyProfile.From(patient, context.Settings);
    }

    // The patient's details page and home read this on every visit: compiled once (docs/decisions/0012).
    private static readonly Func<PatientProfileDbContext, Guid, Guid, CancellationToken, Task<Patient?>> PatientQuery =
        EF.CompileAsyncQuery((PatientProfileDbContext db, Guid patientId, Guid practiceGroupId, CancellationToken _) =>
            db.Patients.AsNoTracking().SingleOrDefault(p => p.Id == patientId && p.PracticeGroupId == practiceGroupId));
}
