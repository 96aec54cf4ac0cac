using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.PatientProfile.Data;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.PatientProfile.Features;

public sealed class GetMyProfilesEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPatientRoutes("Patient portal").MapGet("/profiles", async (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetMyProfiles(), ct)))
            .WithSummary("The patient records linked to your account, one per practice (or dependant)")
            .Produces<IReadOnlyList<MyProfileSummary>>();
}

public sealed record MyProfileSummary(Guid PatientId, Guid PracticeGroupId, string PracticeName, string GivenName, string FamilyName);

public sealed record GetMyProfiles : IQuery<IReadOnlyList<MyProfileSummary>>;

internal sealed class GetMyProfilesHandler(PatientProfileDbContext db, IIdentityApi identity, ICurrentUser currentUser)
    : IQueryHandler<GetMyProfiles, IReadOnlyList<MyProfileSummary>>
{
    public async ValueTask<IReadOnlyList<MyProfileSummary>> Handle(GetMyProfiles query, CancellationToken cancellationToken)
    {
        var linked = await identity.GetLinkedPatientRecordsAsync(currentUser.UserId, cancellationToken);
        var ids = linked.Select(l => l.PatientId).ToList();
        var patients = await NamesQuery(db, ids).ToDictionaryAsync(p => p.Id, cancellationToken: cancellationToken);
        var practiceNames = new Dictionary<Guid, string>();
        foreach (var groupId in linked.Select(l => l.PracticeGroupId).Distinct())
        {
            practiceNames[groupId] = (await identity.GetPracticeGroupAsync(groupId, cancellationToken))?.Name ?? string.Empty;
        }

        return linked
            .Where(l => patients.ContainsKey(l.PatientId))
            .Select(l => new MyProfileSummary(l.PatientId, l.PracticeGroupId, practiceNames[l.PracticeGroupId], patients[l.PatientId].GivenName, patients[l.PatientId].FamilyName))
            .ToList();
    }

    // Part of the patient's home page: compiled once (docs/decisions/0012).
    private static readonly Func<PatientProfileDbContext, List<Guid>, IAsyncEnumerable<PatientName>> NamesQuery =
        EF.CompileAsyncQuery((PatientProfileDbContext db, List<Guid> ids) =>
            db.Patients.Where(p => ids.Contains(p.Id)).Select(p => new PatientName(p.Id, p.GivenName, p.FamilyName)));

    private sealed record PatientName(Guid Id, string GivenName, string FamilyName);
}
