using Carter;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Portal.Modules.Invitations.Data;
using Portal.Modules.Invitations.Domain;
using Portal.Modules.Invitations.Features.Shared;
using Portal.Modules.PortalSettings.Contracts;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.Invitations.Features;

public sealed class BulkInviteEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPracticeRoutes("Invitations").MapPost("/invitations/bulk", async (BulkInvite command, ISender sender, CancellationToken ct) =>
            {
                var result = await sender.Send(command, ct);
                return result.IsSuccess
                    ? TypedResults.Accepted($"/api/practice/invitations/bulk/{result.Value.Id}", result.Value)
                    : result.Error!.ToProblem();
            })
            .WithSummary("Invite many patients: answers at once with what was accepted and skipped; emails go out in the background")
            .Produces<BulkInviteAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem();
}

public sealed record BulkInvite(IReadOnlyList<Guid> PatientIds) : ICommand<Result<BulkInviteAccepted>>;

public sealed record BulkInviteAccepted(Guid Id, int Accepted, IReadOnlyList<SkippedPatient> Skipped);

public sealed record SkippedPatient(Guid PatientId, string Code);

public sealed class BulkInviteValidator : AbstractValidator<BulkInvite>
{
    public const int MaxPatients = 5000;

    public BulkInviteValidator() =>
        RuleFor(b => b.PatientIds).NotNull().NotEmpty()
            .Must(ids => ids is null || ids.Count <= MaxPatients).WithMessage($"At most {MaxPatients} patients per bulk invitation.");
}

internal sealed class BulkInviteHandler(
    InvitationsDbContext db, IPortalSettingsApi settings, InvitationEligibility eligibility, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<BulkInvite, Result<BulkInviteAccepted>>
{
    public async ValueTask<Result<BulkInviteAccepted>> Handle(BulkInvite command, CancellationToken cancellationToken)
    {
        var groupId = currentUser.StaffPracticeGroupId;
        if (InvitationPolicy.Refusal(await settings.GetAsync(groupId, cancellationToken)) is { } refusal)
        {
            return refusal;
        }

        var verdicts = await eligibility.CheckAsync(groupId, command.PatientIds, cancellationToken);
        var accepted = verdicts.Where(v => v.RefusalCode is null).Select(v => v.PatientId).ToList();
        var bulk = new BulkInvitation
        {
            Id = Guid.CreateVersion7(),
            PracticeGroupId = groupId,
            RequestedByUserId = currentUser.UserId,
            RequestedByName = currentUser.Name,
            CreatedAt = clock.GetUtcNow(),
            Total = accepted.Count,
        };
        bulk.CompleteIfDone(nothingLeft: accepted.Count == 0, clock.GetUtcNow());
        db.BulkInvitations.Add(bulk);
        db.BulkInvitationItems.AddRange(accepted.Select(id => new BulkInvitationItem { BulkInvitationId = bulk.Id, PatientId = id }));

        var skipped = verdicts.Where(v => v.RefusalCode is not null).Select(v => new SkippedPatient(v.PatientId, v.RefusalCode!)).ToList();
        return new BulkInviteAccepted(bulk.Id, accepted.Count, skipped);
    }
}
