using Carter;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.NoteSharing.Data;
using Portal.Modules.NoteSharing.Domain;
using Portal.Modules.NoteSharing.Features.Shared;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;
using Portal.Shared.Messaging;
using Portal.Shared.Persistence;

namespace Portal.Modules.NoteSharing.Features;

public sealed class AmendNoteEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPracticeRoutes("Clinical notes").MapPost("/notes/{id:guid}/amendments", async (Guid id, NoteAmendmentBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new AmendNote(id, body.Body), ct)).ToCreatedResult(n => $"/api/practice/notes/{n.Id}"))
            .WithSummary("Amend your note: the amendment is a new revision kept beside the original, which never changes")
            .Produces<NoteResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

public sealed record NoteAmendmentBody(string Body);

public sealed record AmendNote(Guid NoteId, string Body) : ICommand<Result<NoteResponse>>;

public sealed class AmendNoteValidator : AbstractValidator<AmendNote>
{
    public AmendNoteValidator() => RuleFor(n => n.Body).NotEmpty().MaximumLength(ClinicalNote.MaxBodyLength);
}

internal sealed class AmendNoteHandler(NoteSharingDbContext db, NoteReading reading, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<AmendNote, Result<NoteResponse>>
{
    public async ValueTask<Result<NoteResponse>> Handle(AmendNote command, CancellationToken cancellationToken)
    {
        var visible = await reading.VisibleNotesAsync(cancellationToken);
        var rootId = await visible.Where(n => n.Id == command.NoteId).Select(n => (Guid?)n.RootNoteId).SingleOrDefaultAsync(cancellationToken);
        if (rootId is null)
        {
            return NoteReading.NotFound;
        }

        var revisions = await visible.Where(n => n.RootNoteId == rootId).OrderBy(n => n.Revision).ToListAsync(cancellationToken);
        var original = revisions[0];
        if (original.AuthorUserId != currentUser.UserId)
        {
            return Error.Forbidden("notes.not-author", "Only the author of a note can amend it.");
        }

        var now = clock.GetUtcNow();
        var amendment = original.Amend(revisions[^1].Revision + 1, command.Body, now);
        db.Notes.Add(amendment);
        db.Publish(new PatientRecordAccessed(Guid.CreateVersion7(), now, original.PatientId, original.PracticeGroupId, currentUser.UserId,
            currentUser.Name, PatientAccessAction.Updated, AccessLogSubject.Notes, reading.RemoteAddressOfRequest));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            return Error.Conflict("notes.amended-concurrently", "The note was amended at the same moment. Reload it and amend it again.");
        }

        return NoteResponse.From(original, [.. revisions.Skip(1), amendment]);
    }
}
