using Carter;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Portal.Modules.NoteSharing.Contracts;
using Portal.Modules.NoteSharing.Data;
using Portal.Modules.NoteSharing.Domain;
using Portal.Modules.NoteSharing.Features.Shared;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;
using Portal.Shared.Messaging;

namespace Portal.Modules.NoteSharing.Features;

public sealed class WriteNoteEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPracticeRoutes("Clinical notes").MapPost("/patients/{patientId:guid}/notes", async (Guid patientId, NewNote body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new WriteNote(patientId, body.Body, body.Visibility), ct)).ToCreatedResult(n => $"/api/practice/notes/{n.Id}"))
            .WithSummary("Write a clinical note on a patient: group (read by the practice while note sharing is on) or private (yours alone)")
            .Produces<NoteResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}

public sealed record NewNote(string Body, NoteVisibility? Visibility);

public sealed record WriteNote(Guid PatientId, string Body, NoteVisibility? Visibility) : ICommand<Result<NoteResponse>>;

public sealed class WriteNoteValidator : AbstractValidator<WriteNote>
{
    public WriteNoteValidator()
    {
        RuleFor(n => n.Body).NotEmpty().MaximumLength(ClinicalNote.MaxBodyLength);
        RuleFor(n => n.Visibility).NotNull().WithMessage("Choose who may read the note: group or private.").IsInEnum();
    }
}

internal sealed class WriteNoteHandler(NoteSharingDbContext db, NoteReading reading, IPatientDirectory patients, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<WriteNote, Result<NoteResponse>>
{
    public async ValueTask<Result<NoteResponse>> Handle(WriteNote command, CancellationToken cancellationToken)
    {
        var groupId = currentUser.StaffPracticeGroupId;
        if (await patients.FindAsync(groupId, command.PatientId, cancellationToken) is null)
        {
            return PatientRecordErrors.NotFound;
        }

        var now = clock.GetUtcNow();
        var note = ClinicalNote.Write(groupId, command.PatientId, currentUser.UserId, currentUser.Name, command.Visibility!.Value, command.Body, now);
        db.Notes.Add(note);
        db.Publish(new PatientRecordAccessed(Guid.CreateVersion7(), now, note.PatientId, groupId, currentUser.UserId, currentUser.Name,
            PatientAccessAction.Created, AccessLogSubject.Notes, reading.RemoteAddressOfRequest));
        return NoteResponse.From(note, []);
    }
}
