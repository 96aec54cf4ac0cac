using System.Text.Json.Nodes;
using Mediator;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Modules.PatientProfile.Features.Shared;
using Portal.Shared.Abstractions;

namespace Portal.Modules.PatientProfile.Features;

/// <summary>The answer to one edit sent to several records: <c>{results:[{patientId, outcome, changeRequestId?, code?}]}</c>.</summary>
public sealed record SeveralRecordsEdited(IReadOnlyList<RecordEditResult> Results);

/// <summary>
/// One change sent to several of the account's records (<c>?patientId=A&amp;patientId=B</c>), e.g. a new address for
/// every practice at once. Each record follows its own practice's policy; the PATCH routes of the profile and the
/// health record send it when more than one <c>patientId</c> is given.
/// </summary>
public sealed record EditSeveralRecords(RecordPart Part, IReadOnlyList<Guid> PatientIds, JsonObject Changes) : ICommand<Result<SeveralRecordsEdited>>;

internal sealed class EditSeveralRecordsHandler(PortalRecordEditor editor, RecordParts parts)
    : ICommandHandler<EditSeveralRecords, Result<SeveralRecordsEdited>>
{
    public async ValueTask<Result<SeveralRecordsEdited>> Handle(EditSeveralRecords command, CancellationToken cancellationToken)
    {
        var results = await editor.EditManyAsync(parts.Of(command.Part), command.PatientIds, command.Changes, cancellationToken);
        return results.IsFailure ? results.Error! : new SeveralRecordsEdited(results.Value);
    }
}
