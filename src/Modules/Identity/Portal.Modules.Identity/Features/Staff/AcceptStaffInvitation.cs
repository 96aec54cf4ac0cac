using Carter;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Data;
using Portal.Modules.Identity.Domain;
using Portal.Shared.Abstractions;
using Portal.Shared.Http;

namespace Portal.Modules.Identity.Features.Staff;

public sealed class AcceptStaffInvitationEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapAnonymousRoutes("/api/staff-invitations", "Staff").MapPost("/{token}/accept", async (string token, AcceptStaffInvitationRequest? request, ISender sender, CancellationToken ct) =>
                (await sender.Send(new AcceptStaffInvitation(token, request?.Password, request?.GivenName, request?.FamilyName), ct))
                    .ToCreatedResult(_ => "/api/me"))
            .WithSummary("Accept a staff invitation: a practitioner account of the practice with the invited role; the link works once")
            .Produces<AcceptedStaffInvitation>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status410Gone);
}

public sealed record AcceptStaffInvitationRequest(string? Password, string? GivenName, string? FamilyName);

public sealed record AcceptedStaffInvitation(Guid UserId);

public sealed record AcceptStaffInvitation(string Token, string? Password, string? GivenName, string? FamilyName) : ICommand<Result<AcceptedStaffInvitation>>;

public sealed class AcceptStaffInvitationValidator : AbstractValidator<AcceptStaffInvitation>
{
    public AcceptStaffInvitationValidator()
    {
        RuleFor(a => a.Password).NotEmpty().MaximumLength(1024);
        RuleFor(a => a.GivenName).MaximumLength(100);
        RuleFor(a => a.FamilyName).MaximumLength(100);
    }
}

internal sealed class AcceptStaffInvitationHandler(IdentityModuleDbContext db, AccountCreator accounts, TimeProvider clock)
    : ICommandHandler<AcceptStaffInvitation, Result<AcceptedStaffInvitation>>
{
    public async ValueTask<Result<AcceptedStaffInvitation>> Handle(AcceptStaffInvitation command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var found = await StaffInvitationLookup.FindUsableAsync(db, command.Token, now, track: true, cancellationToken);
        if (found.IsFailure)
        {
            return found.Error!;
        }

        var invitation = found.Value;
        var givenName = Named(command.GivenName) ?? invitation.GivenName;
        var familyName = Named(command.FamilyName) ?? invitation.FamilyName;
        if (givenName is null || familyName is null)
        {
            db.Entry(invitation).State = EntityState.Detached;
            return StaffErrors.NameRequired;
        }

        var user = new PortalUser
        {
            Id = Guid.CreateVersion7(),
            UserName = invitation.Email,
            Email = invitation.Email,
            EmailConfirmed = true,   // the invitation reached this address
            GivenName = givenName,
            FamilyName = familyName,
            Kind = AccountKind.Practitioner,
            PracticeGroupId = invitation.PracticeGroupId,
            CreatedAt = now,
        };
        invitation.Accept(user.Id, now);
        // Creating the account saves the claimed invitation with it, in one transaction: a second accept of the same link
        // finds it changed (its concurrency check fails) or its email taken, and nothing of it is saved.
        string[] roles = invitation.PracticeAdmin ? [Roles.Practitioner, Roles.PracticeAdmin] : [Roles.Practitioner];
        try
        {
            var created = await accounts.CreateAsync(user, command.Password!, roles);
            if (!created.Succeeded)
            {
                db.Entry(invitation).State = EntityState.Detached;
                return created.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName")
                    ? StaffErrors.EmailTaken
                    : PasswordErrors.From(created, "password");
            }
        }
        catch (DbUpdateException)
        {
            db.Entry(invitation).State = EntityState.Detached;
            var current = await StaffInvitationLookup.FindUsableAsync(db, command.Token, now, track: false, cancellationToken);
            return current.IsFailure ? current.Error! : StaffErrors.EmailTaken;
        }

        return new AcceptedStaffInvitation(user.Id);
    }

    private static string? Named(string? name) => string.IsNullOrWhiteSpace(name) ? null : name.Trim();
}
