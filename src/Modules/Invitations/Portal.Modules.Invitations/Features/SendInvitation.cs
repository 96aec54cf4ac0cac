using Carter;
using FluentValidation;
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

namespace Portal.Modules.Invitations.Features;

public sealed class SendInvitationEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPracticeRoutes("Invitations").MapPost("/patients/{patientId:guid}/invitations", async (Guid patientId, SendInvitationRequest? request, ISender sender, CancellationToken ct) =>
                (await sender.Send(new SendInvitation(patientId, request?.Email, request?.Message), ct))
                    .ToCreatedResult(i => $"/api/practice/invitations/{i.Id}"))
            .WithSummary("Invite a patient to the portal; the email links to {PublicBaseUrl}/invite/{token}. Another address than the record's needs a practice admin (403 invitations.other-address-needs-admin) and is told to the address on record")
            .Produces<InvitationResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

public sealed record SendInvitationRequest(string? Email, string? Message);

public sealed record SendInvitation(Guid PatientId, string? Email, string? Message) : ICommand<Result<InvitationResponse>>;

public sealed class SendInvitationValidator : AbstractValidator<SendInvitation>
{
    public SendInvitationValidator()
    {
        RuleFor(s => s.Email).EmailAddress().MaximumLength(256);
        RuleFor(s => s.Message).MaximumLength(1000);
    }
}

internal sealed class SendInvitationHandler(
    InvitationsDbContext db,
    IPortalSettingsApi settings,
    IPatientDirectory patients,
    IIdentityApi identity,
    InvitationIssuer issuer,
    InvitationAddress address,
    ICurrentUser currentUser,
    TimeProvider clock) : ICommandHandler<SendInvitation, Result<InvitationResponse>>
{
    public async ValueTask<Result<InvitationResponse>> Handle(SendInvitation command, CancellationToken cancellationToken)
    {
        var groupId = currentUser.StaffPracticeGroupId;
        if (InvitationPolicy.Refusal(await settings.GetAsync(groupId, cancellationToken)) is { } refusal)
        {
            return refusal;
        }

        var patient = await patients.FindAsync(groupId, command.PatientId, cancellationToken);
        if (patient is null)
        {
            return InvitationErrors.PatientNotFound;
        }

        if (await identity.FindAccountLinkedToPatientAsync(patient.PatientId, cancellationToken) is not null)
        {
            return InvitationErrors.AlreadyLinked;
        }

        var now = clock.GetUtcNow();
        if (await db.Invitations.AnyAsync(i => i.PatientId == patient.PatientId && i.Status == InvitationStatus.Pending && i.ExpiresAt > now, cancellationToken))
        {
            return InvitationErrors.PendingExists;
        }

        var email = string.IsNullOrWhiteSpace(command.Email) ? patient.Email : command.Email.Trim();
        if (string.IsNullOrWhiteSpace(email))
        {
            return InvitationErrors.EmailRequired;
        }

        if (address.Refusal(email, patient.Email) is { } otherAddress)
        {
            return otherAddress;
        }

        await issuer.CloseLapsedAsync([patient.PatientId], cancellationToken);
        var invitation = await issuer.IssueAsync(patient, email, command.Message, currentUser.UserId, currentUser.Name, cancellationToken);
        await address.TellIfOtherAsync(invitation, patient.Email, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);   // here, so a concurrent second invitation becomes a 409
        }
        catch (DbUpdateException)
        {
            if (!await db.Invitations.AsNoTracking().AnyAsync(i => i.PatientId == patient.PatientId && i.Status == InvitationStatus.Pending, cancellationToken))
            {
                throw;
            }

            return InvitationErrors.PendingExists;
        }

        return InvitationResponse.From(invitation, now);
    }
}
