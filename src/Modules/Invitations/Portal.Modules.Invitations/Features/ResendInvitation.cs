using Carter;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
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

public sealed class ResendInvitationEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPracticeRoutes("Invitations").MapPost("/invitations/{id:guid}/resend", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ResendInvitation(id), ct)).ToHttpResult())
            .WithSummary("Send a pending or expired invitation again with a new link and expiry; the old link stops working")
            .Produces<InvitationResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

public sealed record ResendInvitation(Guid InvitationId) : ICommand<Result<InvitationResponse>>;

internal sealed class ResendInvitationHandler(
    InvitationsDbContext db,
    IPortalSettingsApi settings,
    IIdentityApi identity,
    IPatientDirectory patients,
    InvitationMailer mailer,
    InvitationAddress address,
    PortalAccessLog accessLog,
    ICurrentUser currentUser,
    IOptions<InvitationSettings> options,
    TimeProvider clock)
    : ICommandHandler<ResendInvitation, Result<InvitationResponse>>
{
    public async ValueTask<Result<InvitationResponse>> Handle(ResendInvitation command, CancellationToken cancellationToken)
    {
        var groupId = currentUser.StaffPracticeGroupId;
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == command.InvitationId && i.PracticeGroupId == groupId, cancellationToken);
        if (invitation is null)
        {
            return InvitationErrors.NotFound;
        }

        if (InvitationPolicy.Refusal(await settings.GetAsync(groupId, cancellationToken)) is { } refusal)
        {
            return refusal;
        }

        var now = clock.GetUtcNow();
        if (invitation.StatusAt(now) is not (InvitationStatus.Pending or InvitationStatus.Expired))
        {
            return InvitationErrors.NotPending;
        }

        if (await identity.FindAccountLinkedToPatientAsync(invitation.PatientId, cancellationToken) is not null)
        {
            return InvitationErrors.AlreadyLinked;   // accepted through another invitation meanwhile
        }

        if (await db.Invitations.AnyAsync(
                i => i.PatientId == invitation.PatientId && i.Id != invitation.Id && i.Status == InvitationStatus.Pending && i.ExpiresAt > now, cancellationToken))
        {
            return InvitationErrors.PendingExists;   // a newer invitation for the patient is already out
        }

        // The record's address today: it may have been corrected since the invitation was first sent.
        var recordEmail = (await patients.FindAsync(groupId, invitation.PatientId, cancellationToken))?.Email;
        if (address.Refusal(invitation.Email, recordEmail) is { } otherAddress)
        {
            return otherAddress;
        }

        // Every earlier link stops working, including the first one a reminder had left valid.
        foreach (var earlier in await db.SupersededTokens.Where(t => t.InvitationId == invitation.Id && t.StillValid).ToListAsync(cancellationToken))
        {
            earlier.StopWorking();
        }

        var token = SecretTokens.New();
        var resent = invitation.Resend(SecretTokens.Hash(token), now, now.AddDays(options.Value.ExpiryDays));
        if (resent.IsFailure)
        {
            return resent.Error!;
        }

        db.SupersededTokens.Add(resent.Value);
        await mailer.QueueAsync(invitation, token, reminder: false, cancellationToken);
        db.Publish(new InvitationSent(Guid.CreateVersion7(), now, groupId, invitation.PatientId, invitation.Id));
        await address.TellIfOtherAsync(invitation, recordEmail, cancellationToken);
        accessLog.Record(invitation.PatientId, groupId, currentUser.UserId, currentUser.Name, PatientAccessAction.InvitationResent);
        try
        {
            await db.SaveChangesAsync(cancellationToken);   // here, so racing resends or invitations become 409s, not 500s
        }
        catch (DbUpdateConcurrencyException)
        {
            return InvitationErrors.NotPending;
        }
        catch (DbUpdateException)
        {
            return InvitationErrors.PendingExists;
        }

        return InvitationResponse.From(invitation, now);
    }
}
