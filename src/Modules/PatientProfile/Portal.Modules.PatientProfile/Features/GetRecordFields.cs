using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Shared.Http;

namespace Portal.Modules.PatientProfile.Features;

public sealed class GetRecordFieldsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapSignedInRoutes("/api", "Patients").MapGet("/record-fields", async (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetRecordFields(), ct)))
            .WithSummary("The parts of a patient's record and their fields as the API names them, each with the words people read: label (inside a sentence) and heading (starting a line); any signed-in account")
            .Produces<RecordFieldsResponse>();
}

/// <summary>The record's vocabulary: <c>{parts: [{name, label, heading, fields: [{name, label, heading}]}]}</c>, in the order forms show it.</summary>
public sealed record RecordFieldsResponse(IReadOnlyList<RecordPartFields> Parts);

public sealed record RecordPartFields(string Name, string Label, string Heading, IReadOnlyList<RecordField> Fields)
{
    internal static RecordPartFields Of(RecordField part, IReadOnlyList<RecordField> fields) => new(part.Name, part.Label, part.Heading, fields);
}

public sealed record GetRecordFields : IQuery<RecordFieldsResponse>;

internal sealed class GetRecordFieldsHandler : IQueryHandler<GetRecordFields, RecordFieldsResponse>
{
    private static readonly RecordFieldsResponse Vocabulary = new(
    [
        RecordPartFields.Of(PatientProfileFields.ProfilePart, PatientProfileFields.Profile),
        RecordPartFields.Of(PatientProfileFields.HealthRecordPart, PatientProfileFields.HealthRecord),
        RecordPartFields.Of(PatientProfileFields.FundingPart, PatientProfileFields.Funding),
    ]);

    public ValueTask<RecordFieldsResponse> Handle(GetRecordFields query, CancellationToken cancellationToken) => ValueTask.FromResult(Vocabulary);
}
