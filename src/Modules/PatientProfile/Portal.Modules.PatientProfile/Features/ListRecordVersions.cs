using System.Text.Json.Nodes;
using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.PatientProfile.ChangeRequests;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Modules.PatientProfile.Data;
using Portal.Modules.PatientProfile.Domain;
using Portal.Modules.PatientProfile.Features.Shared;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.PatientProfile.Features;

public sealed class ListRecordVersionsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPracticeRoutes("Patients").MapGet("/patients/{patientId:guid}/versions", async (Guid patientId, string? subject, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ListRecordVersions(patientId, subject, Paging.From(page, pageSize)), ct)).ToHttpResult())
            .WithSummary("Every applied change of the patient's record, by anyone, newest first: who, when, how (patientEdit, practiceEdit, approval, restore) and each field before and after; ?subject=profile|healthRecord|funding")
            .Produces<PagedList<RecordVersionResponse>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}

/// <summary>One applied change: the fields it changed, with their values before and after.</summary>
public sealed record RecordVersionResponse(
    Guid Id,
    RecordPart Subject,
    int Version,
    DateTimeOffset ChangedAt,
    VersionAuthor ChangedBy,
    VersionSource Source,
    Guid? ChangeRequestId,
    Guid? RestoredFromVersionId,
    IReadOnlyList<FieldChangeResponse> Changes)
{
    internal static RecordVersionResponse From(RecordVersion v)
    {
        var before = JsonNode.Parse(v.Before)!.AsObject();
        var after = JsonNode.Parse(v.After)!.AsObject();
        var changes = before.Select(f => f.Key).Union(after.Select(f => f.Key))
            .Where(field => !JsonNode.DeepEquals(before[field], after[field]))
            .Select(field => FieldChangeResponse.Of(new FieldChange(field, before[field]?.DeepClone(), after[field]?.DeepClone())))
            .ToList();
        return new RecordVersionResponse(v.Id, v.Subject, v.Version, v.At, new VersionAuthor(v.ChangedByUserId, v.ChangedByName),
            v.Source, v.ChangeRequestId, v.RestoredFromVersionId, changes);
    }
}

public sealed record VersionAuthor(Guid UserId, string Name);

public sealed record ListRecordVersions(Guid PatientId, string? Subject, Paging Paging) : IQuery<Result<PagedList<RecordVersionResponse>>>;

internal sealed class ListRecordVersionsHandler(PatientProfileDbContext db, PatientAuditLog audit, ICurrentUser currentUser)
    : IQueryHandler<ListRecordVersions, Result<PagedList<RecordVersionResponse>>>
{
    private static readonly Error UnknownSubject =
        Error.Validation("validation.failed", "Use subject=profile, subject=healthRecord or subject=funding.", "subject");

    public async ValueTask<Result<PagedList<RecordVersionResponse>>> Handle(ListRecordVersions query, CancellationToken cancellationToken)
    {
        var part = CamelCaseNames.Parse<RecordPart>(query.Subject);
        if (query.Subject is not null && part is null)
        {
            return UnknownSubject;
        }

        var groupId = currentUser.StaffPracticeGroupId;
        if (!await db.Patients.AnyAsync(p => p.Id == query.PatientId && p.PracticeGroupId == groupId, cancellationToken))
        {
            return PatientErrors.NotFound;
        }

        var versions = db.RecordVersions.AsNoTracking().Where(v => v.PatientId == query.PatientId && v.PracticeGroupId == groupId);
        if (part is { } subject)
        {
            versions = versions.Where(v => v.Subject == subject);
        }

        var total = await versions.CountAsync(cancellationToken);
        var page = await versions.OrderByDescending(v => v.At).ThenByDescending(v => v.Id)
            .Skip(query.Paging.Skip).Take(query.Paging.PageSize)
            .ToListAsync(cancellationToken);
        await audit.RecordReadAsync(query.PatientId, groupId, AccessLogSubject.History, cancellationToken);
        return new PagedList<RecordVersionResponse>(page.Select(RecordVersionResponse.From).ToList(), total);
    }
}
