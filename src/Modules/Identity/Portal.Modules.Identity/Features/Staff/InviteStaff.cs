using Carter;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Data;
using Portal.Modules.Identity.Domain;
using Portal.Modules.Notifications.Contracts;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;
using Portal.Shared.Messaging;

namespace Portal.Modules.Identity.Features.Staff;

public sealed class InviteStaffEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPracticeAdminRoutes("Staff").MapPost("/staff/invitations", async (InviteStaff command, ISender sender, CancellationToken ct) =>
                (await sender.Send(command, ct)).ToCreatedResult(i => $"/api/practice/staff/invitations/{i.Id}"))
            .WithSummary("Invite someone to join the practice as a practitioner (or practice admin); the email links to {PublicBaseUrl}/admin/join/{token}")
            .Produces<StaffInvitationResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
}

public sealed record InviteStaff(string Email, string? GivenName, string? FamilyName, bool PracticeAdmin) : ICommand<Result<StaffInvitationResponse>>;

public sealed class InviteStaffValidator : AbstractValidator<InviteStaff>
{
    public InviteStaffValidator()
    {
        RuleFor(i => i.Email).NotEmpty().EmailAddress().MaximumLength(256);
        RuleFor(i => i.GivenName).MaximumLength(100);
        RuleFor(i => i.FamilyName).MaximumLength(100);
    }
}

internal sealed class InviteStaffHandler(
    IdentityModuleDbContext db, UserManager<PortalUser> users, StaffAccounts staff, ICurrentUser currentUser, IConfiguration configuration, TimeProvider clock)
    : ICommandHandler<InviteStaff, Result<StaffInvitationResponse>>
{
    public async ValueTask<Result<StaffInvitationResponse>> Handle(InviteStaff command, CancellationToken cancellationToken)
    {
        var groupId = currentUser.StaffPracticeGroupId;
        var email = command.Email.Trim();
        // One account per email: an address that already has one cannot join. Only this practice's own staff is named
        // as such; for anyone else's account (a patient's, another practice's) the answer is the same as for a free
        // address, so no practice can learn who has an account, and the email tells the owner why it has no link.
        var normalized = users.NormalizeEmail(email);
        var existing = await db.Users.AsNoTracking()
            .Where(u => u.NormalizedEmail == normalized)
            .Select(u => new { u.PracticeGroupId, u.Kind })
            .SingleOrDefaultAsync(cancellationToken);
        if (existing is { Kind: AccountKind.Practitioner } && existing.PracticeGroupId == groupId)
        {
            return StaffErrors.EmailTaken;
        }

        var now = clock.GetUtcNow();
        var lowered = email.ToLowerInvariant();
        if (await db.StaffInvitations.AnyAsync(
                i => i.PracticeGroupId == groupId && i.Email.ToLower() == lowered && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now,
                cancellationToken))
        {
            return StaffErrors.InvitationPendingExists;
        }

        var token = SecretTokens.New();
        var invitation = new StaffInvitation
        {
            Id = Guid.CreateVersion7(),
            PracticeGroupId = groupId,
            Email = email,
            GivenName = string.IsNullOrWhiteSpace(command.GivenName) ? null : command.GivenName.Trim(),
            FamilyName = string.IsNullOrWhiteSpace(command.FamilyName) ? null : command.FamilyName.Trim(),
            PracticeAdmin = command.PracticeAdmin,
            TokenHash = SecretTokens.Hash(token),
            CreatedAt = now,
            InvitedByUserId = currentUser.UserId,
            InvitedByName = currentUser.Name,
            ExpiresAt = now.AddDays(configuration.GetValue("StaffInvitations:ExpiryDays", 7)),
        };
        db.StaffInvitations.Add(invitation);

        var practice = await db.PracticeGroups.Where(g => g.Id == groupId).Select(g => g.Name).SingleAsync(cancellationToken);
        var role = command.PracticeAdmin ? "a practitioner and practice admin" : "a practitioner";
        var greeting = invitation.GivenName is null ? "Hello" : $"Hello {invitation.GivenName}";
        var invited = $"{currentUser.Name} invites you to join {practice} on Portal as {role}.";
        db.Publish(new EmailRequested(
            Guid.CreateVersion7(),
            now,
            groupId,
            email,
            existing is null
                ? new EmailContent(
                    $"Join {practice} on Portal",
                    greeting,
                    [
                        invited,
                        $"The link below works once and until {invitation.ExpiresAt:d MMMM yyyy} (UTC). If you did not expect this email, you can ignore it.",
                    ],
                    new EmailAction("Join the practice", $"{PublicBaseUrl.From(configuration)}/admin/join/{token}"))
                : new EmailContent(
                    $"Join {practice} on Portal",
                    greeting,
                    [
                        invited,
                        "This email address already has a Portal account, and an account belongs to one person at one practice, so it cannot join. Ask them to invite another address of yours (for example your work email).",
                    ])));
        staff.Log(SecurityEventKind.StaffInvited, accountId: null, $"{email} invited to join as {role}.");
        return StaffInvitationResponse.From(invitation, now);
    }
}
