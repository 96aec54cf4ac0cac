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

public sealed class GetPatientEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPracticeRoutes("Patients").MapGet("/patients/{patientId:guid}", async (Guid patientId, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetPatient(patientId), ct)).ToHttpResult())
            .WithSummary("A patient's full record; the read is recorded in the patient's access log")
            .Produces<PatientResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}

public sealed record GetPatient(Guid PatientId) : IQuery<Result<PatientResponse>>;

internal sealed class GetPatientHandler(PatientProfileDbContext db, PatientAuditLog audit, ICurrentUser currentUser)
    : IQueryHandler<GetPatient, Result<PatientResponse>>
{
    public async ValueTask<Result<PatientResponse>> Handle(GetPatient query, CancellationToken cancellationToken)
    {
        var groupId = currentUser.StaffPracticeGroupId;
        var patient = await db.Patients.AsNoTracking()
            .SingleOrDefaultAsync(p => p.Id == query.PatientId && p.PracticeGroupId == groupId, cancellationToken);
        if (patient is null)
        {
            return PatientErrors.NotFound;   // another group's patient looks the same as none
        }

        await audit.RecordReadAsync(patient.Id, patient.PracticeGroupId, AccessLogSubject.Profile, cancellationToken);
        return PatientResponse.From(patient);
    }
}
