using System.Text.Json.Nodes;
using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Modules.PatientProfile.Data;
using Portal.Modules.PatientProfile.Domain;
using Portal.Modules.PatientProfile.Features.Shared;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.PatientProfile.Features;

public sealed class RestoreRecordVersionEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPracticeRoutes("Patients").MapPost("/patients/{patientId:guid}/versions/{versionId:guid}/restore",
                async (Guid patientId, Guid versionId, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] RestoreOptions? options, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new RestoreRecordVersion(patientId, versionId, options?.Version), ct)).ToHttpResult())
            .WithSummary("Bring back that part of the record as it was before this change (itself a new version, so it can be undone); send the part's current {version} to make sure nobody saved in between (409 patients.stale)")
            .Produces<RecordVersionResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

/// <summary><paramref name="Version"/>: the version of the part the practitioner is looking at (optional).</summary>
public sealed record RestoreOptions(int? Version);

public sealed record RestoreRecordVersion(Guid PatientId, Guid VersionId, int? ExpectedVersion) : ICommand<Result<RecordVersionResponse>>;

internal sealed class RestoreRecordVersionHandler(
    PatientProfileDbContext db, RecordParts parts, RecordHistory history, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RestoreRecordVersion, Result<RecordVersionResponse>>
{
    public static readonly Error NotFound = Error.NotFound("versions.not-found", "No such version of this patient's record.");

    public static readonly Error NothingToRestore =
        Error.Conflict("versions.nothing-to-restore", "This part of the record already is as it was before that change.");

    public async ValueTask<Result<RecordVersionResponse>> Handle(RestoreRecordVersion command, CancellationToken cancellationToken)
    {
        var groupId = currentUser.StaffPracticeGroupId;
        var record = await PatientRecord.LoadAsync(db, groupId, command.PatientId, cancellationToken);
        if (record is null)
        {
            return PatientErrors.NotFound;
        }

        var version = await db.RecordVersions.AsNoTracking()
            .SingleOrDefaultAsync(v => v.Id == command.VersionId && v.PatientId == command.PatientId && v.PracticeGroupId == groupId, cancellationToken);
        if (version is null)
        {
            return NotFound;
        }

        var part = parts.Of(version.Subject);
        await part.LoadAsync(record, cancellationToken);
        if (command.ExpectedVersion is { } expected && part.VersionOf(record) != expected)
        {
            return PracticeRecordSave.Stale;
        }

        var earlier = JsonNode.Parse(version.Before)!.AsObject();
        if (JsonNode.DeepEquals(part.Read(record), earlier))
        {
            return NothingToRestore;
        }

        var now = clock.GetUtcNow();
        history.Apply(part, record, earlier, now, VersionSource.Restore, restoredFromVersionId: version.Id);
        var saved = await history.SaveAsync(part, [record], now, ct => PracticeRecordSave.SaveAsync(db, ct), PracticeRecordSave.Stale, cancellationToken);
        if (saved.IsFailure)
        {
            return saved.Error!;
        }

        var restored = db.ChangeTracker.Entries<RecordVersion>().Select(e => e.Entity).Single(v => v.RestoredFromVersionId == version.Id);
        return RecordVersionResponse.From(restored);
    }
}
