using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Invitations.Contracts;
using Portal.Modules.Invitations.Data;
using Portal.Modules.Invitations.Domain;
using Portal.Modules.Invitations.Features.Shared;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Modules.PortalSettings.Contracts;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;
using Portal.Shared.Messaging;

namespace Portal.Modules.Invitations.Features;

public sealed class AcceptInvitationEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapAnonymousRoutes("/api/invitations", "Invitations").MapPost("/{token}/accept", async (string token, AcceptInvitationRequest? request, ISender sender, CancellationToken ct) =>
                (await sender.Send(new AcceptInvitation(token, request?.Password), ct)).ToCreatedResult(_ => "/api/me"))
            .WithSummary("Accept an invitation: a new account with this password, or (signed in) link this practice to your existing account")
            .Produces<AcceptedInvitation>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status410Gone);
}

public sealed record AcceptInvitationRequest(string? Password);

public sealed record AcceptedInvitation(Guid UserId);

public sealed record AcceptInvitation(string Token, string? Password) : ICommand<Result<AcceptedInvitation>>;

internal sealed class AcceptInvitationHandler(
    InvitationsDbContext db, InvitationLookup lookup, IIdentityApi identity, IPortalSettingsApi settings, ICurrentUser currentUser, PortalAccessLog accessLog, TimeProvider clock)
    : ICommandHandler<AcceptInvitation, Result<AcceptedInvitation>>
{
    public async ValueTask<Result<AcceptedInvitation>> Handle(AcceptInvitation command, CancellationToken cancellationToken)
    {
        var found = await lookup.FindUsableAsync(command.Token, cancellationToken);
        if (found.IsFailure)
        {
            return found.Error!;
        }

        var invitation = found.Value;
        if (!(await settings.GetAsync(invitation.PracticeGroupId, cancellationToken)).PortalEnabled)
        {
            return InvitationErrors.PortalDisabled;
        }

        // The claim (Pending → Accepted) comes first and everything after it is one transaction: a second accept of the
        // same link waits for it and then finds the invitation used (410), never the account or link the first one is
        // making; if a check below refuses or creating the account fails, nothing is claimed.
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Invitations
            .Where(i => i.Id == invitation.Id && i.TokenHash == invitation.TokenHash && i.Status == InvitationStatus.Pending && i.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.Status, InvitationStatus.Accepted).SetProperty(i => i.AcceptedAt, now), cancellationToken);
        if (claimed == 0)
        {
            // Used, revoked, resent or expired since the lookup: say which.
            var current = await lookup.FindUsableAsync(command.Token, cancellationToken);
            return current.IsFailure ? current.Error! : InvitationErrors.Used;
        }

        var linkedTo = await identity.FindAccountLinkedToPatientAsync(invitation.PatientId, cancellationToken);
        if (linkedTo is not null)
        {
            return InvitationErrors.AlreadyLinked;   // the record joined the portal through another invitation
        }

        var account = await identity.FindAccountByEmailAsync(invitation.Email, cancellationToken);
        if (account is not null)
        {
            // One account, several practices: only the signed-in owner may add this practice's record to it.
            if (!currentUser.IsAuthenticated)
            {
                return InvitationErrors.SignInRequired;
            }

            if (currentUser.UserId != account.UserId)
            {
                return InvitationErrors.WrongAccount;
            }
        }
        else if (string.IsNullOrEmpty(command.Password) || command.Password.Length < 12)
        {
            return InvitationErrors.PasswordRequired;
        }

        Guid userId;
        if (account is null)
        {
            var created = await identity.CreatePatientAccountAsync(
                new NewPatientAccount(invitation.Email, command.Password!, invitation.PatientGivenName, invitation.PatientFamilyName), cancellationToken);
            if (created.IsFailure)
            {
                return created.Error!;
            }

            userId = created.Value;
        }
        else
        {
            userId = account.UserId;
        }

        var linked = await identity.LinkPatientRecordAsync(userId, invitation.PatientId, invitation.PracticeGroupId, cancellationToken);
        if (linked.IsFailure)
        {
            return linked.Error!;
        }

        await db.Invitations.Where(i => i.Id == invitation.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.AcceptedByUserId, userId), cancellationToken);
        var patientName = $"{invitation.PatientGivenName} {invitation.PatientFamilyName}".Trim();
        db.Publish(new InvitationAccepted(Guid.CreateVersion7(), now, invitation.PracticeGroupId, invitation.PatientId, invitation.Id, userId, patientName));
        accessLog.Record(invitation.PatientId, invitation.PracticeGroupId, userId, patientName, PatientAccessAction.Accepted);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AcceptedInvitation(userId);
    }
}
